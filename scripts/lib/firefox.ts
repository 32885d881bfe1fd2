// Drive Debian's Firefox ESR with puppeteer-core over WebDriver BiDi, with a built extension installed.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export function hasFirefox(): boolean {
  return existsSync(FIREFOX_PATH);
}

export interface FirefoxWithExtension {
  browser: Browser;
  extensionId: string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(distDir: string): Promise<FirefoxWithExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      // Grant MV3 host permissions at install, as a user accepting the install prompt would.
      'extensions.originControls.grantByDefault': true,
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.shell.checkDefaultBrowser': false,
    },
  });
  const extensionId = await browser.installExtension(resolve(distDir));
  return {
    browser,
    extensionId,
    newPage: () => browser.newPage(),
    close: () => browser.close(),
  };
}
