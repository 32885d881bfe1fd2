// The Firefox build reads and marks pages in Firefox ESR (test build, answered through the window-message hooks):
// the demo article and an own fixture, with CSS highlights the page can see, and switching off leaves no mark.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FirefoxWithExtension } from '../../scripts/lib/firefox.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import { firefoxAvailable } from '../support/browsers.ts';
import { DEMO, FIXTURES } from '../support/paths.ts';
import { LIVE_SHADOW_PAGE, LIVE_SHADOW_STEPS } from '../support/live-shadow-page.ts';
import { askTestHook, closeFirefox, highlightCount, mentionsViaTestHook, openFirefox, settled } from './support.ts';

describe.runIf(firefoxAvailable)('page marking in Firefox ESR', () => {
  let firefox: FirefoxWithExtension;
  let server: StaticServer;

  beforeAll(async () => ({ firefox, server } = await openFirefox({ '/demo/': DEMO, '/': FIXTURES })));
  afterAll(() => closeFirefox({ firefox, server }));

  it('marks an own fixture exactly, and switching off removes every mark', async () => {
    const page = await firefox.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(server.url('/page-ru.html'));
    const answer = await settled(page);
    expect(answer).toMatchObject({ lang: 'ru', published: '2021-08-31' });
    expect(answer.mentions).toEqual(JSON.parse(readFileSync(join(FIXTURES, 'page-ru.expected.json'), 'utf8')));
    expect(await highlightCount(page)).toBe(answer.mentions.length);
    await page.evaluate(() => window.postMessage({ source: 'csto-lens-test', type: 'settings', settings: { enabled: false } }, '*'));
    await expect.poll(() => highlightCount(page), { timeout: 10_000 }).toBe(0);
    await page.evaluate(() => window.postMessage({ source: 'csto-lens-test', type: 'settings', settings: { enabled: true } }, '*'));
    expect((await settled(page)).mentions).toEqual(answer.mentions);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows text that changes inside shadow trees after the page is read', async () => {
    server.setPage('/shadow-live.html', LIVE_SHADOW_PAGE);
    const page = await firefox.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(server.url('/shadow-live.html'));
    expect((await settled(page)).mentions.map((m) => m.entity)).toEqual(LIVE_SHADOW_STEPS[0]!.expected);
    for (const { change, expected } of LIVE_SHADOW_STEPS.slice(1)) {
      await page.evaluate((name) => (window as unknown as Record<string, () => void>)[name]!(), change);
      await expect.poll(async () => (await mentionsViaTestHook(page))?.mentions.map((m) => m.entity), { timeout: 10_000 }).toEqual(expected);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hit-tests marks at a point, and moves to the next and previous mention', async () => {
    const page = await firefox.newPage();
    await page.goto(server.url('/page-en.html'));
    await settled(page);
    // The centre of the first "Kazakhstan" on the page, found by the page itself.
    const point = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        const at = node.data.indexOf('Kazakhstan');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at + 2);
        range.setEnd(node, at + 6);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, below: rect.bottom + 40 };
      }
      return null;
    });
    expect(point).not.toBeNull();
    expect(await askTestHook(page, { type: 'at', x: point!.x, y: point!.y })).toBe('kazakhstan');
    // Plain text and empty space hit nothing.
    expect(await askTestHook(page, { type: 'at', x: 2, y: 2 })).toBeNull();
    expect(await askTestHook(page, { type: 'move', direction: 1 })).toBe('minsk');
    expect(await askTestHook(page, { type: 'move', direction: 1 })).toBe('csto');
    expect(await askTestHook(page, { type: 'move', direction: -1 })).toBe('minsk');
    await page.close();
  });

  it('the wrapper fallback marks with <csto-lens-mark> and switching off restores outerHTML exactly', async () => {
    const page = await firefox.newPage();
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { __before: string }).__before = document.documentElement.outerHTML;
      });
    });
    await page.goto(server.url('/page-en.html#csto-lens-wrapper'));
    const answer = await settled(page);
    expect(answer.mentions).toEqual(JSON.parse(readFileSync(join(FIXTURES, 'page-en.expected.json'), 'utf8')));
    const wrapped = await page.evaluate(() => [...document.querySelectorAll('csto-lens-mark')].map((e) => e.textContent).join('|'));
    expect(wrapped).toContain('Kazakhstan');
    // Text nodes the page had stay the page's: the first paragraph still has its own text node count when off.
    await page.evaluate(() => window.postMessage({ source: 'csto-lens-test', type: 'settings', settings: { enabled: false } }, '*'));
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('csto-lens-mark').length), { timeout: 10_000 }).toBe(0);
    expect(await page.evaluate(() => document.documentElement.outerHTML === (window as unknown as { __before: string }).__before)).toBe(true);
    await page.evaluate(() => window.postMessage({ source: 'csto-lens-test', type: 'settings', settings: { enabled: true } }, '*'));
    expect((await settled(page)).mentions).toEqual(answer.mentions);
    await page.evaluate(() => window.postMessage({ source: 'csto-lens-test', type: 'settings', settings: { enabled: false } }, '*'));
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('csto-lens-mark').length), { timeout: 10_000 }).toBe(0);
    expect(await page.evaluate(() => document.documentElement.outerHTML === (window as unknown as { __before: string }).__before)).toBe(true);
    await page.evaluate(() => window.postMessage({ source: 'csto-lens-test', type: 'settings', settings: { enabled: true } }, '*'));
    await settled(page);
    await page.close();
  });

  it('marks the demo article as demo/expected.json says', async () => {
    const expected = JSON.parse(readFileSync(join(DEMO, 'expected.json'), 'utf8')) as Record<string, unknown>;
    const page = await firefox.newPage();
    await page.goto(server.url('/demo/article-ru.html'));
    const answer = await settled(page);
    expect(answer.published).toBe('2021-08-31');
    expect(answer.mentions).toEqual(expected['article-ru.html']);
    await page.close();
  });
});
