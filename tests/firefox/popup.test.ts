// The popup and options pages of the Firefox build render in Firefox ESR with the stored settings, and a switch
// flipped in the popup is what the options page then shows (one storage, two pages).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FirefoxWithExtension } from '../../scripts/lib/firefox.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import { firefoxAvailable } from '../support/browsers.ts';
import { closeFirefox, mentionsViaTestHook, openExtensionPage, openFirefox } from './support.ts';

describe.runIf(firefoxAvailable)('popup in Firefox ESR', () => {
  let firefox: FirefoxWithExtension;
  let server: StaticServer;

  beforeAll(async () => ({ firefox, server } = await openFirefox()));
  afterAll(() => closeFirefox({ firefox, server }));

  it('renders the popup with the settings, and the options page follows its switch', async () => {
    const page = await firefox.newPage();
    await page.goto(server.url('/hello-ru.html'));
    await expect.poll(() => mentionsViaTestHook(page), { timeout: 15_000 }).not.toBeNull();

    const popup = await openExtensionPage(page, 'src/popup/index.html');
    await popup.waitForSelector('#switch-global');
    expect(await popup.$eval('#switch-global', (el) => (el as HTMLInputElement).checked)).toBe(true);
    expect(await popup.$eval('#page-heading', (el) => el.textContent)).toContain('On this page');
    // Opened as a tab, the popup is its own active tab: no content script there, and it says so.
    await popup.waitForSelector('[data-reason="no-content-script"]');
    await popup.type('#entity-search', 'Шойгу');
    await popup.waitForSelector('button.result[data-entity="shoigu"]');

    await popup.click('#switch-global');
    await expect.poll(() => popup.$eval('#switch-global', (el) => (el as HTMLInputElement).checked)).toBe(false);

    const options = await openExtensionPage(page, 'src/options/index.html');
    await options.waitForSelector('#opt-enabled');
    await expect.poll(() => options.$eval('#opt-enabled', (el) => (el as HTMLInputElement).checked), { timeout: 10_000 }).toBe(false);
    await options.click('#opt-enabled');
    await expect.poll(() => popup.$eval('#switch-global', (el) => (el as HTMLInputElement).checked), { timeout: 10_000 }).toBe(true);
  });
});
