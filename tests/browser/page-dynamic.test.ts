// Pages that change and pages with structure: SPA navigation, open shadow roots, next/previous/go-to, hit-testing
// through the marks API (via the background's card-model message), and a runaway page that trips the breaker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import type { CardModel } from '../../src/core/card.ts';
import { chromiumAvailable } from '../support/browsers.ts';
import { LIVE_SHADOW_PAGE, LIVE_SHADOW_STEPS } from '../support/live-shadow-page.ts';
import { closeChromium } from '../support/chromium-session.ts';
import { DIST, FIXTURES } from '../support/paths.ts';
import { changeSettings, collectPageErrors, mentions, resetSettings, settledMentions } from './page-support.ts';

const SPA = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SPA</title></head><body>
<div id="app"><article><h1>First story</h1><p>The CSTO met in Moscow on Monday, officials said, as leaders of the member states gathered for the talks.</p>
<p>Kazakhstan hosted the previous session of the alliance.</p></article></div>
<script>
window.go = () => {
  history.pushState({}, '', '/spa/second');
  const app = document.getElementById('app');
  app.replaceChildren();
  const article = document.createElement('article');
  article.innerHTML = '<h1>Second story</h1><p>NATO and Armenia held talks about regional security and the future of their cooperation in the region.</p>';
  app.append(article);
};
</script></body></html>`;

const SHADOW = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shadow</title></head><body>
<p>Light text about Belarus.</p><news-card></news-card>
<script>
customElements.define('news-card', class extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<p>Shadow text about <b>Tajikistan</b>.</p>'; }
});
</script></body></html>`;

describe.runIf(chromiumAvailable)('dynamic pages in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await startStaticServer({ '/': FIXTURES });
    server.setPage('/spa/first', SPA);
    server.setPage('/shadow.html', SHADOW);
    const filler = '<p>Nothing to see in this paragraph, only words about the weather and the markets today.</p>'.repeat(80);
    server.setPage('/long.html', `<!doctype html><html lang="en"><body><article><p>Russia opened the talks.</p>${filler}<p>TASS reported the outcome.</p>${filler}</article></body></html>`);
    browser = await launchWithExtension(DIST);
    await resetSettings(browser);
  });
  afterAll(() => closeChromium(browser, server));

  it('reads the new article after a history.pushState navigation', async () => {
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(server.url('/spa/first'));
    expect((await settledMentions(browser, page)).mentions.map((m) => m.entity)).toEqual(['csto', 'moscow', 'kazakhstan']);
    await page.evaluate(() => (window as unknown as { go(): void }).go());
    await expect
      .poll(async () => (await mentions(browser, page))?.mentions.map((m) => m.entity), { timeout: 10_000 })
      .toEqual(['nato', 'armenia']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks the viewport first on a long page (opened scrolled to its middle)', async () => {
    const filler = (i: number) => `<p id="p${i}">Paragraph ${i} talks about markets, weather, sport and the arts, with no names at all in it.</p>`;
    const paragraphs: string[] = [];
    for (let i = 0; i < 6000; i++) paragraphs.push(i === 0 ? '<p id="top">Russia at the top.</p>' : i === 3000 ? '<p id="middle">Armenia in the middle.</p>' : filler(i));
    server.setPage('/viewport.html', `<!doctype html><html lang="en"><body><article>${paragraphs.join('')}</article><script>document.getElementById('middle').scrollIntoView();</script></body></html>`);
    const page = await browser.context.newPage();
    await page.bringToFront(); // a background tab gets no animation frames to poll with
    // The page records which paragraphs hold marks the first time any mark shows (polling on every task turn).
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __firstMarked: string[] }).__firstMarked = seen;
      const poll = () => {
        const registry = (CSS as unknown as { highlights: Map<string, Set<StaticRange>> }).highlights;
        if (registry.size > 0) {
          registry.forEach((highlight) => highlight.forEach((range) => seen.push((range.startContainer.parentNode as Element).id)));
          return;
        }
        channel.port2.postMessage(null);
      };
      const channel = new MessageChannel();
      channel.port1.onmessage = poll;
      channel.port2.postMessage(null);
    });
    await page.goto(server.url('/viewport.html'));
    await expect.poll(() => page.evaluate(() => (window as unknown as { __firstMarked: string[] }).__firstMarked), { timeout: 20_000 }).toContain('middle');
    expect(await page.evaluate(() => (window as unknown as { __firstMarked: string[] }).__firstMarked)).not.toContain('top');
    expect((await settledMentions(browser, page, 2)).mentions.map((m) => m.entity)).toEqual(['russia', 'armenia']);
    await page.close();
  });

  it('reads open shadow roots', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/shadow.html'));
    await expect
      .poll(async () => (await mentions(browser, page))?.mentions.map((m) => m.entity), { timeout: 10_000 })
      .toEqual(['belarus', 'tajikistan']);
    await page.close();
  });

  it('follows text that changes inside shadow trees after the page is read, nested ones too, in document order', async () => {
    server.setPage('/shadow-live.html', LIVE_SHADOW_PAGE);
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(server.url('/shadow-live.html'));
    expect((await settledMentions(browser, page)).mentions.map((m) => m.entity)).toEqual(LIVE_SHADOW_STEPS[0]!.expected);
    for (const { change, expected } of LIVE_SHADOW_STEPS.slice(1)) {
      await page.evaluate((name) => (window as unknown as Record<string, () => void>)[name]!(), change);
      await expect.poll(async () => (await mentions(browser, page))?.mentions.map((m) => m.entity), { timeout: 10_000 }).toEqual(expected);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the toolbar badge at the number of distinct entities, and clears it when switched off', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/page-ru.html'));
    const answer = await settledMentions(browser, page);
    const distinct = new Set(answer.mentions.map((m) => m.entity)).size;
    await page.bringToFront();
    const badge = () =>
      browser.worker.evaluate(async () => {
        const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number }>> }; action: { getBadgeText(d: object): Promise<string> } } }).chrome;
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab ? chrome.action.getBadgeText({ tabId: tab.id }) : null;
      });
    await expect.poll(badge, { timeout: 10_000 }).toBe(String(distinct));
    await changeSettings(browser, { enabled: false });
    await expect.poll(badge, { timeout: 10_000 }).toBe('');
    await changeSettings(browser, { enabled: true });
    await expect.poll(badge, { timeout: 10_000 }).toBe(String(distinct));
    await page.close();
  });

  it('go-to scrolls to the next mention of an entity', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/long.html'));
    await settledMentions(browser, page);
    const answer = await browser.sendToTab<{ found: boolean }>(page, { type: 'csto-lens/go-to', entity: 'tass' });
    expect(answer.found).toBe(true);
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 5_000 }).toBeGreaterThan(0);
    expect((await browser.sendToTab<{ found: boolean }>(page, { type: 'csto-lens/go-to', entity: 'no-such-entity' })).found).toBe(false);
    await page.close();
  });

  it('the background answers card-model requests from the full pack', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/page-ru.html'));
    await settledMentions(browser, page);
    // Ask as the content script does: a runtime message from another extension context reaches the background.
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('src/popup/index.html'));
    const card = (await popup.evaluate(
      () =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
          type: 'csto-lens/card-model',
          id: 'zas',
          date: '2021-08-31',
          lang: 'en',
        }),
    )) as CardModel | null;
    expect(card).toMatchObject({ id: 'zas', lang: 'en', date: '2021-08-31' });
    expect(card!.summary.length).toBeGreaterThan(10);
    const unknown = await popup.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
        type: 'csto-lens/card-model',
        id: 'nobody',
        date: '2021-08-31',
        lang: 'en',
      }),
    );
    expect(unknown).toBeNull();
    await popup.close();
    await page.close();
  });

  it('a page that rewrites itself without pause stays responsive and keeps its marks', async () => {
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(server.url('/page-en.html'));
    await settledMentions(browser, page);
    // Rewrite a paragraph every animation frame for 3 s (a ticker gone wild).
    const frames = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const p = document.createElement('p');
          document.querySelector('article')!.append(p);
          let frames = 0;
          const end = performance.now() + 3000;
          const tick = () => {
            p.textContent = `Update ${frames++}: Russia and Belarus`;
            if (performance.now() < end) requestAnimationFrame(tick);
            else resolve(frames);
          };
          requestAnimationFrame(tick);
        }),
    );
    expect(frames).toBeGreaterThan(30);
    const answer = await settledMentions(browser, page);
    expect(answer.mentions.map((m) => m.entity)).toContain('shoigu');
    expect(errors).toEqual([]);
    await page.close();
  });
});
