// Helpers for the popup and options tests: find a tab's id from the service worker, read stored settings, and open
// the popup as a tab that targets another tab (?tab=<id>), since a popup opened in a tab is itself the active tab.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../scripts/lib/chromium.ts';

type Chrome = {
  tabs: { query(q: object): Promise<Array<{ id: number }>> };
  storage: Record<'sync' | 'local', { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void>; clear(): Promise<void> }>;
};

/** The id of the tab showing `page` (no "tabs" permission, so by making it the active tab). */
export async function tabIdOf(ext: ExtensionBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  return ext.worker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (!tab) throw new Error('no active tab');
    return tab.id;
  });
}

export interface StoredSettings {
  sync: Record<string, unknown> | undefined;
  local: Record<string, unknown> | undefined;
}

export async function storedSettings(ext: ExtensionBrowser): Promise<StoredSettings> {
  return ext.worker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    const sync = (await chrome.storage.sync.get('settings')).settings as Record<string, unknown> | undefined;
    const local = (await chrome.storage.local.get('settings')).settings as Record<string, unknown> | undefined;
    return { sync, local };
  });
}

export async function writeStoredSettings(ext: ExtensionBrowser, sync: unknown, local?: unknown): Promise<void> {
  await ext.worker.evaluate(
    async ({ sync, local }) => {
      const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
      await chrome.storage.sync.clear();
      await chrome.storage.local.clear();
      if (sync !== undefined) await chrome.storage.sync.set({ settings: sync });
      if (local !== undefined) await chrome.storage.local.set({ settings: local });
    },
    { sync, local },
  );
}

export async function openPopup(ext: ExtensionBrowser, tabId: number | null): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(ext.extensionUrl(`src/popup/index.html${tabId === null ? '' : `?tab=${tabId}`}`));
  await popup.locator('#switch-global').waitFor();
  return popup;
}
