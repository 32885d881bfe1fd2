// Generated DOM trees that change after they are marked (Chromium, release build, CSS highlights): once the content
// script has marked a tree, the page edits itself — sets, inserts or removes Text nodes anywhere in the light DOM
// (skipped elements included), removes elements, and appends new subtrees. The marks must become exactly what the
// core predicts for the edited tree (tests/support/dom-trees.ts applies the same edits to the model), every mark
// must cover its text, and switching off must leave the edited page exactly as the page left it. This is the
// incremental path of the page scanner (the page watcher's dirty blocks, re-read and reconciled), which a fresh page
// never takes. Edits inside shadow trees are not generated: the page watcher observes the document only.
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium.ts';
import { mentions } from '../../scripts/lib/settled-mentions.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { chromiumAvailable } from '../support/browsers.ts';
import { closeChromium } from '../support/chromium-session.ts';
import { pageMarkTexts, pageUnchanged, predicted, SENTINEL_TEXT, tail } from '../support/dom-tree-checks.ts';
import { applyEdits, editedForestArbitrary, forestPage, type Edit } from '../support/dom-trees.ts';
import { DIST, FIXTURES } from '../support/paths.ts';
import { changeSettings, resetSettings } from './page-support.ts';

const SEED = Number(process.env.DOM_PROPERTY_SEED ?? 20261129);
const RUNS = Number(process.env.DOM_EDIT_RUNS ?? 30);
const HOSTS = ['127.0.0.1', 'localhost'];
const WRITE_INTERVAL_MS = 550;

describe.runIf(chromiumAvailable)('generated DOM trees edited after marking, in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startStaticServer({ '/': FIXTURES });
    browser = await launchWithExtension(DIST);
    await resetSettings(browser);
    page = await browser.context.newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
  });
  afterAll(() => closeChromium(browser, server));

  const answer = async () => (await mentions(browser, page))?.mentions ?? null;

  it(`follows the page's edits to exactly the core's prediction, and switching off restores the edited page (${RUNS} trees)`, async () => {
    let n = 0;
    let lastWrite = 0;
    await fc.assert(
      fc.asyncProperty(editedForestArbitrary(), async ({ forest, edits }) => {
        n++;
        errors.length = 0;
        const host = HOSTS[n % 2]!;
        server.setPage(`/edit-${n}.html`, forestPage(forest, tail(n)));
        await page.goto(server.url(`/edit-${n}.html`).replace('127.0.0.1', host));
        const before = predicted(forest, tail(n));
        await expect.poll(answer, { timeout: 10_000 }).toEqual(before);

        await page.evaluate(([count, list]) => (window as unknown as { applyEdits(c: number, e: Edit[]): void }).applyEdits(count, list), [forest.nodes.length, edits] as const);
        const after = predicted(applyEdits(forest, edits), tail(n));
        expect(after.at(-1)?.text).toBe(SENTINEL_TEXT);
        await expect.poll(answer, { timeout: 10_000 }).toEqual(after);
        // Held, not passed through: a little later it is still the same.
        await page.waitForTimeout(300);
        expect(await answer()).toEqual(after);
        expect((await page.evaluate(pageMarkTexts, 'highlight' as const)).texts).toEqual(after.map((m) => m.text).sort());

        await page.waitForTimeout(Math.max(0, lastWrite + WRITE_INTERVAL_MS - Date.now()));
        lastWrite = Date.now();
        await changeSettings(browser, { disabledSites: [host] });
        await expect.poll(async () => (await page.evaluate(pageMarkTexts, 'highlight' as const)).texts.length, { timeout: 5000 }).toBe(0);
        expect(await page.evaluate(pageUnchanged)).toEqual({ html: true, textNodes: true });
        expect(errors).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: process.env.DOM_EDIT_NO_SHRINK === "1" },
    );
  }, 600_000);

  it('an edit beside a shadow host re-reads its shadow tree once: no duplicate marks, in document order (found by the property above)', async () => {
    // <h2>Lavrov <span>(light child, not shown)#shadow: <p>Kocharyan</p></span></h2><p>Reuters</p>, then the page edits
    // the host's light child: the block re-read holds the shadow tree, whose old runs must go.
    await changeSettings(browser, { disabledSites: [] }); // the property above leaves its last host switched off
    const forest = { nodes: [{ tag: 'h2', children: [{ text: 'Lavrov ' }, { tag: 'span', children: [{ text: 'hidden' }], shadow: [{ tag: 'p', children: [{ text: 'Kocharyan' }] }] }] }] };
    server.setPage('/shadow-edit.html', forestPage(forest, tail(0)));
    await page.goto(server.url('/shadow-edit.html'));
    const expected = [{ entity: 'lavrov', text: 'Lavrov' }, { entity: 'kocharyan', text: 'Kocharyan' }, { entity: 'reuters', text: 'Reuters' }];
    expect(predicted(forest, tail(0))).toEqual(expected);
    await expect.poll(answer, { timeout: 10_000 }).toEqual(expected);
    await page.evaluate(() => (window as unknown as { applyEdits(c: number, e: unknown[]): void }).applyEdits(1, [{ kind: 'set', index: 1, text: 'still hidden' }, { kind: 'set', index: 0, text: 'Lavrov and ' }]));
    await page.waitForTimeout(500);
    expect(await answer()).toEqual(expected);
    expect((await page.evaluate(pageMarkTexts, 'highlight' as const)).texts).toEqual(['Kocharyan', 'Lavrov', 'Reuters']);
  });

  it('a block taken out of a line joins the text around it, and a <br> put in splits it again (found by the property above)', async () => {
    await changeSettings(browser, { disabledSites: [] });
    const forest = { nodes: [{ tag: 'div', children: [{ text: 'The Collective Security Treaty ' }, { tag: 'p', children: [{ text: '(aside)' }] }, { text: 'Organization met.' }] }] };
    server.setPage('/join-split.html', forestPage(forest, tail(0)));
    await page.goto(server.url('/join-split.html'));
    const split = predicted(forest, tail(0));
    expect(split.map((m) => m.entity)).toEqual(['collective-security-treaty', 'reuters']);
    await expect.poll(answer, { timeout: 10_000 }).toEqual(split);
    const removeBlock: Edit[] = [{ kind: 'removeElement', index: 1 }];
    await page.evaluate((edits) => (window as unknown as { applyEdits(c: number, e: unknown[]): void }).applyEdits(1, edits), removeBlock);
    const joined = predicted(applyEdits(forest, removeBlock), tail(0));
    expect(joined.map((m) => m.entity)).toEqual(['csto', 'reuters']);
    await expect.poll(answer, { timeout: 10_000 }).toEqual(joined);
    const addBreak: Edit[] = [{ kind: 'insertElement', index: 1, node: { tag: 'br', children: [] } }];
    await page.evaluate((edits) => (window as unknown as { applyEdits(c: number, e: unknown[]): void }).applyEdits(1, edits), addBreak);
    await expect.poll(answer, { timeout: 10_000 }).toEqual(predicted(applyEdits(applyEdits(forest, removeBlock), addBreak), tail(0)));
    expect((await answer())?.map((m) => m.entity)).toEqual(['collective-security-treaty', 'reuters']);
  });
});
