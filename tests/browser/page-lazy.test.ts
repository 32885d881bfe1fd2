// The lazy start (src/content/boot.ts): every page gets a small content script; the scanner (content-full.js) is
// injected only once the page may name an entity. On the test build, whose timing marks tell the two apart (each
// leaves a 'csto-lens-start' mark), this checks that a page with no entity never loads the scanner, that text added
// later does load it, once, and is marked, that the card works after such a start, that the contract message and the
// toggle command work on a page that never loaded it, and that switching off and on there behaves.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/lib/chromium.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import type { MentionsResponse } from '../../src/shared/messages.ts';
import { chromiumAvailable } from '../support/browsers.ts';
import { readCard, wordRect } from '../support/card-page.ts';
import { closeChromium, openChromium } from '../support/chromium-session.ts';
import { DIST_TEST, FIXTURES } from '../support/paths.ts';
import { askTestHook } from '../support/test-hook.ts';
import { changeSettings, collectPageErrors, expectNoHighlights, highlightSizes, mentions, resetSettings, totalHighlights } from './page-support.ts';

const PLAIN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Nothing to mark</title>
<meta property="article:published_time" content="2023-11-20T08:00:00Z"></head>
<body><article>
<h1>The talks ended late</h1>
<p>The talks ended late in the evening; officials said little about the <a href="#b">border</a> or the week ahead.</p>
<p>Переговоры закончились поздно вечером, заявлений не было.</p>
</article></body></html>`;

// A web component whose open shadow tree (one inside another) names no one at first; the page changes it later.
const SHADOW_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Quiet components</title></head><body>
<p>Light text with no names at all, long enough to read.</p><quiet-card id="outer"></quiet-card>
<script>
customElements.define('quiet-card', class extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<p id="status">Waiting for news.</p><quiet-note></quiet-note>'; }
});
customElements.define('quiet-note', class extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<span>A note with no names.</span>'; }
});
window.nested = () => { document.getElementById('outer').shadowRoot.querySelector('quiet-note').shadowRoot.querySelector('span').textContent = 'A note on Kazakhstan.'; };
</script></body></html>`;

// A feed that names no one and rewrites the text of its 3,000 paragraphs every 100 ms, until the test stops it: each
// batch of changes the boot script would read is large, so reading them all would soon cost more than a few percent
// of the main thread.
const RUNAWAY_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A runaway feed</title></head><body>
<article><h1>Live feed</h1><div id="feed"></div></article>
<script>
const words = 'the talks ended late and officials said little about the border or the week ahead'.split(' ');
const line = (i, round) => words.map((w, k) => w + ((i + k + round) % 9)).join(' ');
const feed = document.getElementById('feed');
const texts = [];
for (let i = 0; i < 3000; i++) {
  const p = document.createElement('p');
  texts.push(p.appendChild(document.createTextNode(line(i, 0))));
  feed.append(p);
}
let round = 0;
const timer = setInterval(() => {
  round++;
  texts.forEach((text, i) => (text.data = line(i, round)));
}, 100);
window.stopFeed = () => clearInterval(timer);
</script></body></html>`;

/** How many of our scripts have started in the page: 1 the boot script, 2 once the scanner took over. */
const starts = (page: Page) => page.evaluate(() => performance.getEntriesByName('csto-lens-start').length);
/** The boot script leaves this mark once it has checked the page (and found no possible name). */
const checked = (page: Page) => page.waitForFunction(() => performance.getEntriesByName('csto-lens-done').length > 0, undefined, { timeout: 10_000 });

function appendParagraph(page: Page, text: string): Promise<void> {
  return page.evaluate((t) => {
    const p = document.createElement('p');
    p.textContent = t;
    document.querySelector('article')!.append(p);
  }, text);
}

async function storedEnabled(browser: ExtensionBrowser): Promise<unknown> {
  return browser.worker.evaluate(async () => {
    const storage = (globalThis as unknown as { chrome: { storage: { sync: { get(k: string): Promise<Record<string, { enabled?: boolean } | undefined>> } } } }).chrome.storage.sync;
    return (await storage.get('settings')).settings?.enabled;
  });
}

describe.runIf(chromiumAvailable)('the lazy start in Chromium (test build)', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;

  beforeAll(async () => {
    ({ browser, server } = await openChromium({ '/': FIXTURES }, DIST_TEST, { locale: 'en-US' }));
    server.setPage('/plain.html', PLAIN_PAGE);
    server.setPage('/shadow.html', SHADOW_PAGE);
    server.setPage('/runaway.html', RUNAWAY_PAGE);
  });
  afterAll(() => closeChromium(browser, server));
  beforeEach(() => resetSettings(browser));

  it('never loads the scanner on a page with no entity, and loads it once when a name is added', async () => {
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(server.url('/plain.html'));
    await checked(page);
    await page.waitForTimeout(500);
    expect(await starts(page)).toBe(1);
    // Text that names no one does not load it either.
    await appendParagraph(page, 'More talks are planned for the spring.');
    await page.waitForTimeout(500);
    expect(await starts(page)).toBe(1);

    await appendParagraph(page, 'Later, Lukashenko spoke in Minsk.');
    await expect.poll(async () => (await mentions(browser, page))?.mentions.map((m) => m.entity), { timeout: 10_000 }).toEqual(['lukashenko', 'minsk']);
    expect(await starts(page)).toBe(2);
    // The scanner watches the page from now on.
    await appendParagraph(page, 'Pashinyan did not attend.');
    await expect.poll(async () => (await mentions(browser, page))?.mentions.map((m) => m.entity), { timeout: 10_000 }).toEqual(['lukashenko', 'minsk', 'pashinyan']);
    expect(await starts(page)).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows text changes inside open shadow trees of a page with no entity', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/shadow.html'));
    await checked(page);
    await page.waitForTimeout(300);
    expect(await starts(page)).toBe(1);
    await page.evaluate(() => (window as unknown as { nested(): void }).nested());
    await expect.poll(async () => (await mentions(browser, page))?.mentions.map((m) => m.entity), { timeout: 10_000 }).toEqual(['kazakhstan']);
    expect(await starts(page)).toBe(2);
    await page.close();
  });

  it('answers the contract message and takes the toggle command on a page that never loaded the scanner', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/plain.html'));
    await checked(page);
    const answer = await browser.sendToTab<MentionsResponse>(page, { type: 'csto-lens/mentions' });
    expect(answer).toEqual({ url: server.url('/plain.html'), lang: 'en', published: '2023-11-20', mentions: [] });
    expect(await browser.sendToTab(page, { type: 'csto-lens/go-to', entity: 'putin' })).toEqual({ found: false });

    await browser.sendToTab(page, { type: 'csto-lens/command', command: 'toggle-annotations' });
    await expect.poll(() => storedEnabled(browser), { timeout: 5000 }).toBe(false);
    await browser.sendToTab(page, { type: 'csto-lens/command', command: 'toggle-annotations' });
    await expect.poll(() => storedEnabled(browser), { timeout: 5000 }).toBe(true);
    expect(await starts(page)).toBe(1);
    await page.close();
  });

  it('shows the card of a name that arrived after a lazy start', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/plain.html'));
    await checked(page);
    await appendParagraph(page, 'The CSTO Secretary General Stanislav Zas met the ministers.');
    await expect.poll(async () => (await mentions(browser, page))?.mentions.map((m) => m.entity), { timeout: 10_000 }).toContain('zas');
    const r = await wordRect(page, 'Stanislav Zas');
    await page.mouse.move(r.x - 3, r.y, { steps: 2 });
    await page.mouse.move(r.x, r.y, { steps: 2 });
    await expect.poll(async () => (await readCard(page))?.visible, { timeout: 5000 }).toBe(true);
    expect((await readCard(page))!.label).toBe('Stanislav Zas');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readCard(page))?.visible ?? false, { timeout: 5000 }).toBe(false);
    await page.close();
  });

  it('switched off, a no-entity page stays untouched as names arrive; switched on, they are marked', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/plain.html'));
    await checked(page);
    await changeSettings(browser, { enabled: false });
    await page.waitForTimeout(300);
    await appendParagraph(page, 'Tokayev arrived in Moscow.');
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    await page.waitForTimeout(800);
    expect(await starts(page)).toBe(1);
    expect(totalHighlights(await highlightSizes(page))).toBe(0);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    expect((await mentions(browser, page))?.mentions).toEqual([]);

    await changeSettings(browser, { enabled: true });
    await expect.poll(async () => (await mentions(browser, page))?.mentions.map((m) => m.entity), { timeout: 10_000 }).toEqual(['tokayev', 'moscow']);
    expect(totalHighlights(await highlightSizes(page))).toBe(2);

    // And off again, now with the scanner loaded: the page is as it was.
    await changeSettings(browser, { enabled: false });
    await expectNoHighlights(page);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    await page.close();
  });

  it("holds a runaway page with no entity to a few percent of the main thread (the boot script's breaker), then recovers", async () => {
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    const breaker: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('changes too fast')) breaker.push(message.text());
    });
    const status = async () => (await askTestHook<{ stats: { stage: string; busyMs: number; tripped: boolean } }>(page, { type: 'status' }))?.stats;
    await page.goto(server.url('/runaway.html'));
    await page.bringToFront();
    await expect.poll(async () => (await status())?.tripped, { timeout: 30_000, interval: 250 }).toBe(true);
    expect(breaker).toHaveLength(1);
    // Open, it reads nothing: our time stands still while the feed goes on.
    const atTrip = (await status())!;
    await page.waitForTimeout(2000);
    const later = (await status())!;
    expect(later.tripped).toBe(true);
    expect(later.busyMs - atTrip.busyMs).toBeLessThan(2000 * 0.05);
    expect(await starts(page)).toBe(1);

    // The feed stops: after a quiet moment the page is read again, and a name added then is marked.
    await page.evaluate(() => (window as unknown as { stopFeed(): void }).stopFeed());
    await expect.poll(async () => (await status())?.tripped, { timeout: 10_000 }).toBe(false);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'The feed names Kazakhstan at last.';
      document.querySelector('article')!.append(p);
    });
    await expect.poll(async () => (await mentions(browser, page))?.mentions.map((m) => m.entity), { timeout: 15_000 }).toEqual(['kazakhstan']);
    expect(await starts(page)).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });
});
