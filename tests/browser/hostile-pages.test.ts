// The content script on adversarial pages in Chromium (issue 8): strict CSP, hostile CSS, a 1,000,000-character page,
// a DOM 5,000 deep, infinite scroll, a page rewriting itself, React-like re-renders, iframes, mixed-direction text,
// and a page that overrides the DOM, Array and CSS globals. Each case checks the marks, page errors, that the page's
// own observable behaviour is the same with the extension on as off, our work budget, and that switching off leaves
// nothing of ours. Every fixture is generated here (tests/support/hostile-pages.ts): our own sentences.
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { chromiumAvailable } from '../support/browsers.ts';
import { closeChromium } from '../support/chromium-session.ts';
import { entitiesOf, layoutBoxes } from '../support/page-probe.ts';
import { DIST_TEST, FIXTURES } from '../support/paths.ts';
import { deepPage, htmlPage, hugeArticle, infiniteScrollPage, mixedDirectionPage, mutatingPage, overridesPage, rerenderPage, trilingualArticle } from '../support/hostile-pages.ts';
import { changeSettings, collectErrors, installPageProbe, mentions, ourWork, resetSettings, settledMentions, type PageProbe } from './page-support.ts';

declare global {
  interface Window {
    __probe: PageProbe;
    __pageState?: Record<string, unknown>;
  }
}

/**
 * Our slices (and measured work outside them) stay under a long task. These are wall-clock times: on a machine with
 * more runnable jobs than cores (this one has 2, shared) the budget stretches by the load; on an idle runner it is 50.
 */
const budgetMs = () => 50 * Math.max(1, loadavg()[0]! / cpus().length);

describe.runIf(chromiumAvailable)('hostile pages in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  const article = trilingualArticle();

  beforeAll(async () => {
    server = await startStaticServer({ '/': FIXTURES });
    // The test build: it leaves the timing marks our budget checks read (the release build leaves none).
    browser = await launchWithExtension(DIST_TEST);
    await browser.context.addInitScript(installPageProbe);
  });
  afterAll(() => closeChromium(browser, server));
  beforeEach(async () => {
    await resetSettings(browser);
  });

  /** Open `path` in a new tab with the extension on or off (set before the page loads). */
  async function open(path: string, enabled = true): Promise<{ page: Page; errors: string[] }> {
    await changeSettings(browser, { enabled });
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(server.url(path), { timeout: 60_000 });
    return { page, errors };
  }

  /**
   * Switch off and check nothing of ours is left: no highlight, no element of ours, no adopted sheet, and the page's
   * markup exactly `before` (the DOMContentLoaded snapshot unless given).
   */
  async function expectCleanOff(page: Page, before?: string): Promise<void> {
    const reference = before ?? (await page.evaluate(() => window.__probe.before));
    expect(reference).toBeTruthy();
    await changeSettings(browser, { enabled: false });
    await expect.poll(() => page.evaluate(() => window.__probe.highlights()), { timeout: 10_000 }).toBe(0);
    expect(await page.evaluate((html) => document.documentElement.outerHTML === html, reference)).toBe(true);
    expect(await page.evaluate(() => window.__probe.ownElements())).toBe(0);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    expect(entitiesOf(await mentions(browser, page))).toEqual([]);
  }

  /**
   * Our slices and measured work stayed under a long task's length; on a page whose own scripts are idle, no long
   * task began while our pass ran (from our start mark to our done mark), over the same budget.
   */
  async function expectWithinBudget(page: Page, pageIdle: boolean): Promise<void> {
    const work = await ourWork(page);
    expect(work).not.toBeNull();
    const budget = budgetMs();
    expect(work!.longestSliceMs).toBeLessThan(budget);
    if (pageIdle) expect((await longTasksDuringOurPass(page)).filter((duration) => duration >= budget)).toEqual([]);
  }

  /** Long tasks that began between our start and done marks (whoever ran them). */
  function longTasksDuringOurPass(page: Page): Promise<number[]> {
    return page.evaluate(() => {
      const start = performance.getEntriesByName('csto-lens-start')[0]?.startTime ?? 0;
      const done = performance.getEntriesByName('csto-lens-done').at(-1)?.startTime ?? Infinity;
      return window.__probe.longTasks.filter((t) => t.start >= start && t.start <= done).map((t) => Math.round(t.duration));
    });
  }

  it('1. a strict CSP (default-src none): marks, no CSP report, same layout, clean off', async () => {
    server.setPage('/csp.html', htmlPage({ body: article.html }), { 'content-security-policy': "default-src 'none'" });
    const off = await open('/csp.html', false);
    const boxesOff = await layoutBoxes(off.page);
    await off.page.close();
    const { page, errors } = await open('/csp.html');
    const answer = await settledMentions(browser, page);
    expect(entitiesOf(answer)).toEqual(article.entities);
    expect(await page.evaluate(() => window.__probe.highlights())).toBe(article.entities.length);
    expect(await layoutBoxes(page)).toEqual(boxesOff);
    await expectWithinBudget(page, true);
    expect(errors).toEqual([]);
    await expectCleanOff(page);
    await page.close();
  });

  it('2. hostile CSS (all: unset, span hidden, a top-most overlay): marks, same layout and clicks, clean off', async () => {
    const head = `<style>
* { all: unset !important; }
span { display: none !important; }
p, h1, article { display: block !important; margin: 8px !important; }
#overlay { position: fixed !important; inset: 0 !important; z-index: 2147483647 !important; display: block !important; background: rgba(0, 0, 0, .05) !important; }
</style>
<script>
window.__pageState = { clicks: 0 };
document.addEventListener('DOMContentLoaded', () => document.getElementById('overlay').addEventListener('click', () => window.__pageState.clicks++));
</script>`;
    const body = trilingualArticle(`<p data-key="byline"><span>By our correspondent</span> in the capital.</p>`).html + '<div id="overlay" data-key="overlay"></div>';
    server.setPage('/css.html', htmlPage({ head, body }));
    const observe = async (page: Page) => {
      await page.mouse.click(400, 300);
      await page.mouse.click(200, 100);
      return { boxes: await layoutBoxes(page), state: await page.evaluate(() => window.__pageState) };
    };
    const off = await open('/css.html', false);
    const seenOff = await observe(off.page);
    await off.page.close();
    const { page, errors } = await open('/css.html');
    const answer = await settledMentions(browser, page);
    expect(entitiesOf(answer)).toEqual(article.entities);
    expect(await page.evaluate(() => window.__probe.highlights())).toBe(article.entities.length);
    expect(seenOff.state).toEqual({ clicks: 2 });
    expect(await observe(page)).toEqual(seenOff);
    await expectWithinBudget(page, true);
    expect(errors).toEqual([]);
    await expectCleanOff(page);
    await page.close();
  });

  it('3. a 1,000,000-character page: every name in order, page layout unchanged, budget held, clean off', async () => {
    const huge = hugeArticle(1_000_000);
    expect(huge.textLength).toBeGreaterThanOrEqual(1_000_000);
    server.setPage('/huge.html', htmlPage({ body: huge.html.replace('<h1>', '<h1 data-key="title">').replace(/<\/article>$/, '<p data-key="end">The end.</p></article>') }));
    const off = await open('/huge.html', false);
    await off.page.waitForTimeout(1500);
    const boxesOff = await layoutBoxes(off.page);
    const tasksOff = await off.page.evaluate(() => window.__probe.longTasks.map((t) => Math.round(t.duration)));
    await off.page.close();
    const { page, errors } = await open('/huge.html');
    const answer = await settledMentions(browser, page, huge.entities.length, 60_000);
    expect(entitiesOf(answer)).toEqual(huge.entities);
    expect(await page.evaluate(() => window.__probe.highlights())).toBe(huge.entities.length);
    expect(await layoutBoxes(page)).toEqual(boxesOff);
    await expectWithinBudget(page, false);
    const tasksOn = await longTasksDuringOurPass(page);
    console.log(`huge page: long tasks off ${JSON.stringify(tasksOff)}, on during our pass ${JSON.stringify(tasksOn)}, our work ${JSON.stringify(await ourWork(page))}`);
    // Our slices hold their budget (above); the page sees at most one long task more than without us: Chromium
    // restyles the whole document once when the ::highlight() sheet is adopted and the first highlights registered
    // (130–260 ms on this page in a main-world experiment, extension off). More than that would be ours.
    expect(tasksOn.filter((d) => d >= budgetMs()).length).toBeLessThanOrEqual(tasksOff.filter((d) => d >= budgetMs()).length + 1);
    expect(errors).toEqual([]);
    await expectCleanOff(page);
    await page.close();
  });

  it('4. a DOM nested 5,000 deep, names at the bottom: marked, no error, clean off', async () => {
    const deep = deepPage(5000);
    server.setPage('/deep.html', htmlPage({ body: deep.html }));
    const { page, errors } = await open('/deep.html');
    expect((await page.evaluate(() => window.__pageState))!.levels).toBeGreaterThan(5000);
    const answer = await settledMentions(browser, page, deep.entities.length);
    expect(entitiesOf(answer)).toEqual(deep.entities);
    expect(await page.evaluate(() => window.__probe.highlighted().texts)).toEqual(answer.mentions.map((m) => m.text));
    await expectWithinBudget(page, true);
    expect(errors).toEqual([]);
    await expectCleanOff(page);
    await page.close();
  });

  it('5. 10,000 text nodes appended over a few seconds: all marked in order, the page keeps ticking', async () => {
    const feed = infiniteScrollPage(400, 25, 4);
    server.setPage('/feed.html', htmlPage({ body: feed.html }));
    const run = async (enabled: boolean) => {
      const { page, errors } = await open('/feed.html', enabled);
      await page.bringToFront();
      await page.waitForFunction(() => window.__pageState?.done === true, undefined, { timeout: 30_000, polling: 100 });
      return { page, errors, state: (await page.evaluate(() => window.__pageState)) as { appended: number; ticks: number; maxGap: number } };
    };
    const off = await run(false);
    await off.page.close();
    const on = await run(true);
    expect(on.state.appended).toBe(10_000);
    const answer = await settledMentions(browser, on.page, feed.entities.length, 30_000);
    expect(entitiesOf(answer)).toEqual(feed.entities);
    const highlighted = await on.page.evaluate(() => window.__probe.highlighted());
    expect(highlighted.stale).toBe(0);
    expect(highlighted.texts).toEqual(answer.mentions.map((m) => m.text));
    console.log(`feed: page ticker off ${JSON.stringify(off.state)}, on ${JSON.stringify(on.state)}`);
    // Responsive within reason: the page's own 16 ms ticker never waits much longer with us than without us.
    expect(on.state.maxGap).toBeLessThan(Math.max(250, off.state.maxGap) * 2.5);
    expect(on.errors).toEqual([]);
    await expectCleanOff(on.page, await on.page.evaluate(() => document.documentElement.outerHTML));
    await on.page.close();
  });

  it('6. a page rewriting a paragraph every few ms: we stay under a few % CPU, stable paragraphs keep their marks', async () => {
    const mutating = mutatingPage(4);
    server.setPage('/mutating.html', htmlPage({ body: mutating.html }));
    const WINDOW_MS = 3000;
    /**
     * Main-thread time over a window from the page's CDP metrics: script (the page's and ours) and all tasks (scripts,
     * style, layout, paint). Ours is what the script time grows by with the extension on.
     */
    const mainThreadMs = async (page: Page) => {
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const read = async () => Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> }).metrics.map((m) => [m.name, m.value]));
      const before = await read();
      await page.waitForTimeout(WINDOW_MS);
      const after = await read();
      await cdp.detach();
      return { script: (after.ScriptDuration! - before.ScriptDuration!) * 1000, task: (after.TaskDuration! - before.TaskDuration!) * 1000 };
    };
    const off = await open('/mutating.html', false);
    await off.page.bringToFront();
    await off.page.waitForTimeout(1000);
    const offMs = await mainThreadMs(off.page);
    const offState = (await off.page.evaluate(() => window.__pageState)) as { rewrites: number };
    await off.page.close();

    const { page, errors } = await open('/mutating.html');
    const breaker: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('changes too fast')) breaker.push(message.text());
    });
    await page.bringToFront();
    await expect.poll(async () => entitiesOf(await mentions(browser, page)).filter((e) => !mutating.tickerEntities.includes(e)), { timeout: 20_000 }).toEqual(mutating.stable);
    const onMs = await mainThreadMs(page);
    const onState = (await page.evaluate(() => window.__pageState)) as { rewrites: number };
    const share = (onMs.script - offMs.script) / WINDOW_MS;
    console.log(
      `mutating page over ${WINDOW_MS} ms: script off ${offMs.script.toFixed(0)} ms, on ${onMs.script.toFixed(0)} ms (ours ≈ ${(share * 100).toFixed(1)} %); ` +
        `all tasks off ${offMs.task.toFixed(0)} ms, on ${onMs.task.toFixed(0)} ms; rewrites off ${offState.rewrites}, on ${onState.rewrites}; breaker ${breaker.length > 0 ? 'tripped' : 'not tripped'}`,
    );
    // A few % of the main thread at most (5 % is where the breaker opens), stretched by the machine's load. (Chromium's
    // own repaint of styled highlights on every DOM change is not script time; it is reported above, not held here.)
    expect(share).toBeLessThan(0.05 * Math.max(1, loadavg()[0]! / cpus().length));
    // The stable paragraphs keep their marks while the ticker runs.
    expect(entitiesOf(await mentions(browser, page)).filter((e) => !mutating.tickerEntities.includes(e))).toEqual(mutating.stable);
    // Only the ticker's own marks can point at text it has just replaced (until the next batch re-reads it).
    expect(await page.evaluate(() => window.__probe.highlighted().stale)).toBeLessThanOrEqual(mutating.tickerEntities.length);
    expect(errors).toEqual([]);
    await page.evaluate(() => (window as unknown as { __stop(): void }).__stop());
    await page.waitForTimeout(300);
    await expectCleanOff(page, await page.evaluate(() => document.documentElement.outerHTML));
    await page.close();
  });

  it('7. a React-like page replacing the marked paragraphs on a timer: marks follow the new nodes, none stale', async () => {
    const react = rerenderPage(12, 250);
    server.setPage('/react.html', htmlPage({ body: react.html }));
    const { page, errors } = await open('/react.html');
    await page.bringToFront();
    // Midway, whatever is marked lies in live nodes or is about to be replaced (never a growing pile of stale ranges).
    await page.waitForTimeout(1200);
    const midway = await page.evaluate(() => window.__probe.highlighted());
    expect(midway.stale).toBeLessThanOrEqual(18);
    await page.waitForFunction(() => window.__pageState?.done === true, undefined, { timeout: 20_000, polling: 100 });
    const answer = await settledMentions(browser, page, react.finalEntities.length);
    expect(entitiesOf(answer)).toEqual(react.finalEntities);
    const highlighted = await page.evaluate(() => window.__probe.highlighted());
    expect(highlighted.stale).toBe(0);
    expect(highlighted.texts).toEqual(answer.mentions.map((m) => m.text));
    expect(errors).toEqual([]);
    await expectCleanOff(page, await page.evaluate(() => document.documentElement.outerHTML));
    await page.close();
  });

  it('8. iframes: the top page is marked as the manifest promises (top frame only), frames are untouched and keep talking', async () => {
    const inner = htmlPage({ body: `<article><p>Lukashenko arrived in Minsk, and Belarus hosted the talks of the CSTO.</p></article><script>parent.postMessage('inner-ready', '*');</script>` });
    const sandboxed = `<p>Pashinyan said Armenia would stay in the CSTO.</p><script>parent.postMessage('sandbox-ready', '*');</script>`;
    const page8 = trilingualArticle(
      `<iframe id="same" data-key="same" src="/inner.html" width="400" height="120"></iframe>` +
        `<iframe id="sandboxed" data-key="sandboxed" sandbox="allow-scripts" width="400" height="120" srcdoc="${sandboxed.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>`,
    );
    const head = `<script>window.__pageState = { messages: [] }; window.addEventListener('message', (e) => { if (typeof e.data === 'string') window.__pageState.messages[window.__pageState.messages.length] = e.data; });</script>`;
    server.setPage('/inner.html', inner);
    server.setPage('/frames.html', htmlPage({ head, body: page8.html }));
    const observe = async (page: Page) => {
      await expect.poll(() => page.evaluate(() => (window.__pageState!.messages as string[]).length), { timeout: 10_000 }).toBe(2);
      return { messages: ((await page.evaluate(() => window.__pageState!.messages)) as string[]).sort(), boxes: await layoutBoxes(page) };
    };
    const off = await open('/frames.html', false);
    const seenOff = await observe(off.page);
    await off.page.close();
    const { page, errors } = await open('/frames.html');
    const answer = await settledMentions(browser, page, page8.entities.length);
    expect(entitiesOf(answer)).toEqual(page8.entities);
    expect(await observe(page)).toEqual(seenOff);
    // manifest.json: all_frames false, and the content script starts in the top frame only.
    for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
      await page.waitForTimeout(500);
      expect(
        await frame.evaluate(() => {
          let total = 0;
          (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.forEach((h) => (total += h.size));
          return total + document.querySelectorAll('csto-lens-mark, csto-lens-card, [data-csto-lens-ui]').length;
        }),
      ).toBe(0);
    }
    expect(page.frames()).toHaveLength(3);
    expect(errors).toEqual([]);
    await expectCleanOff(page);
    await page.close();
  });

  it('9. right to left with embedded English and Russian names, bidi controls, dir=rtl/auto: exact marks, same layout', async () => {
    const rtl = mixedDirectionPage();
    server.setPage('/rtl.html', rtl.html);
    const off = await open('/rtl.html', false);
    const boxesOff = await layoutBoxes(off.page);
    await off.page.close();
    const { page, errors } = await open('/rtl.html');
    const answer = await settledMentions(browser, page, rtl.entities.length);
    expect(answer.lang).toBe('ar');
    expect(entitiesOf(answer)).toEqual(rtl.entities);
    expect(answer.mentions.map((m) => m.text)).toEqual(rtl.texts);
    // Each highlight covers exactly the name's text (offsets survive the bidi controls around it).
    expect((await page.evaluate(() => window.__probe.highlighted())).texts).toEqual(rtl.texts);
    expect(await layoutBoxes(page)).toEqual(boxesOff);
    await expectWithinBudget(page, true);
    expect(errors).toEqual([]);
    await expectCleanOff(page);
    await page.close();
  });

  it('10. a page overriding Node/Array prototypes and window.CSS before we run: still marks, never calls its functions', async () => {
    const overrides = overridesPage();
    server.setPage('/overrides.html', overrides.html);
    const observe = async (page: Page) => ({ state: await page.evaluate(() => ({ ...window.__pageState })), boxes: await layoutBoxes(page) });
    const off = await open('/overrides.html', false);
    await off.page.waitForTimeout(3000);
    const seenOff = await observe(off.page);
    await off.page.close();
    const { page, errors } = await open('/overrides.html');
    const loaded = Date.now();
    const answer = await settledMentions(browser, page, overrides.entities.length);
    // Past the page's own freeze (2.5 s after load), as in the run with the extension off.
    await page.waitForTimeout(Math.max(0, 3000 - (Date.now() - loaded)));
    // Observed first, with the same calls from the test as in the run with the extension off.
    const seenOn = await observe(page);
    expect(entitiesOf(answer)).toEqual(overrides.entities);
    // Marked with the real CSS highlights (the content script's world has its own globals), not the page's fake.
    expect(await page.evaluate(() => window.__probe.highlights())).toBe(overrides.entities.length);
    expect(seenOff.state).toMatchObject({ built: 3, fakeCss: 0, fromExtension: 0 });
    expect((seenOff.state as { frozen: unknown }).frozen).not.toBeNull();
    expect((seenOff.state as { own: number }).own).toBeGreaterThan(0);
    // The same calls of the page's overridden functions, made by the same callers, with us as without us.
    expect(seenOn).toEqual(seenOff);
    await expectWithinBudget(page, true);
    expect(errors).toEqual([]);
    await expectCleanOff(page);
    await page.close();
  });
});
