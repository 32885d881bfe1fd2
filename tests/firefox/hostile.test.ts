// The adversarial pages that matter most, in Firefox ESR (test build, answered through the window-message hooks):
// strict CSP, hostile CSS, a DOM 5,000 deep, mixed-direction text, and a page overriding DOM/Array/CSS globals. Same
// fixtures as tests/browser/hostile-pages.test.ts; each case checks the marks, page errors, the page's own behaviour
// with the extension on and off, and that switching off leaves nothing of ours.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FirefoxWithExtension } from '../../scripts/lib/firefox.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import { firefoxAvailable } from '../support/browsers.ts';
import { deepPage, htmlPage, mixedDirectionPage, overridesPage, trilingualArticle } from '../support/hostile-pages.ts';
import { entitiesOf, installPageProbe, layoutBoxes, type PageProbe } from '../support/page-probe.ts';
import { closeFirefox, mentionsViaTestHook, openFirefox, setEnabled, settled } from './support.ts';

declare global {
  interface Window {
    __probe: PageProbe;
    __pageState?: Record<string, unknown>;
  }
}

describe.runIf(firefoxAvailable)('hostile pages in Firefox ESR', () => {
  let firefox: FirefoxWithExtension;
  let server: StaticServer;
  const article = trilingualArticle();

  beforeAll(async () => {
    ({ firefox, server } = await openFirefox());
    server.setPage('/csp.html', htmlPage({ body: article.html }), { 'content-security-policy': "default-src 'none'" });
    server.setPage(
      '/css.html',
      htmlPage({
        head: `<style>* { all: unset !important; } span { display: none !important; } p, h1, article { display: block !important; margin: 8px !important; }
#overlay { position: fixed !important; inset: 0 !important; z-index: 2147483647 !important; display: block !important; background: rgba(0, 0, 0, .05) !important; }</style>`,
        body: trilingualArticle(`<p data-key="byline"><span>By our correspondent</span> in the capital.</p>`).html + '<div id="overlay" data-key="overlay"></div>',
      }),
    );
    server.setPage('/deep.html', htmlPage({ body: deepPage(5000).html }));
    server.setPage('/rtl.html', mixedDirectionPage().html);
    server.setPage('/overrides.html', overridesPage().html);
  });
  afterAll(() => closeFirefox({ firefox, server }));

  /** A new tab on `path`, the probe installed first, once the content script answers. */
  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await firefox.newPage();
    const errors: string[] = [];
    // The browser's own favicon request (blocked by the page's CSP, reported as a page error) is neither the page's
    // error nor ours.
    page.on('pageerror', (error) => {
      if (!String(error).includes('/favicon.ico')) errors.push(String(error));
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('/favicon.ico')) errors.push(`console: ${message.text()}`);
    });
    await page.evaluateOnNewDocument(installPageProbe);
    await page.goto(server.url(path));
    await expect.poll(() => mentionsViaTestHook(page), { timeout: 15_000 }).not.toBeNull();
    return { page, errors };
  }

  /** Switch off (and leave it off): no highlight, nothing of ours in the DOM, markup exactly as at DOMContentLoaded. */
  async function expectCleanOff(page: Page): Promise<void> {
    await setEnabled(page, false);
    await expect.poll(() => page.evaluate(() => window.__probe.highlights()), { timeout: 10_000 }).toBe(0);
    expect(await page.evaluate(() => document.documentElement.outerHTML === window.__probe.before)).toBe(true);
    expect(await page.evaluate(() => window.__probe.ownElements())).toBe(0);
    expect(entitiesOf(await mentionsViaTestHook(page))).toEqual([]);
  }

  it.each([
    ['1. a strict CSP (default-src none)', '/csp.html'],
    ['2. hostile CSS (all: unset, span hidden, a top-most overlay)', '/css.html'],
  ])('%s: marks, same layout, clean off', async (_, path) => {
    const { page, errors } = await open(path);
    const answer = await settled(page, article.entities.length);
    expect(entitiesOf(answer)).toEqual(article.entities);
    expect(await page.evaluate(() => window.__probe.highlights())).toBe(article.entities.length);
    const boxesOn = await layoutBoxes(page);
    await expectCleanOff(page);
    expect(await layoutBoxes(page)).toEqual(boxesOn);
    await setEnabled(page, true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('4. a DOM nested 5,000 deep, names at the bottom: marked, each highlight on its name, clean off', async () => {
    const deep = deepPage(5000);
    const { page, errors } = await open('/deep.html');
    expect((await page.evaluate(() => window.__pageState))!.levels).toBeGreaterThan(5000);
    const answer = await settled(page, deep.entities.length);
    expect(entitiesOf(answer)).toEqual(deep.entities);
    expect(await page.evaluate(() => window.__probe.highlighted().texts)).toEqual(answer.mentions.map((m) => m.text));
    expect(errors).toEqual([]);
    await expectCleanOff(page);
    await setEnabled(page, true);
    await page.close();
  });

  it('9. right to left with embedded English and Russian names and bidi controls: exact marks, clean off', async () => {
    const rtl = mixedDirectionPage();
    const { page, errors } = await open('/rtl.html');
    const answer = await settled(page, rtl.entities.length);
    expect(answer.lang).toBe('ar');
    expect(entitiesOf(answer)).toEqual(rtl.entities);
    expect((await page.evaluate(() => window.__probe.highlighted())).texts).toEqual(rtl.texts);
    const boxesOn = await layoutBoxes(page);
    await expectCleanOff(page);
    expect(await layoutBoxes(page)).toEqual(boxesOn);
    await setEnabled(page, true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('10. a page overriding Node/Array prototypes and window.CSS: still marks with real highlights, never calls them', async () => {
    const overrides = overridesPage();
    // The page freezes its counts 2.5 s after load, before the test evaluates anything there.
    const frozenAfterLoad = async () => {
      const page = await firefox.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.evaluateOnNewDocument(installPageProbe);
      await page.goto(server.url('/overrides.html'));
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const state = await page.evaluate(() => window.__pageState!);
      return { page, errors, state: state as { frozen: Record<string, number> | null; fromExtension: number; built: number } };
    };
    // Settings are global: switch off from another tab (and see it applied), load the page off, then on.
    const { page: switcher } = await open('/csp.html');
    await settled(switcher, article.entities.length);
    await setEnabled(switcher, false);
    await expect.poll(async () => entitiesOf(await mentionsViaTestHook(switcher)), { timeout: 10_000 }).toEqual([]);
    const off = await frozenAfterLoad();
    await off.page.close();
    await setEnabled(switcher, true);
    await expect.poll(async () => entitiesOf(await mentionsViaTestHook(switcher)).length, { timeout: 10_000 }).toBe(article.entities.length);
    await switcher.close();
    const on = await frozenAfterLoad();
    const answer = await settled(on.page, overrides.entities.length);
    expect(entitiesOf(answer)).toEqual(overrides.entities);
    expect(await on.page.evaluate(() => window.__probe.highlights())).toBe(overrides.entities.length);
    expect(off.state.built).toBe(3);
    expect(off.state.frozen).not.toBeNull();
    expect(on.state.frozen).toEqual(off.state.frozen);
    expect(on.state.frozen!.fakeCss).toBe(0);
    expect((await on.page.evaluate(() => window.__pageState!.fromExtension)) as number).toBe(0);
    expect(on.errors).toEqual([]);
    await expectCleanOff(on.page);
    await setEnabled(on.page, true);
    await on.page.close();
  });
});
