// The content script reads and marks real pages in Chromium: own ar/en/ru fixtures with their expected mentions and
// dates, nothing in inputs/code/scripts, strict CSP, hostile CSS, appended content, live settings, and a page left
// exactly as it was when switched off.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/lib/chromium.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import { chromiumAvailable } from '../support/browsers.ts';
import { closeChromium, openChromium } from '../support/chromium-session.ts';
import { FIXTURES } from '../support/paths.ts';
import { changeSettings, collectPageErrors, expectNoHighlights, highlightSizes, mentions, resetSettings, settledMentions, totalHighlights } from './page-support.ts';

const expected = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Array<{ entity: string; text: string }>;

const BEFORE_SNAPSHOT = `document.addEventListener('DOMContentLoaded', () => { window.__cstoBefore = document.documentElement.outerHTML; });`;

describe.runIf(chromiumAvailable)('page marking in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;

  beforeAll(async () => ({ browser, server } = await openChromium()));
  afterAll(() => closeChromium(browser, server));
  beforeEach(async () => {
    await resetSettings(browser);
  });

  it.each([
    ['page-en.html', 'en', '2023-11-23'],
    ['page-ru.html', 'ru', '2021-08-31'],
    ['page-ar.html', 'ar', '2022-01-07'],
  ])('%s: every expected mention, in order, with language and date', async (file, lang, published) => {
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(server.url(`/${file}`));
    const answer = await settledMentions(browser, page);
    expect(answer).toMatchObject({ url: server.url(`/${file}`), lang, published });
    expect(answer.mentions).toEqual(expected(file.replace('.html', '.expected.json')));
    expect(totalHighlights(await highlightSizes(page))).toBe(answer.mentions.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks nothing inside inputs, textareas, selects, code, pre, scripts, contenteditable or aria-hidden', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/page-en.html'));
    const answer = await settledMentions(browser, page);
    const texts = answer.mentions.map((m) => m.entity);
    for (const absent of ['nato', 'lavrov', 'belarus', 'moscow', 'tokayev']) expect(texts).not.toContain(absent);
    await page.close();
  });

  it('marks under a strict CSP and hostile page CSS, and reports no page error', async () => {
    const body = readFileSync(join(FIXTURES, 'page-en.html'), 'utf8').replace(
      '</head>',
      '<style>* { all: unset !important; } span { display: none !important; } ::highlight(x) { color: red; }</style></head>',
    );
    server.setPage('/strict.html', body, { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" });
    server.setPage('/strict-none.html', readFileSync(join(FIXTURES, 'page-ru.html'), 'utf8'), { 'content-security-policy': "default-src 'none'" });
    for (const [path, count] of [['/strict.html', 9], ['/strict-none.html', 10]] as const) {
      const page = await browser.context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(server.url(path));
      const answer = await settledMentions(browser, page);
      expect(answer.mentions.length).toBe(count);
      expect(totalHighlights(await highlightSizes(page))).toBe(count);
      // The ::highlight() rules are adopted by the document (a constructed sheet, which CSP does not block).
      expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('marks content appended later, in document order', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/page-ru.html'));
    const before = await settledMentions(browser, page);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.append('Позже в Минске выступил ', Object.assign(document.createElement('b'), { textContent: 'Лукашенко' }), '.');
      document.querySelector('main')!.append(p);
      const first = document.querySelector('main p')!;
      first.append(' Также был Лавров.');
    });
    await expect
      .poll(async () => (await mentions(browser, page))?.mentions.map((m) => m.entity), { timeout: 10_000 })
      .toEqual([...before.mentions.slice(0, 5).map((m) => m.entity), 'lavrov', ...before.mentions.slice(5).map((m) => m.entity), 'minsk', 'lukashenko']);
    await page.close();
  });

  it('switching off removes every mark and leaves outerHTML as before; switching on marks again without reload', async () => {
    await browser.context.addInitScript(BEFORE_SNAPSHOT);
    const page = await browser.context.newPage();
    await page.goto(server.url('/page-ar.html'));
    const on = await settledMentions(browser, page);
    await changeSettings(browser, { enabled: false });
    await expectNoHighlights(page);
    expect(await page.evaluate(() => document.documentElement.outerHTML === (window as unknown as { __cstoBefore: string }).__cstoBefore)).toBe(true);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    expect((await mentions(browser, page))?.mentions).toEqual([]);
    await changeSettings(browser, { enabled: true });
    expect((await settledMentions(browser, page)).mentions).toEqual(on.mentions);
    // This-site switch works the same way.
    await changeSettings(browser, { disabledSites: ['127.0.0.1'] });
    await expectNoHighlights(page);
    await changeSettings(browser, { disabledSites: [] });
    expect((await settledMentions(browser, page)).mentions).toEqual(on.mentions);
    await page.close();
  });

  it('honours categories, first-mention-only and mark style live', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/page-ru.html'));
    await settledMentions(browser, page);
    await changeSettings(browser, { firstMentionOnly: true });
    await expect
      .poll(async () => (await mentions(browser, page))?.mentions.map((m) => m.entity), { timeout: 10_000 })
      .toEqual(['csto', 'moscow', 'putin', 'kazakhstan', 'armenia', 'shoigu', 'zas', 'tass']);
    await changeSettings(browser, {
      firstMentionOnly: false,
      categories: { 'csto-bodies': true, 'member-states': true, 'former-and-observers': true, people: false, organisations: true, media: true, places: true },
    });
    await expect
      .poll(async () => (await mentions(browser, page))?.mentions.map((m) => m.entity), { timeout: 10_000 })
      .toEqual(['csto', 'moscow', 'kazakhstan', 'armenia', 'csto', 'tass', 'moscow']);
    await changeSettings(browser, { markStyle: 'background' });
    await expect
      .poll(() => page.evaluate(() => [...document.adoptedStyleSheets].map((s) => [...s.cssRules].map((r) => r.cssText).join('\n')).join('\n')), { timeout: 10_000 })
      .toContain('background-color');
    await page.close();
  });
});
