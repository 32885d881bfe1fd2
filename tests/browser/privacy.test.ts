// Privacy: while the extension marks a page, opens a card, and shows its popup and options, it makes no network
// request. Every request the browser makes is the page's own (to the fixture server) or an extension page loading
// its own packaged files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium.ts';
import { settledMentions } from '../../scripts/lib/settled-mentions.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { chromiumAvailable } from '../support/browsers.ts';
import { closeChromium } from '../support/chromium-session.ts';
import { readCard, wordRect } from '../support/card-page.ts';
import { DIST, FIXTURES } from '../support/paths.ts';

describe.runIf(chromiumAvailable)('privacy in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  const requests: string[] = [];

  beforeAll(async () => {
    server = await startStaticServer({ '/': FIXTURES });
    browser = await launchWithExtension(DIST, { viewport: { width: 1000, height: 720 }, locale: 'en-US' });
    const record = (request: Request) => requests.push(request.url());
    browser.context.on('request', record);
    browser.worker.on('request' as never, record as never);
  });
  afterAll(() => closeChromium(browser, server));

  it('makes no request of its own while marking, showing a card, the popup and the options', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/card-en.html'));
    const answer = await settledMentions(browser, page);
    expect(answer.mentions.map((m) => m.entity)).toContain('zas');
    const r = await wordRect(page, 'Stanislav Zas');
    await page.mouse.move(r.x - 3, r.y, { steps: 2 });
    await page.mouse.move(r.x, r.y, { steps: 2 });
    await expect.poll(async () => (await readCard(page))?.visible, { timeout: 5000 }).toBe(true);

    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('src/popup/index.html'));
    await popup.locator('input[type="search"]').first().fill('шойгу');
    await popup.waitForTimeout(500);
    await popup.goto(browser.extensionUrl('src/options/index.html#entity=csto'));
    await popup.waitForTimeout(500);

    const ownFiles = `chrome-extension://${browser.extensionId}/`;
    // The recorder sees the extension's pages too, so an empty "foreign" list below means something.
    expect(requests.some((url) => url.startsWith(`${ownFiles}src/popup/`))).toBe(true);
    const foreign = requests.filter((url) => !url.startsWith(server.origin) && !url.startsWith(ownFiles) && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
    // The page asked only for its own document: the extension adds nothing to the page's traffic.
    expect(requests.filter((url) => url.startsWith(server.origin))).toEqual([server.url('/card-en.html')]);
    await popup.close();
    await page.close();
  });
});
