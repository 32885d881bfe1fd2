// The card in the built extension (dist/ in Chromium): the page layer marks a dated article, hovering a mark shows
// its card built by the background, the next/previous commands open cards with focus, and switching off leaves no
// card host behind. The content script carries no card texts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../scripts/lib/chromium.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import type { MentionsResponse } from '../../src/shared/messages.ts';
import { chromiumAvailable } from '../support/browsers.ts';
import { closeChromium, openChromium } from '../support/chromium-session.ts';
import { controlPoint, insideViewport, readCard, saveCardScreenshot, wordRect } from '../support/card-page.ts';
import { DIST, FIXTURES } from '../support/paths.ts';

describe.runIf(chromiumAvailable)('entity card in the extension (Chromium)', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;

  beforeAll(async () => ({ browser, server } = await openChromium({ '/': FIXTURES }, DIST, { viewport: { width: 1000, height: 720 }, locale: 'en-US' })));
  afterAll(() => closeChromium(browser, server));

  async function openMarked(path: string): Promise<{ page: Page; mentions: MentionsResponse }> {
    const page = await browser.context.newPage();
    await page.goto(server.url(path));
    let mentions: MentionsResponse | null = null;
    await expect
      .poll(
        async () => {
          mentions = await browser.sendToTab<MentionsResponse>(page, { type: 'csto-lens/mentions' }).catch(() => null);
          return mentions?.mentions.map((m) => m.entity) ?? [];
        },
        { timeout: 15_000 },
      )
      .toEqual(expect.arrayContaining(['zas', 'shoigu']));
    return { page, mentions: mentions! };
  }

  async function hover(page: Page, word: string, nth = 0): Promise<void> {
    const r = await wordRect(page, word, nth);
    await page.mouse.move(r.x - 3, r.y, { steps: 2 });
    await page.mouse.move(r.x, r.y, { steps: 2 });
  }

  it.each(['content.js', 'content-full.js'])('ships no card texts in the content script (%s)', (file) => {
    const content = readFileSync(join(DIST, file), 'utf8');
    expect(content).not.toContain('Chernihiv');
    expect(content).not.toContain('At the time of this article');
  });

  it('shows the time-aware card of a marked name on hover, and Esc closes it', async () => {
    const { page, mentions } = await openMarked('/card-en.html');
    expect(mentions.published).toBe('2021-08-31');
    await hover(page, 'Stanislav Zas');
    await expect.poll(async () => (await readCard(page))?.visible, { timeout: 5000 }).toBe(true);
    const card = (await readCard(page))!;
    expect(card.hosts).toBe(1);
    expect(card.label).toBe('Stanislav Zas');
    expect(card.text).toContain('At the time of this article (31 Aug 2021)');
    expect(card.text).toContain('Secretary General of the CSTO');
    expect(card.text).toContain('former Secretary General of the CSTO');
    expect(insideViewport(card)).toBe(true);
    await saveCardScreenshot(page, 'card-extension-en');
    // It stays while hovered.
    await page.mouse.move(card.rect.left + 50, card.rect.top + 40, { steps: 5 });
    await page.waitForTimeout(1200);
    expect((await readCard(page))?.visible).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readCard(page))?.visible).toBe(false);
    await page.close();
  });

  it('opens the next mention by command with focus in the card, and returns focus on Esc', async () => {
    const { page } = await openMarked('/card-en.html');
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'before';
      button.textContent = 'before';
      document.body.prepend(button);
      button.focus();
    });
    await browser.sendToTab(page, { type: 'csto-lens/command', command: 'next-mention' });
    await expect.poll(async () => (await readCard(page))?.visible, { timeout: 5000 }).toBe(true);
    const first = (await readCard(page))!;
    expect(first.focusInside).toBe(true);
    await browser.sendToTab(page, { type: 'csto-lens/command', command: 'next-mention' });
    await expect.poll(async () => (await readCard(page))?.label, { timeout: 5000 }).not.toBe(first.label);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readCard(page))?.visible).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
    await page.close();
  });

  it('opens the full entity card in the options page from the card', async () => {
    const { page } = await openMarked('/card-en.html');
    await hover(page, 'Armenia');
    await expect.poll(async () => (await readCard(page))?.label, { timeout: 5000 }).toBe('Armenia');
    const full = await controlPoint(page, '.full');
    await page.mouse.move(full.x, full.y, { steps: 4 });
    const opened = browser.context.waitForEvent('page', { timeout: 10_000 });
    await page.mouse.click(full.x, full.y);
    const options = await opened;
    await expect.poll(() => options.url()).toBe(browser.extensionUrl('src/options/index.html#entity=armenia&date=2021-08-31'));
    await options.close();
    await page.close();
  });

  it('takes the card host off the page when annotations are switched off', async () => {
    const { page } = await openMarked('/card-en.html');
    await hover(page, 'Sergei Shoigu');
    await expect.poll(async () => (await readCard(page))?.visible, { timeout: 5000 }).toBe(true);
    await browser.sendToTab(page, { type: 'csto-lens/command', command: 'toggle-annotations' });
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('csto-lens-card').length), { timeout: 5000 }).toBe(0);
    // Back on for the next tests.
    await browser.sendToTab(page, { type: 'csto-lens/command', command: 'toggle-annotations' });
    await page.close();
  });
});

describe.runIf(chromiumAvailable)('entity card in the extension, Arabic browser (Chromium)', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;

  beforeAll(async () => ({ browser, server } = await openChromium({ '/': FIXTURES }, DIST, { viewport: { width: 1000, height: 720 }, locale: 'ar' })));
  afterAll(() => closeChromium(browser, server));

  it('speaks the browser language by default: an Arabic card, right to left, on an English page', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/card-en.html'));
    await expect
      .poll(async () => (await browser.sendToTab<MentionsResponse>(page, { type: 'csto-lens/mentions' }).catch(() => null))?.mentions.length ?? 0, {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    const r = await wordRect(page, 'Armenia');
    await page.mouse.move(r.x - 3, r.y, { steps: 2 });
    await page.mouse.move(r.x, r.y, { steps: 2 });
    await expect.poll(async () => (await readCard(page))?.visible, { timeout: 5000 }).toBe(true);
    const card = (await readCard(page))!;
    expect(card.lang).toBe('ar');
    expect(card.dir).toBe('rtl');
    expect(card.label).toBe('أرمينيا');
    // The name in the page's script, isolated inside the right-to-left card.
    expect(card.text).toContain('Armenia');
    expect(card.text).toContain('المشاركة مجمَّدة');
    await page.waitForTimeout(250);
    await saveCardScreenshot(page, 'card-extension-ar-on-en');
    await page.close();
  });
});
