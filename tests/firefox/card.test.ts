// The card layer in Firefox ESR (puppeteer-core over WebDriver BiDi): hovering a name on a dated Arabic article
// shows the right-to-left card with "then" and "today" inside the viewport, and Esc closes it. The card is read
// through the test-build probe (window messages), since BiDi cannot see inside the closed shadow root.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_PATH, type FirefoxWithExtension } from '../../scripts/lib/firefox.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import type { CardProbe } from '../../src/content/card/test-probe.ts';
import { firefoxAvailable } from '../support/browsers.ts';
import { buildCardHarness } from '../support/card-page.ts';
import { FIXTURES } from '../support/paths.ts';
import { closeFirefox, mentionsViaTestHook, openFirefox } from './support.ts';

async function probe(page: Page): Promise<CardProbe | null> {
  return page.evaluate(
    () =>
      new Promise<CardProbe | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), 1000);
        window.addEventListener('message', function reply(event) {
          if (event.data?.source !== 'csto-lens-test-reply' || event.data.type !== 'card') return;
          clearTimeout(timer);
          window.removeEventListener('message', reply);
          resolve(event.data.payload as CardProbe | null);
        });
        window.postMessage({ source: 'csto-lens-test', type: 'card' }, '*');
      }),
  );
}

async function wordCentre(page: Page, word: string): Promise<{ x: number; y: number; bottom: number; right: number }> {
  const rect = await page.evaluate((w) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = (node.nodeValue ?? '').indexOf(w);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + w.length);
      const r = range.getClientRects()[0]!;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, bottom: r.bottom, right: r.right };
    }
    return null;
  }, word);
  if (!rect) throw new Error(`"${word}" is not on the page`);
  return rect;
}

describe.runIf(firefoxAvailable)('entity card in Firefox ESR (harness)', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    const harness = await buildCardHarness();
    server = await startStaticServer({ '/harness/': harness, '/': FIXTURES });
    browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the Arabic card on hover with then and today, inside the viewport, and closes on Esc', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1000, height: 720 });
    await page.goto(server.url('/card-ar.html'));
    await page.addScriptTag({ url: server.url('/harness/card-harness.js') });
    await page.evaluate(() =>
      window.cardHarness.start({ words: { 'ستانيسلاف زاس': 'zas', 'سيرغي شويغو': 'shoigu' }, published: '2021-08-31', uiLanguage: 'ar' }),
    );
    const word = await wordCentre(page, 'سيرغي شويغو');
    await page.mouse.move(word.x - 3, word.y);
    await page.mouse.move(word.x, word.y);
    await expect.poll(async () => (await probe(page))?.visible, { timeout: 5000 }).toBe(true);
    const card = (await probe(page))!;
    expect(card.role).toBe('dialog');
    expect(card.lang).toBe('ar');
    expect(card.dir).toBe('rtl');
    expect(card.label).toBe('سيرغي شويغو');
    expect(card.text).toContain('وقت نشر هذا المقال');
    expect(card.text).toContain('اليوم');
    expect(card.text).toContain('وزير الدفاع');
    expect(card.text).toContain('أمين مجلس الأمن');
    expect(card.onHtml).toBe(true);
    expect(card.background).toBe('rgb(255, 255, 255)');
    expect(card.rect.width).toBeGreaterThan(300);
    expect(card.rect.left).toBeGreaterThanOrEqual(0);
    expect(card.rect.right).toBeLessThanOrEqual(card.viewport.width);
    expect(card.rect.bottom).toBeLessThanOrEqual(card.viewport.height);
    expect(card.rect.top).toBeGreaterThanOrEqual(word.bottom - 1);
    // Right-to-left: the card's right edge lines up with the name's.
    expect(Math.abs(card.rect.right - word.right)).toBeLessThan(40);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await probe(page))?.visible, { timeout: 2000 }).toBe(false);
    await page.close();
  });
});

describe.runIf(firefoxAvailable)('entity card in the Firefox extension (test build)', () => {
  let firefox: FirefoxWithExtension;
  let server: StaticServer;

  beforeAll(async () => ({ firefox, server } = await openFirefox()));
  afterAll(() => closeFirefox({ firefox, server }));

  it('shows the card of a marked name from the content script, styled inside its closed shadow root', async () => {
    const page = await firefox.newPage();
    await page.setViewport({ width: 1000, height: 720 });
    await page.goto(server.url('/card-ru.html'));
    await expect
      .poll(async () => (await mentionsViaTestHook(page))?.mentions.map((m) => m.entity) ?? [], { timeout: 15_000 })
      .toEqual(expect.arrayContaining(['zas', 'shoigu']));
    const word = await wordCentre(page, 'Сергей Шойгу');
    await page.mouse.move(word.x - 3, word.y);
    await page.mouse.move(word.x, word.y);
    await expect.poll(async () => (await probe(page))?.visible, { timeout: 5000 }).toBe(true);
    const card = (await probe(page))!;
    // "auto": the browser's (English) interface language, with the name in the page's script beneath.
    expect(card.lang).toBe('en');
    expect(card.label).toBe('Sergei Shoigu');
    expect(card.text).toContain('Сергей Шойгу');
    expect(card.text).toContain('At the time of this article (31 Aug 2021)');
    expect(card.text).toMatch(/Minister of Defence/);
    expect(card.text).toMatch(/Secretary of the Security Council/);
    // Styles applied (adopted or, failing that, a <style> inside the shadow root): width and background.
    expect(card.rect.width).toBeGreaterThan(300);
    expect(card.background).toBe('rgb(255, 255, 255)');
    expect(card.rect.top).toBeGreaterThanOrEqual(word.bottom - 1);
    expect(card.styles).not.toBe('none');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await probe(page))?.visible, { timeout: 2000 }).toBe(false);
    await page.close();
  });
});
