// Helpers for the page-marking tests: wait until the marks stop changing, switch settings from the service worker.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../scripts/lib/chromium.ts';
import type { Settings } from '../../src/core/settings.ts';

export { mentions, settledMentions } from '../../scripts/lib/settled-mentions.ts';
export { installPageProbe, type PageProbe } from '../support/page-probe.ts';

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

/** Page errors and console errors, as they happen. */
export function collectErrors(page: Page): string[] {
  const errors = collectPageErrors(page);
  page.on('console', (message) => {
    // The browser's own favicon request on a served page is not the page's error, nor ours.
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** Our own work statistics, from the performance mark the scanner leaves when a full pass is done. */
export async function ourWork(page: Page): Promise<{ busyMs: number; longestSliceMs: number; marks: number; slices: number } | null> {
  return page.evaluate(() => {
    const marks = performance.getEntriesByName('csto-lens-done') as PerformanceMark[];
    return marks.length > 0 ? (marks[marks.length - 1]!.detail as { busyMs: number; longestSliceMs: number; marks: number; slices: number }) : null;
  });
}
