// Property tests over generated DOM trees in Chromium with the built extension: fast-check generates a tree in node
// (random Arabic, Cyrillic and Latin text, marks, bidi controls, ZWJ/ZWNJ, emoji, real names with clitics and case
// endings, inline and block elements, skipped elements, open shadow roots); the page builds it; the content script
// marks it. Then: no page error; the marks are exactly what the core matcher finds in node on the runs the collector
// reads from that tree (tests/support/dom-trees.ts models them); every mark covers its mention's text; switching off
// leaves outerHTML (and every shadow root) exactly as built, with the same Text nodes. Once with CSS highlights (the
// release build), once with the wrapper fallback (the test build, which takes #csto-lens-wrapper to force it).
// The same in Firefox: tests/firefox/dom-properties.test.ts.
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium.ts';
import { mentions } from '../../scripts/lib/settled-mentions.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import type { MentionsResponse } from '../../src/shared/messages.ts';
import { chromiumAvailable } from '../support/browsers.ts';
import { closeChromium } from '../support/chromium-session.ts';
import { pageMarkTexts, pageUnchanged, predicted, SENTINEL_TEXT, tail } from '../support/dom-tree-checks.ts';
import { forestArbitrary, forestPage } from '../support/dom-trees.ts';
import { DIST, DIST_TEST, FIXTURES } from '../support/paths.ts';
import { changeSettings, resetSettings } from './page-support.ts';

// DOM_PROPERTY_SEED and DOM_PROPERTY_RUNS let a longer hunt run with other trees; the default keeps the file under a minute.
const SEED = Number(process.env.DOM_PROPERTY_SEED ?? 20261129);
const RUNS = Number(process.env.DOM_PROPERTY_RUNS ?? 40);
const HOSTS = ['127.0.0.1', 'localhost'];
const WRITE_INTERVAL_MS = 550;

/** The answer once the sentinel is marked and the answer held still over two polls. */
async function settled(browser: ExtensionBrowser, page: Page): Promise<MentionsResponse> {
  const deadline = Date.now() + 15_000;
  let last = '';
  let answer: MentionsResponse | null = null;
  while (Date.now() < deadline) {
    answer = await mentions(browser, page);
    const key = JSON.stringify(answer);
    if (answer && answer.mentions.at(-1)?.text === SENTINEL_TEXT && key === last) return answer;
    last = key;
    await page.waitForTimeout(60);
  }
  throw new Error(`marks did not settle: ${JSON.stringify(answer)?.slice(0, 400)}`);
}

const markTexts = (page: Page, path: 'highlight' | 'wrapper') => page.evaluate(pageMarkTexts, path);
const unchanged = (page: Page) => page.evaluate(pageUnchanged);

function pathSuite(path: 'highlight' | 'wrapper') {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startStaticServer({ '/': FIXTURES });
    browser = await launchWithExtension(path === 'highlight' ? DIST : DIST_TEST);
    await resetSettings(browser);
    page = await browser.context.newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
  });
  afterAll(() => closeChromium(browser, server));

  it(`marks exactly what the core predicts, over the right text, and switching off restores the page (${RUNS} trees)`, async () => {
    let n = 0;
    let marked = 0;
    let lastWrite = 0;
    await fc.assert(
      fc.asyncProperty(forestArbitrary(), async (forest) => {
        n++;
        errors.length = 0;
        // Pages alternate between two host names, so switching one page off (this-site switch) is one settings write,
        // and that write switches the next page's host back on. storage.sync allows 120 writes a minute.
        const host = HOSTS[n % 2]!;
        server.setPage(`/tree-${n}.html`, forestPage(forest, tail(n)));
        await page.goto(server.url(`/tree-${n}.html${path === 'wrapper' ? '#csto-lens-wrapper' : ''}`).replace('127.0.0.1', host));
        const expected = predicted(forest, tail(n));
        const answer = await settled(browser, page);
        expect(answer.mentions).toEqual(expected);
        marked += expected.length - 1;

        const { texts, names } = await markTexts(page, path);
        if (path === 'highlight') {
          expect(texts).toEqual(expected.map((m) => m.text).sort());
          for (const name of names) expect(name).not.toMatch(/csto|lens/i);
        } else {
          // A mention cut by inline elements has one wrapper per piece: compare the text they cover, in order.
          expect(texts.join('')).toBe(expected.map((m) => m.text).join(''));
        }

        await page.waitForTimeout(Math.max(0, lastWrite + WRITE_INTERVAL_MS - Date.now()));
        lastWrite = Date.now();
        await changeSettings(browser, { disabledSites: [host] });
        await expect.poll(async () => (await markTexts(page, path)).texts.length, { timeout: 5000 }).toBe(0);
        expect(await unchanged(page)).toEqual({ html: true, textNodes: true });
        if (path === 'highlight') expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
        expect(errors).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The trees carried names: the comparison above was about something.
    expect(marked).toBeGreaterThan(RUNS);
  }, 600_000); // room to shrink a counterexample, which replays pages
}

describe.runIf(chromiumAvailable)('generated DOM trees in Chromium, CSS highlights (release build)', () => pathSuite('highlight'));
describe.runIf(chromiumAvailable)('generated DOM trees in Chromium, the wrapper fallback (test build)', () => pathSuite('wrapper'));
