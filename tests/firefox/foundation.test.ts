// The Firefox build installs in Firefox ESR (WebDriver BiDi via puppeteer-core): its content script runs on a
// page from 127.0.0.1 and its popup page renders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FirefoxWithExtension } from '../../scripts/lib/firefox.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import { firefoxAvailable } from '../support/browsers.ts';
import { closeFirefox, mentionsViaTestHook, openExtensionPage, openFirefox } from './support.ts';

describe.runIf(firefoxAvailable)('extension in Firefox ESR', () => {
  let firefox: FirefoxWithExtension;
  let server: StaticServer;

  beforeAll(async () => ({ firefox, server } = await openFirefox()));
  afterAll(() => closeFirefox({ firefox, server }));

  it('runs its content script on a page served from 127.0.0.1', async () => {
    const page = await firefox.newPage();
    await page.goto(server.url('/hello-ru.html'));
    await expect.poll(() => mentionsViaTestHook(page), { timeout: 15_000 }).toMatchObject({ url: server.url('/hello-ru.html'), lang: 'ru' });
  });

  it('renders the popup page', async () => {
    const page = await firefox.newPage();
    await page.goto(server.url('/hello-ru.html'));
    await expect.poll(() => mentionsViaTestHook(page), { timeout: 15_000 }).not.toBeNull();
    const popup = await openExtensionPage(page, 'src/popup/index.html');
    await expect.poll(() => popup.evaluate(() => document.querySelector('h1')?.textContent ?? ''), { timeout: 15_000 }).toContain('CSTO Lens');
  });
});
