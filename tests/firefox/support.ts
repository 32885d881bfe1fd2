// Firefox test helpers: talk to the content script of a test build through window messages (see src/content/test-hooks.ts).
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from '../../scripts/lib/firefox.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import type { MentionsResponse } from '../../src/shared/messages.ts';
import { DIST_FIREFOX_TEST, FIXTURES } from '../support/paths.ts';
import { askTestHook } from '../support/test-hook.ts';

export { askTestHook };

/** Firefox ESR with the test build installed, and a static server over `roots` (the fixtures by default). */
export async function openFirefox(roots: Record<string, string> = { '/': FIXTURES }): Promise<{ firefox: FirefoxWithExtension; server: StaticServer }> {
  const server = await startStaticServer(roots);
  return { server, firefox: await launchFirefoxWithExtension(DIST_FIREFOX_TEST) };
}

/** Close what openFirefox opened (either may be missing when the launch failed). */
export async function closeFirefox(session: { firefox?: FirefoxWithExtension; server?: StaticServer }): Promise<void> {
  await session.firefox?.close();
  await session.server?.close();
}

export async function mentionsViaTestHook(page: Page): Promise<MentionsResponse | null> {
  return page.evaluate(
    () =>
      new Promise<MentionsResponse | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), 1000);
        window.addEventListener('message', function reply(event) {
          if (event.data?.source !== 'csto-lens-test-reply' || event.data.type !== 'mentions') return;
          clearTimeout(timer);
          window.removeEventListener('message', reply);
          resolve(event.data.payload as MentionsResponse);
        });
        window.postMessage({ source: 'csto-lens-test', type: 'mentions' }, '*');
      }),
  );
}

/**
 * Ask the extension (test build) to open one of its own pages in a new tab, and return that tab.
 * BiDi reports such tabs as about:blank, so the new tab is recognised by its location from inside.
 */
export async function openExtensionPage(page: Page, path: string): Promise<Page> {
  const browser = page.browser();
  const before = new Set(await browser.pages());
  await page.evaluate((p) => window.postMessage({ source: 'csto-lens-test', type: 'open', path: p }, '*'), path);
  for (let attempt = 0; attempt < 100; attempt++) {
    for (const candidate of await browser.pages()) {
      if (before.has(candidate)) continue;
      const href = await candidate.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && href.endsWith(path)) return candidate;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the extension did not open ${path}`);
}

/** The mentions once they hold still between two polls (the scanner marks in slices). */
export async function settled(page: Page, atLeast = 1): Promise<MentionsResponse> {
  let last = '';
  for (let attempt = 0; attempt < 100; attempt++) {
    const answer = await mentionsViaTestHook(page);
    const key = JSON.stringify(answer);
    if (answer && answer.mentions.length >= atLeast && key === last) return answer;
    last = key;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`mentions did not settle: ${last.slice(0, 300)}`);
}

/** Ranges in all CSS highlights the page can see. */
export async function highlightCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let total = 0;
    (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights?.forEach((h) => (total += h.size));
    return total;
  });
}

/** Switch the extension on or off through the test hooks (settings are global: every tab follows). */
export async function setEnabled(page: Page, enabled: boolean): Promise<void> {
  await askTestHook(page, { type: 'settings', settings: { enabled } });
}
