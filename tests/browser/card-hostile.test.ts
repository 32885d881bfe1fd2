// The card on hostile pages (Chromium, harness): page CSS that resets everything, overlays with the highest z-index,
// transformed and zoomed bodies, a strict CSP, pages that swallow pointer events, fullscreen elements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../../scripts/lib/chromium.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { chromiumAvailable } from '../support/browsers.ts';
import { closeChromium } from '../support/chromium-session.ts';
import { buildCardHarness, insideViewport, readCard, wordRect, type CardSnapshot } from '../support/card-page.ts';

const ARTICLE = `
<article>
<h1>Security chiefs meet</h1>
<p>The alliance's Secretary General, Stanislav Zas, told reporters on Tuesday that the bloc was ready to reinforce
the Tajik border if the situation in the north deteriorated further.</p>
<p>Russia's Defence Minister, Sergei Shoigu, said joint exercises near the border would go ahead in September.</p>
<button id="full" type="button">fullscreen</button>
</article>`;

function page(head: string, bodyAttributes = '', extraBody = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hostile</title>
<script src="/harness/card-harness.js"></script>${head}</head><body ${bodyAttributes}>${ARTICLE}${extraBody}</body></html>`;
}

const CASES: Record<string, { html: string; headers?: Record<string, string> }> = {
  '/reset.html': {
    html: page(`<style>* { all: unset !important; } html, body, p, article { display: block !important; } *::before, *::after { all: unset !important; }</style>`),
  },
  '/overlay.html': {
    html: page(
      `<style>#overlay { position: fixed; inset: 0; z-index: 2147483647; background: rgba(200, 0, 0, .08); pointer-events: none; }
       #banner { position: fixed; left: 0; right: 0; top: 120px; height: 400px; z-index: 2147483647; background: #fffbe0; pointer-events: none; opacity: .9; }</style>`,
      '',
      '<div id="overlay"></div><div id="banner">cookie banner</div>',
    ),
  },
  '/transformed.html': {
    html: page(`<style>html { zoom: 1.1; } body { transform: translate(30px, 10px) scale(1.15); transform-origin: 0 0; zoom: 1.2; filter: saturate(1.1); contain: paint; margin: 20px; }</style>`),
  },
  '/html-transform.html': {
    html: page(`<style>html { transform: translate(12px, 40px) rotate(0.0001deg); filter: contrast(1.01); } body { margin: 20px; }</style>`),
  },
  '/csp.html': {
    html: page(''),
    headers: { 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'none'; font-src 'none'" },
  },
  '/swallow.html': {
    html: page(`<script src="/harness/swallow.js"></script>`),
  },
  '/rtl-page.html': {
    html: page(`<style>html { direction: rtl; } body { text-align: right; }</style>`),
  },
};

const SWALLOW = `
for (const type of ['pointermove', 'mousemove', 'pointerover', 'mouseover', 'click', 'pointerdown', 'keydown']) {
  document.addEventListener(type, (e) => { e.stopImmediatePropagation(); }, true);
  document.body?.addEventListener(type, (e) => { e.stopPropagation(); e.preventDefault(); });
}
document.addEventListener('contextmenu', (e) => e.preventDefault());
`;

describe.runIf(chromiumAvailable)('entity card on hostile pages (Chromium, harness)', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    const harness = await buildCardHarness();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${harness}/swallow.js`, SWALLOW);
    server = await startStaticServer({ '/harness/': harness });
    for (const [path, { html, headers }] of Object.entries(CASES)) server.setPage(path, html, headers);
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: false,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  });
  afterAll(() => closeChromium(browser, server));

  async function openAndHover(path: string, word = 'Stanislav Zas'): Promise<{ page: Page; card: CardSnapshot; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1000, height: 720 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url(path));
    await page.evaluate(() =>
      window.cardHarness.start({ words: { 'Stanislav Zas': 'zas', 'Sergei Shoigu': 'shoigu' }, published: '2021-08-31', uiLanguage: 'en' }),
    );
    const r = await wordRect(page, word);
    await page.mouse.move(r.x - 4, r.y, { steps: 2 });
    await page.mouse.move(r.x, r.y, { steps: 2 });
    await expect.poll(async () => (await readCard(page))?.visible, { timeout: 3000 }).toBe(true);
    await page.waitForTimeout(200);
    return { page, card: (await readCard(page))!, errors };
  }

  /** The card looks like itself: its own width, background and text, whatever the page's CSS says. */
  function expectIntact(card: CardSnapshot): void {
    expect(card.hosts).toBe(1);
    expect(card.rect.width).toBeGreaterThan(300);
    expect(card.rect.width).toBeLessThan(360);
    expect(card.background).toBe('rgb(255, 255, 255)');
    expect(card.text).toContain('Secretary General of the CSTO');
    expect(insideViewport(card)).toBe(true);
    expect(card.onTop).toBe(true);
  }

  it('keeps its look under `* { all: unset !important }`', async () => {
    const { page, card } = await openAndHover('/reset.html');
    expectIntact(card);
    await page.context().close();
  });

  it('stays above overlays with the highest z-index', async () => {
    const { page, card } = await openAndHover('/overlay.html');
    expectIntact(card);
    await page.context().close();
  });

  it.each([
    ['on a transformed and zoomed body', '/transformed.html'],
    ['when <html> itself is transformed and filtered', '/html-transform.html'],
  ])('sits beside the name %s', async (_, path) => {
    const { page, card } = await openAndHover(path);
    expectIntact(card);
    const word = await wordRect(page, 'Stanislav Zas');
    expect(card.rect.top).toBeGreaterThanOrEqual(word.bottom - 1);
    expect(card.rect.top - word.bottom).toBeLessThan(20);
    expect(Math.abs(card.rect.left - word.left)).toBeLessThan(40);
    await page.context().close();
  });

  it('renders its styles under a strict CSP (no inline styles allowed)', async () => {
    const { page, card, errors } = await openAndHover('/csp.html');
    expectIntact(card);
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    await page.context().close();
  });

  it('still sees the pointer and Esc on a page that swallows pointer and key events', async () => {
    const { page, card } = await openAndHover('/swallow.html');
    expectIntact(card);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readCard(page))?.visible).toBe(false);
    await page.context().close();
  });

  it('opens on a tap even where the page cancels touch events (no click follows)', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 720 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto(server.url('/swallow.html'));
    await page.evaluate(() => {
      document.addEventListener('touchstart', (e) => e.preventDefault(), { passive: false, capture: true });
      window.cardHarness.start({ words: { 'Stanislav Zas': 'zas' }, published: '2021-08-31', uiLanguage: 'en' });
    });
    const r = await wordRect(page, 'Stanislav Zas');
    await page.touchscreen.tap(r.x, r.y);
    await expect.poll(async () => (await readCard(page))?.label, { timeout: 3000 }).toBe('Stanislav Zas');
    await page.touchscreen.tap(900, 680);
    await expect.poll(async () => (await readCard(page))?.visible).toBe(false);
    await context.close();
  });

  it('aligns with the name on a right-to-left page and stays in the viewport', async () => {
    const { page, card } = await openAndHover('/rtl-page.html');
    expectIntact(card);
    await page.context().close();
  });

  it('shows above a fullscreen element', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 720 } });
    const page = await context.newPage();
    await page.goto(server.url('/overlay.html'));
    await page.evaluate(() => {
      window.cardHarness.start({ words: { 'Stanislav Zas': 'zas' }, published: '2021-08-31', uiLanguage: 'en' });
      document.getElementById('full')!.addEventListener('click', () => void document.querySelector('article')!.requestFullscreen());
    });
    await page.click('#full');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.tagName ?? null)).toBe('ARTICLE');
    const r = await wordRect(page, 'Stanislav Zas');
    await page.mouse.move(r.x - 4, r.y, { steps: 2 });
    await page.mouse.move(r.x, r.y, { steps: 2 });
    await expect.poll(async () => (await readCard(page))?.visible, { timeout: 3000 }).toBe(true);
    const card = (await readCard(page))!;
    expect(card.popoverOpen).toBe(true);
    // Chromium's elementFromPoint answers from the fullscreen element, so test the real pointer: rest on the card
    // past the grace; it only stays if the pointer reaches it above the fullscreen article.
    await page.mouse.move(card.rect.left + 60, card.rect.top + 40, { steps: 5 });
    await page.waitForTimeout(1000);
    expect((await readCard(page))?.visible).toBe(true);
    // Back on <html> when fullscreen ends.
    await page.evaluate(() => document.exitFullscreen());
    await expect.poll(async () => (await readCard(page))?.hosts).toBe(1);
    await context.close();
  });
});
