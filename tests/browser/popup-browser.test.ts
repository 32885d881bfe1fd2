// The entity browser and the options page in Chromium: search finds cards from all three scripts, the options page
// opens a card at #entity=ID, sites can be added and removed, a bad settings file changes nothing, and screenshots
// of the popup (English, Arabic) and of the membership timeline go to artifacts/screenshots/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import type { MentionsResponse } from '../../src/shared/messages.ts';
import { chromiumAvailable } from '../support/browsers.ts';
import { closeChromium } from '../support/chromium-session.ts';
import { ARTIFACTS, DEMO, DIST } from '../support/paths.ts';
import { openPopup, storedSettings, tabIdOf, writeStoredSettings } from './popup-support.ts';

const SHOTS = join(ARTIFACTS, 'screenshots');

async function search(page: Page, query: string): Promise<string | null> {
  await page.locator('#entity-search').fill(query);
  await expect.poll(() => page.locator('.result-count').textContent()).not.toBe('');
  return page.locator('button.result').first().getAttribute('data-entity');
}

/** The whole popup in one picture: a window as tall as the page and no scrollbar (which would narrow it). */
async function screenshotWhole(page: Page, path: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const style = await page.addStyleTag({ content: 'html { scrollbar-width: none; }' });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 380, height });
  await page.screenshot({ path });
  await style.evaluate((node) => (node as Element).remove());
  await page.setViewportSize({ width: 380, height: 600 });
}

async function popupOnDemo(ext: ExtensionBrowser, server: StaticServer, path: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(server.url(path));
  await expect.poll(() => ext.sendToTab<MentionsResponse>(page, { type: 'csto-lens/mentions' }).catch(() => null), { timeout: 15_000 }).not.toBeNull();
  return openPopup(ext, await tabIdOf(ext, page));
}

describe.runIf(chromiumAvailable)('entity browser and options in Chromium (English)', () => {
  let ext: ExtensionBrowser;
  let server: StaticServer;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startStaticServer({ '/': DEMO });
    ext = await launchWithExtension(DIST, { locale: 'en' });
  });
  afterAll(() => closeChromium(ext, server));

  it('finds the same card from Latin, Cyrillic and Arabic script', async () => {
    const popup = await popupOnDemo(ext, server, '/article-en.html');
    for (const query of ['shoigu', 'Шойгу', 'شويغو', 'شويجو', 'Shoygu']) expect(await search(popup, query), query).toBe('shoigu');
    for (const [query, id] of [['ОДКБ', 'csto'], ['منظمة معاهدة الأمن الجماعي', 'csto'], ['лукашенко', 'lukashenko']] as const) {
      expect(await search(popup, query), query).toBe(id);
    }
    await popup.locator('button.result[data-entity="lukashenko"]').click();
    const card = popup.locator('article.card[data-entity="lukashenko"]');
    await card.waitFor();
    expect(await card.locator('.card-name').textContent()).toBe('Alexander Lukashenko');
    expect(await card.locator('.sources a').count()).toBeGreaterThan(0);
    // Related entities open their own card.
    await card.locator('.related button').first().click();
    await expect.poll(() => popup.locator('article.card').getAttribute('data-entity')).not.toBe('lukashenko');
    await popup.close();
  });

  it('shows the CSTO card with the membership timeline, and saves the English popup screenshot', async () => {
    const popup = await popupOnDemo(ext, server, '/article-en.html');
    await search(popup, 'csto');
    await popup.locator('button.result[data-entity="csto"]').click();
    const chart = popup.locator('article.card[data-entity="csto"] svg.timeline-chart');
    await chart.waitFor();
    expect(Number(await chart.getAttribute('data-rows'))).toBeGreaterThanOrEqual(9);
    expect(await chart.locator('rect.status-frozen').count()).toBeGreaterThan(0);
    expect(await chart.getAttribute('role')).toBe('img');
    await popup.locator('#entity-search').fill('');
    await screenshotWhole(popup, join(SHOTS, 'popup-en.png'));
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 25, 31)');
    await screenshotWhole(popup, join(SHOTS, 'popup-en-dark.png'));
    await popup.close();
  });

  it('opens the options page at #entity=ID with that card, and draws the article date on the timeline', async () => {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('src/options/index.html#entity=shoigu&date=2021-08-31'));
    const card = page.locator('article.card[data-entity="shoigu"]');
    await card.waitFor();
    expect(await card.locator('.card-section h3, .card-section h4').first().textContent()).toContain('31 Aug 2021');
    expect(await card.textContent()).toContain('Minister of Defence');
    const timeline = page.locator('section[aria-labelledby="timeline-heading"] figure.timeline');
    expect(await timeline.locator('.marker-line line').count()).toBe(1);
    await page.setViewportSize({ width: 900, height: 900 });
    await timeline.screenshot({ path: join(SHOTS, 'timeline.png') });
    // The table alternative has a row per period.
    expect(await timeline.locator('table tbody tr').count()).toBe(await timeline.locator('rect.bar').count());
    await page.goto(ext.extensionUrl('src/options/index.html#entity=armenia'));
    await page.reload();
    const armenia = page.locator('article.card[data-entity="armenia"]');
    await armenia.waitFor();
    // A member state's card carries its own row of the timeline.
    expect(await armenia.locator('svg.timeline-chart').getAttribute('data-rows')).toBe('1');
    expect(await armenia.locator('rect.bar').evaluateAll((bars) => bars.map((b) => b.getAttribute('data-status')))).toEqual(['founding-member', 'frozen']);
    await armenia.screenshot({ path: join(SHOTS, 'card-armenia.png') });
    await page.close();
  });

  it('opens the full card on the options page when a card asks the background (csto-lens/open-card)', async () => {
    const sender = await ext.context.newPage();
    await sender.goto(ext.extensionUrl('src/popup/index.html'));
    const opened = ext.context.waitForEvent('page');
    await sender.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
        type: 'csto-lens/open-card',
        entity: 'putin',
        date: '2021-08-31',
      }),
    );
    const page = await opened;
    await page.locator('article.card[data-entity="putin"]').waitFor();
    expect(page.url()).toBe(ext.extensionUrl('src/options/index.html#entity=putin&date=2021-08-31'));
    expect(await page.locator('article.card h4').first().textContent()).toContain('31 Aug 2021');
    await page.close();
    await sender.close();
  });

  it('adds and removes sites that are off, refusing junk', async () => {
    await writeStoredSettings(ext, undefined);
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('src/options/index.html'));
    await page.locator('#site-add').fill('https://www.Example.com/news/1');
    await page.locator('#site-add').press('Enter');
    await expect.poll(async () => (await storedSettings(ext)).sync?.disabledSites).toEqual(['example.com']);
    await page.locator('#site-add').fill('not a site');
    await page.getByRole('button', { name: 'Add' }).click();
    expect(await page.locator('#site-add-error').textContent()).toContain('not a site name');
    expect((await storedSettings(ext)).sync?.disabledSites).toEqual(['example.com']);
    await page.getByRole('button', { name: 'Turn CSTO Lens back on for example.com' }).click();
    await expect.poll(async () => (await storedSettings(ext)).sync?.disabledSites).toEqual([]);
    await page.close();
  });

  it('changes settings from the options page, device-only ones in storage.local', async () => {
    await writeStoredSettings(ext, undefined);
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('src/options/index.html'));
    await page.getByLabel('Background').check();
    await page.locator('#opt-category-media').click();
    await page.locator('#opt-card-language').selectOption('ru');
    await page.locator('#opt-theme').selectOption('dark');
    await page.locator('#opt-hover-delay').fill('700');
    await page.locator('#opt-hover-delay').press('Tab');
    await expect.poll(async () => (await storedSettings(ext)).local?.hoverDelayMs).toBe(700);
    const { sync } = await storedSettings(ext);
    expect(sync).toMatchObject({ markStyle: 'background', cardLanguage: 'ru', theme: 'dark', categories: { media: false, people: true } });
    expect(sync).not.toHaveProperty('hoverDelayMs');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // The forced theme wins over a light system preference.
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 25, 31)');
    await writeStoredSettings(ext, undefined);
    await page.close();
  });

  it('refuses a bad settings file and changes nothing; takes a good one', async () => {
    await writeStoredSettings(ext, { version: 2, enabled: true, disabledSites: ['kept.example'] });
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('src/options/index.html'));
    const before = await storedSettings(ext);
    const bad: Array<[string, string]> = [
      ['not-json.json', '{ this is not json'],
      ['other.json', '{"hello": "world"}'],
      ['bad-value.json', JSON.stringify({ format: 'csto-lens-settings', settings: { version: 2, enabled: 'no' } })],
    ];
    for (const [name, text] of bad) {
      await page.locator('#import-settings').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      await expect.poll(() => page.locator('#import-message').getAttribute('data-kind')).toBe('error');
      expect(await page.locator('#import-message').textContent()).toContain('nothing was changed');
      expect(await storedSettings(ext)).toEqual(before);
    }
    // What the export button writes is what import takes back.
    const download = page.waitForEvent('download');
    await page.locator('#export-settings').click();
    const file = await (await download).path();
    await writeStoredSettings(ext, undefined);
    await page.locator('#import-settings').setInputFiles(file);
    await expect.poll(() => page.locator('#import-message').getAttribute('data-kind')).toBe('ok');
    await expect.poll(async () => (await storedSettings(ext)).sync?.disabledSites).toEqual(['kept.example']);
    await page.close();
  });

  it('lists the keyboard shortcuts with a way to change them', async () => {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('src/options/index.html'));
    await page.locator('tr[data-command="toggle-annotations"]').waitFor();
    expect(await page.locator('tr[data-command="toggle-annotations"] kbd').textContent()).toBe('Alt+Shift+L');
    const opened = ext.context.waitForEvent('page');
    await page.getByRole('button', { name: 'Change shortcuts in the browser’s settings' }).click();
    const shortcuts = await opened;
    await expect.poll(() => shortcuts.url()).toBe('chrome://extensions/shortcuts');
    await shortcuts.close();
    await page.close();
  });

  it('labels every control and keeps the heading outline without gaps, in the popup and the options page', async () => {
    const popup = await popupOnDemo(ext, server, '/article-en.html');
    await search(popup, 'csto');
    await popup.locator('button.result[data-entity="csto"]').click();
    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('src/options/index.html#entity=csto'));
    await options.locator('article.card[data-entity="csto"]').waitFor();
    for (const page of [popup, options]) {
      const report = await page.evaluate(() => {
        const unnamed = [...document.querySelectorAll<HTMLElement>('input, select, button, a[href], summary')]
          .filter((el) => {
            const input = el as HTMLInputElement;
            const labelled = (input.labels?.length ?? 0) > 0 || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
            return !labelled && !(el.textContent ?? '').trim();
          })
          .map((el) => el.outerHTML.slice(0, 80));
        const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
        const jumps = levels.filter((level, i) => i > 0 && level > levels[i - 1]! + 1);
        return { unnamed, levels, jumps, h1: levels.filter((l) => l === 1).length };
      });
      expect(report.unnamed, page.url()).toEqual([]);
      expect(report.jumps, `${page.url()} ${report.levels.join(',')}`).toEqual([]);
      expect(report.h1).toBe(1);
    }
    await popup.close();
    await options.close();
  });

  it('reaches every control by Tab, each with a name', async () => {
    const popup = await popupOnDemo(ext, server, '/article-en.html');
    const names: string[] = [];
    // Walk the whole Tab order: the switches first, then this page's entities, then the entity browser.
    for (let i = 0; i < 200 && !names.some((n) => /Search by name/.test(n)); i++) {
      await popup.keyboard.press('Tab');
      names.push(
        await popup.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el) return '';
          const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
          return (el.getAttribute('aria-label') ?? label ?? el.textContent ?? '').trim();
        }),
      );
    }
    expect(names.slice(0, 4)).toEqual(['All settings', 'Annotations on every site', expect.stringContaining('On this site'), 'More settings']);
    const search = names.findIndex((n) => /Search by name/.test(n));
    expect(search).toBeGreaterThan(3);
    const pageControls = names.slice(4, search);
    // The demo article has entities, so "go to" and "open card" buttons for each come before the search field.
    expect(pageControls.length).toBeGreaterThan(0);
    for (const name of pageControls) expect(name).toMatch(/^(Go to the next mention of|Open the card of) .+/);
    expect(names.every((n) => n.length > 0)).toBe(true);
    await popup.close();
  });
});

describe.runIf(chromiumAvailable)('popup in Chromium (Arabic interface)', () => {
  let ext: ExtensionBrowser;
  let server: StaticServer;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startStaticServer({ '/': DEMO });
    ext = await launchWithExtension(DIST, { locale: 'ar' });
  });
  afterAll(() => closeChromium(ext, server));

  it('is right to left in Arabic, and saves the Arabic popup screenshot', async () => {
    const popup = await popupOnDemo(ext, server, '/article-ar.html');
    expect(await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    expect(await popup.locator('h2#page-heading').textContent()).toContain('في هذه الصفحة');
    expect(await search(popup, 'shoigu')).toBe('shoigu');
    await popup.locator('button.result[data-entity="shoigu"]').click();
    const card = popup.locator('article.card[data-entity="shoigu"]');
    expect(await card.getAttribute('dir')).toBe('rtl');
    expect(await card.locator('.card-name').textContent()).toBe('سيرغي شويغو');
    // Taller than the window, with a scrollbar: still nothing wider than the popup.
    await search(popup, 'csto');
    await popup.locator('button.result[data-entity="csto"]').click();
    await popup.locator('article.card[data-entity="csto"] svg').waitFor();
    expect(await popup.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await search(popup, 'shoigu');
    await popup.locator('button.result[data-entity="shoigu"]').click();
    await popup.locator('#entity-search').fill('');
    await screenshotWhole(popup, join(SHOTS, 'popup-ar.png'));
    await popup.close();
  });
});
