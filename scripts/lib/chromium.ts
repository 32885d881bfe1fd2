// Launch Debian's Chromium with the built extension loaded (GUIDE.md section 5), for tests, `npm start` and the bench.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_INSTALL_HINT = 'Chromium is missing: install it with `sudo apt-get install -y chromium`';

export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Send a message to the top-frame content script of `page`'s tab, as the popup does. */
  sendToTab<T>(page: Page, message: unknown): Promise<T>;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export async function launchWithExtension(
  distDir: string,
  options: { headless?: boolean; viewport?: { width: number; height: number }; locale?: string; colorScheme?: 'light' | 'dark' } = {},
): Promise<ExtensionBrowser> {
  const dist = resolve(distDir);
  const userDataDir = mkdtempSync(join(tmpdir(), 'csto-lens-chromium-'));
  const headless = options.headless ?? true;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: false,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.locale ? [`--lang=${options.locale}`] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async sendToTab<T>(page: Page, message: unknown): Promise<T> {
      await page.bringToFront();
      return (await worker.evaluate(
        async ({ url, message }) => {
          type Tab = { id: number; url?: string };
          const tabsApi = (globalThis as unknown as {
            chrome: { tabs: { query(q: object): Promise<Tab[]>; sendMessage(id: number, m: unknown, o: object): Promise<unknown> } };
          }).chrome.tabs;
          const tabs = await tabsApi.query({});
          const tab = tabs.find((t) => t.url === url) ?? (await tabsApi.query({ active: true, lastFocusedWindow: true }))[0];
          if (!tab) throw new Error(`no tab shows ${url}`);
          return tabsApi.sendMessage(tab.id, message, { frameId: 0 });
        },
        { url: page.url(), message },
      )) as T;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
