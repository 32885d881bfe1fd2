// The built extension loads in Debian's Chromium: its content script answers on a page from 127.0.0.1,
// and its popup and options pages render.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/lib/chromium.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import type { MentionsResponse } from '../../src/shared/messages.ts';
import { chromiumAvailable } from '../support/browsers.ts';
import { closeChromium, openChromium } from '../support/chromium-session.ts';

describe.runIf(chromiumAvailable)('extension in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;

  beforeAll(async () => ({ browser, server } = await openChromium()));
  afterAll(() => closeChromium(browser, server));

  it('runs its content script on a page served from 127.0.0.1', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/hello-ru.html'));
    const response = await expect
      .poll(() => browser.sendToTab<MentionsResponse>(page, { type: 'csto-lens/mentions' }).catch(() => null), { timeout: 15_000 })
      .toMatchObject({ url: server.url('/hello-ru.html'), lang: 'ru' });
    void response;
  });

  it('renders the popup and the options page', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('src/popup/index.html'));
    await expect.poll(() => page.locator('h1').first().textContent()).toContain('CSTO Lens');
    await page.goto(browser.extensionUrl('src/options/index.html'));
    await expect.poll(() => page.locator('h1').first().textContent()).toContain('CSTO Lens');
  });
});
