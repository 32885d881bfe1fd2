// The card layer in real Chromium over fixture articles dated 31 Aug 2021 (the harness runs the layer in the page
// with a word-list MarkSource; the extension-level test is card-extension.test.ts): hover shows the card with its
// text inside the viewport, it stays while hovered, Esc closes it, the keyboard opens it with focus and gives focus
// back, the then/today lines, pin, related cards, click, languages and themes, with screenshots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../../scripts/lib/chromium.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import type { HarnessConfig } from './harness/card-harness.ts';
import { chromiumAvailable } from '../support/browsers.ts';
import { closeChromium } from '../support/chromium-session.ts';
import { buildCardHarness, controlPoint, insideViewport, readCard, saveCardScreenshot, wordRect } from '../support/card-page.ts';
import { FIXTURES } from '../support/paths.ts';

const WORDS: Record<string, Record<string, string>> = {
  en: { 'Stanislav Zas': 'zas', Zas: 'zas', 'Sergei Shoigu': 'shoigu', Armenia: 'armenia', Afghanistan: 'afghanistan', Russia: 'russia' },
  ar: { 'ستانيسلاف زاس': 'zas', 'سيرغي شويغو': 'shoigu', أرمينيا: 'armenia', أفغانستان: 'afghanistan' },
  ru: { 'Станислав Зась': 'zas', 'Сергей Шойгу': 'shoigu', Армения: 'armenia', Афганистана: 'afghanistan', России: 'russia' },
};

describe.runIf(chromiumAvailable)('entity card (Chromium, harness)', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    const harness = await buildCardHarness();
    server = await startStaticServer({ '/harness/': harness, '/': FIXTURES });
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: false,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  });
  afterAll(() => closeChromium(browser, server));

  async function open(
    lang: 'en' | 'ar' | 'ru',
    config: Partial<HarnessConfig> = {},
    contextOptions: Parameters<Browser['newContext']>[0] = {},
    fixture = `/card-${lang}.html`,
  ): Promise<{ page: Page; context: BrowserContext }> {
    const context = await browser.newContext({ viewport: { width: 1000, height: 720 }, ...contextOptions });
    const page = await context.newPage();
    await page.goto(server.url(fixture));
    await page.addScriptTag({ url: '/harness/card-harness.js' });
    await page.evaluate(
      (c) => window.cardHarness.start(c),
      { words: WORDS[lang]!, published: '2021-08-31', uiLanguage: lang, ...config } satisfies HarnessConfig,
    );
    return { page, context };
  }

  async function hover(page: Page, word: string, nth = 0): Promise<void> {
    const r = await wordRect(page, word, nth);
    await page.mouse.move(r.x - 3, r.y, { steps: 2 });
    await page.mouse.move(r.x, r.y, { steps: 2 });
  }

  it('shows the card on hover after the delay, inside the viewport, with then and today', async () => {
    const { page, context } = await open('en');
    await hover(page, 'Stanislav Zas');
    await page.waitForTimeout(200);
    expect((await readCard(page))?.visible ?? false).toBe(false); // not before the delay
    await expect.poll(async () => (await readCard(page))?.visible, { timeout: 3000 }).toBe(true);
    const card = (await readCard(page))!;
    expect(card.hosts).toBe(1);
    expect(card.role).toBe('dialog');
    expect(card.label).toBe('Stanislav Zas');
    expect(card.lang).toBe('en');
    expect(card.dir).toBe('ltr');
    expect(card.text).toContain('At the time of this article (31 Aug 2021)');
    expect(card.text).toContain('Today');
    expect(card.text).toContain('Secretary General of the CSTO');
    expect(card.text).toContain('former Secretary General of the CSTO');
    expect(card.text).toContain('Checked');
    expect(insideViewport(card)).toBe(true);
    expect(card.onTop).toBe(true);
    // Below the name, not on it.
    const word = await wordRect(page, 'Stanislav Zas');
    expect(card.rect.top).toBeGreaterThanOrEqual(word.bottom);
    for (const link of card.links) {
      expect(link.target).toBe('_blank');
      expect(link.rel.split(' ').sort()).toEqual(['noopener', 'noreferrer']);
    }
    await context.close();
  });

  it('stays while the pointer travels onto the card and rests there, and Esc closes it without moving focus', async () => {
    const { page, context } = await open('en');
    const focused = await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'typing';
      document.body.prepend(input);
      input.focus();
      return document.activeElement?.id;
    });
    expect(focused).toBe('typing');
    await hover(page, 'Sergei Shoigu');
    await expect.poll(async () => (await readCard(page))?.visible, { timeout: 3000 }).toBe(true);
    const card = (await readCard(page))!;
    // Travel from the name down onto the card, then rest on it well past any timeout.
    await page.mouse.move(card.rect.left + 40, card.rect.top + 30, { steps: 6 });
    await page.waitForTimeout(1500);
    expect((await readCard(page))?.visible).toBe(true);
    // Shoigu: Minister of Defence then, Secretary of the Security Council now.
    expect(card.text).toMatch(/Minister of Defence/);
    expect(card.text).toMatch(/Secretary of the Security Council/);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readCard(page))?.visible, { timeout: 1000 }).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('typing');
    // The pointer has not moved: the card stays closed.
    await page.waitForTimeout(800);
    expect((await readCard(page))?.visible).toBe(false);
    await context.close();
  });

  it('closes after a short grace once the pointer leaves, not before', async () => {
    const { page, context } = await open('en');
    await hover(page, 'Armenia');
    await expect.poll(async () => (await readCard(page))?.visible, { timeout: 3000 }).toBe(true);
    const text = (await readCard(page))!.text;
    expect(text).toMatch(/CSTO: founding member/);
    expect(text).toMatch(/CSTO: participation frozen/);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(100);
    expect((await readCard(page))?.visible).toBe(true);
    await expect.poll(async () => (await readCard(page))?.visible, { timeout: 2000 }).toBe(false);
    await context.close();
  });

  it('keeps a pinned card, opens related cards in place, and hands the full card to the extension', async () => {
    const { page, context } = await open('en');
    await hover(page, 'Stanislav Zas');
    await expect.poll(async () => (await readCard(page))?.visible, { timeout: 3000 }).toBe(true);
    let card = (await readCard(page))!;
    await page.mouse.move(card.controls.pin!.x, card.controls.pin!.y, { steps: 4 });
    await page.mouse.click(card.controls.pin!.x, card.controls.pin!.y);
    await expect.poll(async () => (await readCard(page))?.pinned).toBe(true);
    await page.mouse.move(5, 700, { steps: 3 });
    await page.waitForTimeout(900);
    card = (await readCard(page))!;
    expect(card.visible).toBe(true);
    const related = await controlPoint(page, '.chip[data-entity="tasmagambetov"]');
    await page.mouse.move(related.x, related.y, { steps: 4 });
    await page.mouse.click(related.x, related.y);
    await expect.poll(async () => (await readCard(page))?.label).toBe('Imangali Tasmagambetov');
    const full = await controlPoint(page, '.full');
    await page.mouse.click(full.x, full.y);
    expect(await page.evaluate(() => window.cardHarness.opened)).toEqual(['tasmagambetov']);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readCard(page))?.visible).toBe(false);
    await context.close();
  });

  it('opens by keyboard command with focus in the card, moves on, and returns focus on close', async () => {
    const { page, context } = await open('en');
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'before';
      button.textContent = 'before';
      document.body.prepend(button);
      button.focus();
    });
    // The first mention in the viewport is in the headline.
    await page.evaluate(() => window.cardHarness.layer!.next());
    await expect.poll(async () => (await readCard(page))?.visible, { timeout: 3000 }).toBe(true);
    let card = (await readCard(page))!;
    expect(card.label).toBe('Afghanistan');
    expect(card.focusInside).toBe(true);
    await page.evaluate(() => window.cardHarness.layer!.next());
    await expect.poll(async () => (await readCard(page))?.label).toBe('Stanislav Zas');
    await page.evaluate(() => window.cardHarness.layer!.next());
    await page.evaluate(() => window.cardHarness.layer!.previous());
    await expect.poll(async () => (await readCard(page))?.label).toBe('Stanislav Zas');
    // Tab moves through the card's controls, staying inside it.
    await page.keyboard.press('Tab');
    card = (await readCard(page))!;
    expect(card.focusInside).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readCard(page))?.visible).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
    await context.close();
  });

  it('scrolls a mention below the fold into view for the keyboard', async () => {
    // Reduced motion: the scroll is instant, so the positions can be checked at once.
    const { page, context } = await open('en', {}, { reducedMotion: 'reduce' });
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '3000px';
      const last = document.querySelectorAll('p')[2]!;
      last.before(spacer);
    });
    // Afghanistan, Stanislav Zas, Afghanistan, Russia, Sergei Shoigu, Armenia, then Zas below the spacer.
    for (let i = 0; i < 7; i++) await page.evaluate(() => window.cardHarness.layer!.next());
    await expect.poll(async () => (await readCard(page))?.label).toBe('Stanislav Zas');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    // Once the (smooth) scroll settles, the card sits by the name, inside the viewport.
    await expect.poll(async () => insideViewport((await readCard(page))!), { timeout: 3000 }).toBe(true);
    const word = await wordRect(page, 'Zas', 1);
    expect(word.top).toBeGreaterThan(0);
    expect(word.bottom).toBeLessThan(720);
    await context.close();
  });

  it('opens on click (touch and mouse) and a click elsewhere closes it', async () => {
    const { page, context } = await open('en', {}, { hasTouch: true });
    const r = await wordRect(page, 'Armenia');
    await page.touchscreen.tap(r.x, r.y);
    await expect.poll(async () => (await readCard(page))?.label, { timeout: 2000 }).toBe('Armenia');
    await page.touchscreen.tap(900, 650);
    await expect.poll(async () => (await readCard(page))?.visible).toBe(false);
    await context.close();
  });

  it('flips above a name near the bottom of the viewport and stays inside it', async () => {
    const { page, context } = await open('en', {}, { viewport: { width: 700, height: 420 } });
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '2000px';
      document.body.append(spacer);
    });
    const target = await wordRect(page, 'Zas', 1);
    await page.evaluate((y) => window.scrollBy(0, y - 390), target.y);
    await hover(page, 'Zas', 1);
    await expect.poll(async () => (await readCard(page))?.visible, { timeout: 3000 }).toBe(true);
    const card = (await readCard(page))!;
    expect(insideViewport(card)).toBe(true);
    const word = await wordRect(page, 'Zas', 1);
    expect(card.rect.bottom).toBeLessThanOrEqual(word.top + 1);
    await context.close();
  });

  it('speaks the card language setting: the page language, or a fixed one', async () => {
    const { page, context } = await open('ru', { uiLanguage: 'en-US', preferences: { cardLanguage: 'page' } });
    await hover(page, 'Станислав Зась');
    await expect.poll(async () => (await readCard(page))?.lang, { timeout: 3000 }).toBe('ru');
    expect((await readCard(page))!.text).toContain('На момент выхода статьи (31 августа 2021)');
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.cardHarness.setPreferences({ cardLanguage: 'ar' }));
    await hover(page, 'Сергей Шойгу');
    await expect.poll(async () => (await readCard(page))?.dir, { timeout: 3000 }).toBe('rtl');
    const card = (await readCard(page))!;
    expect(card.lang).toBe('ar');
    // The page's own script under the Arabic name.
    expect(card.text).toContain('Сергей Шойгу');
    await context.close();
  });

  for (const lang of ['ar', 'en', 'ru'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`renders the ${lang} card in ${scheme} (screenshot card-${lang}-${scheme}.png)`, async () => {
        const { page, context } = await open(lang, { uiLanguage: lang }, { colorScheme: scheme });
        const name = { ar: 'ستانيسلاف زاس', en: 'Stanislav Zas', ru: 'Станислав Зась' }[lang];
        await hover(page, name);
        await expect.poll(async () => (await readCard(page))?.visible, { timeout: 3000 }).toBe(true);
        await page.waitForTimeout(250); // past the entry animation
        await saveCardScreenshot(page, `card-${lang}-${scheme}`);
        const card = (await readCard(page))!;
        expect(card.lang).toBe(lang);
        expect(card.dir).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        expect(insideViewport(card)).toBe(true);
        const dark = card.background !== 'rgb(255, 255, 255)';
        expect(dark).toBe(scheme === 'dark');
        if (lang === 'ar') {
          // The right edge of an RTL card lines up with the right edge of the name.
          const word = await wordRect(page, name);
          expect(Math.abs(card.rect.right - word.right)).toBeLessThan(40);
        }
        await context.close();
      });
    }
  }

  it('places the card under the line the pointer is on when a name wraps', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 720 } });
    const page = await context.newPage();
    await page.goto(server.url('/card-en.html'));
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'narrow';
      p.style.cssText = 'width: 60px; margin-left: 300px; font: 18px/1.6 serif;';
      p.textContent = 'Stanislav Zas';
      document.querySelector('h1')!.after(p);
    });
    await page.addScriptTag({ url: '/harness/card-harness.js' });
    await page.evaluate(() => window.cardHarness.start({ words: { 'Stanislav Zas': 'zas' }, published: '2021-08-31', uiLanguage: 'en' }));
    const lines = await page.evaluate(() => {
      const text = document.getElementById('narrow')!.firstChild!;
      const range = document.createRange();
      range.selectNodeContents(text);
      return Array.from(range.getClientRects()).map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom }));
    });
    expect(lines.length).toBe(2);
    const second = lines[1]!;
    await page.mouse.move(second.left + 5, (second.top + second.bottom) / 2, { steps: 2 });
    await page.mouse.move(second.left + 8, (second.top + second.bottom) / 2, { steps: 2 });
    await expect.poll(async () => (await readCard(page))?.visible, { timeout: 3000 }).toBe(true);
    const card = (await readCard(page))!;
    expect(card.rect.top).toBeGreaterThanOrEqual(second.bottom - 1);
    expect(card.rect.top - second.bottom).toBeLessThan(16);
    expect(Math.abs(card.rect.left - second.left)).toBeLessThan(4);
    await context.close();
  });

  it('hides a pinned card while its name is scrolled out of sight, and shows it again', async () => {
    const { page, context } = await open('en');
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '3000px';
      document.body.append(spacer);
    });
    await hover(page, 'Sergei Shoigu');
    await expect.poll(async () => (await readCard(page))?.visible, { timeout: 3000 }).toBe(true);
    const pin = await controlPoint(page, '.pin');
    await page.mouse.move(pin.x, pin.y, { steps: 4 });
    await page.mouse.click(pin.x, pin.y);
    await page.mouse.move(990, 700);
    await page.evaluate(() => window.scrollTo(0, 2000));
    await expect.poll(async () => (await readCard(page))?.visibility, { timeout: 2000 }).toBe('hidden');
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(async () => (await readCard(page))?.visibility, { timeout: 2000 }).toBe('visible');
    await context.close();
  });

  it('waits for the hover delay from the settings', async () => {
    const { page, context } = await open('en', { preferences: { hoverDelayMs: 1200 } });
    await hover(page, 'Armenia');
    await page.waitForTimeout(700);
    expect((await readCard(page))?.visible ?? false).toBe(false);
    await expect.poll(async () => (await readCard(page))?.visible, { timeout: 3000 }).toBe(true);
    await context.close();
  });

  it('animates its entry only when motion is welcome', async () => {
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      const { page, context } = await open('en', {}, { reducedMotion });
      await hover(page, 'Armenia');
      await expect.poll(async () => (await readCard(page))?.visible, { timeout: 3000 }).toBe(true);
      expect((await readCard(page))!.animation).toBe(reducedMotion === 'reduce' ? 'none' : 'card-in');
      await context.close();
    }
  });

  it('uses system colours in forced-colors mode (screenshot card-en-forced.png)', async () => {
    const { page, context } = await open('en', {}, { forcedColors: 'active', colorScheme: 'dark' });
    await hover(page, 'Sergei Shoigu');
    await expect.poll(async () => (await readCard(page))?.visible, { timeout: 3000 }).toBe(true);
    await page.waitForTimeout(250);
    await saveCardScreenshot(page, 'card-en-forced');
    const card = (await readCard(page))!;
    expect(card.text).toContain('Today');
    expect(insideViewport(card)).toBe(true);
    await context.close();
  });

  it('shows the page-script name under an Arabic card on a Russian page (screenshot card-ar-on-ru.png)', async () => {
    const { page, context } = await open('ru', { preferences: { cardLanguage: 'ar' } });
    await hover(page, 'Армения');
    await expect.poll(async () => (await readCard(page))?.dir, { timeout: 3000 }).toBe('rtl');
    await page.waitForTimeout(250);
    await saveCardScreenshot(page, 'card-ar-on-ru');
    const card = (await readCard(page))!;
    expect(card.text).toContain('Армения');
    expect(card.text).toContain('المشاركة مجمَّدة');
    await context.close();
  });

  it('follows a forced theme over the system preference', async () => {
    const { page, context } = await open('en', { preferences: { theme: 'dark' } }, { colorScheme: 'light' });
    await hover(page, 'Armenia');
    await expect.poll(async () => (await readCard(page))?.visible, { timeout: 3000 }).toBe(true);
    expect((await readCard(page))!.background).not.toBe('rgb(255, 255, 255)');
    await context.close();
  });
});
