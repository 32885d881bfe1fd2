// Helpers for the page-marking tests: wait until the marks stop changing, switch settings from the service worker.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../scripts/lib/chromium.ts';
import type { MentionsResponse } from '../../src/shared/messages.ts';
import type { Settings } from '../../src/core/settings.ts';

export async function mentions(browser: ExtensionBrowser, page: Page): Promise<MentionsResponse | null> {
  return browser.sendToTab<MentionsResponse>(page, { type: 'csto-lens/mentions' }).catch(() => null);
}

/** The contract answer once it has held still for a few polls (the scanner works in slices). */
export async function settledMentions(browser: ExtensionBrowser, page: Page, atLeast = 1, timeout = 20_000): Promise<MentionsResponse> {
  const deadline = Date.now() + timeout;
  let last = '';
  let same = 0;
  let answer: MentionsResponse | null = null;
  while (Date.now() < deadline) {
    answer = await mentions(browser, page);
    const key = JSON.stringify(answer);
    if (answer && answer.mentions.length >= atLeast && key === last) {
      if (++same >= 2) return answer;
    } else {
      same = 0;
    }
    last = key;
    await page.waitForTimeout(150);
  }
  throw new Error(`mentions did not settle: ${JSON.stringify(answer)?.slice(0, 500)}`);
}

export async function changeSettings(browser: ExtensionBrowser, change: Partial<Settings>): Promise<void> {
  await browser.worker.evaluate(async (partial) => {
    const storage = (globalThis as unknown as { chrome: { storage: { sync: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome.storage.sync;
    const current = ((await storage.get('settings')).settings ?? {}) as Record<string, unknown>;
    await storage.set({ settings: { ...current, ...partial } });
  }, change);
}

export async function resetSettings(browser: ExtensionBrowser): Promise<void> {
  await browser.worker.evaluate(async () => {
    const storage = (globalThis as unknown as { chrome: { storage: { sync: { clear(): Promise<void> } } } }).chrome.storage.sync;
    await storage.clear();
  });
}

/** Names and sizes of the CSS highlights the page sees (the registry is shared with the page). */
export async function highlightSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.forEach((value, key) => (out[key] = value.size));
    return out;
  });
}

export function totalHighlights(sizes: Record<string, number>): number {
  return Object.values(sizes).reduce((a, b) => a + b, 0);
}

export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

export async function expectNoHighlights(page: Page): Promise<void> {
  await expect.poll(async () => totalHighlights(await highlightSizes(page)), { timeout: 10_000 }).toBe(0);
}
