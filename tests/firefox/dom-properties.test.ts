// The generated-tree property tests of tests/browser/dom-properties.test.ts in Firefox ESR, with its test build (the
// content script answers through the window-message hooks): the marks are the core's prediction for the tree, every
// mark covers its mention's text, and switching off gives back the page exactly — with CSS highlights and with the
// wrapper fallback (#csto-lens-wrapper). Fewer trees than in Chromium: Firefox is slower to drive.
import fc from 'fast-check';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FirefoxWithExtension } from '../../scripts/lib/firefox.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import type { MentionsResponse } from '../../src/shared/messages.ts';
import { firefoxAvailable } from '../support/browsers.ts';
import { pageMarkTexts, pageUnchanged, predicted, SENTINEL_TEXT, tail } from '../support/dom-tree-checks.ts';
import { forestArbitrary, forestPage } from '../support/dom-trees.ts';
import { askTestHook, closeFirefox, mentionsViaTestHook, openFirefox } from './support.ts';

const SEED = Number(process.env.DOM_PROPERTY_SEED ?? 20261129);
const RUNS = Number(process.env.DOM_PROPERTY_FIREFOX_RUNS ?? 30);
const HOSTS = ['127.0.0.1', 'localhost'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function settled(page: Page): Promise<MentionsResponse> {
  const deadline = Date.now() + 15_000;
  let last = '';
  let answer: MentionsResponse | null = null;
  while (Date.now() < deadline) {
    answer = await mentionsViaTestHook(page);
    const key = JSON.stringify(answer);
    if (answer && answer.mentions.at(-1)?.text === SENTINEL_TEXT && key === last) return answer;
    last = key;
    await sleep(80);
  }
  throw new Error(`marks did not settle: ${JSON.stringify(answer)?.slice(0, 400)}`);
}

function pathSuite(path: 'highlight' | 'wrapper') {
  let firefox: FirefoxWithExtension;
  let server: StaticServer;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    ({ firefox, server } = await openFirefox());
    page = await firefox.newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
  });
  afterAll(() => closeFirefox({ firefox, server }));

  it(`marks exactly what the core predicts, over the right text, and switching off restores the page (${RUNS} trees)`, async () => {
    let n = 0;
    let marked = 0;
    await fc.assert(
      fc.asyncProperty(forestArbitrary(), async (forest) => {
        n++;
        errors.length = 0;
        // As in Chromium: pages alternate between two host names, and the this-site switch turns the current one off.
        const host = HOSTS[n % 2]!;
        server.setPage(`/tree-${n}.html`, forestPage(forest, tail(n)));
        await page.goto(server.url(`/tree-${n}.html${path === 'wrapper' ? '#csto-lens-wrapper' : ''}`).replace('127.0.0.1', host));
        const expected = predicted(forest, tail(n));
        const answer = await settled(page);
        expect(answer.mentions).toEqual(expected);
        marked += expected.length - 1;

        const { texts, names } = await page.evaluate(pageMarkTexts, path);
        if (path === 'highlight') {
          expect(texts).toEqual(expected.map((m) => m.text).sort());
          // The page's highlight names are the random ones the content script drew for this page (its test hook says).
          const status = await askTestHook<{ stats: { highlightNames: Record<string, string> } }>(page, { type: 'status' });
          const drawn = Object.values(status?.stats.highlightNames ?? {});
          for (const name of names) expect(drawn).toContain(name);
        } else expect(texts.join('')).toBe(expected.map((m) => m.text).join(''));

        await askTestHook(page, { type: 'settings', settings: { disabledSites: [host] } });
        for (let i = 0; i < 60 && (await page.evaluate(pageMarkTexts, path)).texts.length > 0; i++) await sleep(80);
        expect((await page.evaluate(pageMarkTexts, path)).texts).toEqual([]);
        expect(await page.evaluate(pageUnchanged)).toEqual({ html: true, textNodes: true });
        expect(errors).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(marked).toBeGreaterThan(RUNS / 2);
  }, 600_000); // room to shrink a counterexample, which replays pages
}

describe.runIf(firefoxAvailable)('generated DOM trees in Firefox ESR, CSS highlights (test build)', () => pathSuite('highlight'));
describe.runIf(firefoxAvailable)('generated DOM trees in Firefox ESR, the wrapper fallback (test build)', () => pathSuite('wrapper'));
