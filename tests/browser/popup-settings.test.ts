// The popup in Chromium: its switches change the stored settings, "this site" off survives a reload, a page without
// the content script gets a clear message, and corrupt stored settings are repaired instead of breaking the popup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/lib/chromium.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import { bundledPack } from '../../src/core/bundled-pack.ts';
import { lookupOf } from '../../src/core/card.ts';
import { groupMentions } from '../../src/core/page-mentions.ts';
import type { MentionsResponse } from '../../src/shared/messages.ts';
import { chromiumAvailable } from '../support/browsers.ts';
import { closeChromium, openChromium } from '../support/chromium-session.ts';
import { DEMO, FIXTURES } from '../support/paths.ts';
import { openPopup, storedSettings, tabIdOf, writeStoredSettings } from './popup-support.ts';

describe.runIf(chromiumAvailable)('popup in Chromium', () => {
  let ext: ExtensionBrowser;
  let server: StaticServer;

  beforeAll(async () => ({ browser: ext, server } = await openChromium({ '/demo/': DEMO, '/': FIXTURES })));
  afterAll(() => closeChromium(ext, server));

  async function articleTab(path = '/hello-ru.html') {
    const page = await ext.context.newPage();
    await page.goto(server.url(path));
    // Wait until the content script answers, so the popup's question does not race its start.
    await expect.poll(() => ext.sendToTab<MentionsResponse>(page, { type: 'csto-lens/mentions' }).catch(() => null), { timeout: 15_000 }).not.toBeNull();
    return { page, tabId: await tabIdOf(ext, page) };
  }

  it('switches the extension off and on everywhere', async () => {
    await writeStoredSettings(ext, undefined);
    const { page, tabId } = await articleTab();
    const popup = await openPopup(ext, tabId);
    await expect.poll(() => popup.locator('.site-state').getAttribute('data-state')).toBe('active');
    await popup.locator('#switch-global').click();
    await expect.poll(async () => (await storedSettings(ext)).sync?.enabled).toBe(false);
    await expect.poll(() => popup.locator('.site-state').getAttribute('data-state')).toBe('off');
    expect(await popup.locator('.site-state').textContent()).toBe('Off on every site');
    await popup.locator('#switch-global').click();
    await expect.poll(async () => (await storedSettings(ext)).sync?.enabled).toBe(true);
    await popup.close();
    await page.close();
  });

  it('changes mark style, card language, first mention and categories from the folded quick settings', async () => {
    await writeStoredSettings(ext, undefined);
    const { page, tabId } = await articleTab();
    const popup = await openPopup(ext, tabId);
    await popup.getByText('More settings').click();
    await popup.locator('#quick-mark-style').selectOption('background');
    await popup.locator('#quick-card-language').selectOption('page');
    await popup.locator('#quick-first-mention').click();
    await popup.locator('#quick-category-places').click();
    await expect
      .poll(async () => (await storedSettings(ext)).sync)
      .toMatchObject({ markStyle: 'background', cardLanguage: 'page', firstMentionOnly: true, categories: { places: false, people: true } });
    await popup.close();
    await page.close();
    await writeStoredSettings(ext, undefined);
  });

  it('switches this site off, and it stays off after a reload', async () => {
    await writeStoredSettings(ext, undefined);
    const { page, tabId } = await articleTab();
    let popup = await openPopup(ext, tabId);
    await expect.poll(() => popup.locator('#switch-site').isEnabled()).toBe(true);
    expect(await popup.locator('label[for="switch-site"]').textContent()).toContain('127.0.0.1');
    await popup.locator('#switch-site').click();
    await expect.poll(async () => (await storedSettings(ext)).sync?.disabledSites).toEqual(['127.0.0.1']);
    await expect.poll(() => popup.locator('.site-state').textContent()).toContain('Off on');
    // The global switch is untouched: only this site is off.
    expect((await storedSettings(ext)).sync?.enabled).toBe(true);
    await popup.close();

    await page.reload();
    await expect.poll(() => ext.sendToTab<MentionsResponse>(page, { type: 'csto-lens/mentions' }).catch(() => null), { timeout: 15_000 }).not.toBeNull();
    popup = await openPopup(ext, await tabIdOf(ext, page));
    await expect.poll(() => popup.locator('.site-state').getAttribute('data-state')).toBe('off');
    expect(await popup.locator('#switch-site').isChecked()).toBe(false);
    expect(await popup.locator('#switch-global').isChecked()).toBe(true);

    await popup.locator('#switch-site').click();
    await expect.poll(async () => (await storedSettings(ext)).sync?.disabledSites).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('clears the badge of every tab of a site the moment that site is switched off (background)', async () => {
    await writeStoredSettings(ext, undefined);
    // A tab that reports a page status, as a content script does; an extension page stands in for the article so
    // the test does not depend on what the content script marks.
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('src/popup/index.html'));
    const tabId = await tabIdOf(ext, page);
    type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> }; action: { getBadgeText(d: object): Promise<string> } };
    await page.evaluate(() =>
      (globalThis as unknown as { chrome: Api }).chrome.runtime.sendMessage({ type: 'csto-lens/page-status', distinctEntities: 3, enabled: true }),
    );
    const badge = () => ext.worker.evaluate((id) => (globalThis as unknown as { chrome: Api }).chrome.action.getBadgeText({ tabId: id }), tabId);
    await expect.poll(badge).toBe('3');
    // Switch off that tab's site from storage, as the popup or the options page would.
    await writeStoredSettings(ext, { version: 2, disabledSites: [ext.extensionId] });
    await expect.poll(badge).toBe('');
    await page.close();
    await writeStoredSettings(ext, undefined);
  });

  it('says clearly when the page has no content script', async () => {
    const page = await ext.context.newPage();
    await page.goto('about:blank');
    const popup = await openPopup(ext, await tabIdOf(ext, page));
    await expect.poll(() => popup.locator('[data-reason="no-content-script"]').count()).toBe(1);
    expect(await popup.locator('.site-state').getAttribute('data-state')).toBe('unavailable');
    expect(await popup.locator('#switch-site').isDisabled()).toBe(true);
    // The global switch still works from here.
    expect(await popup.locator('#switch-global').isEnabled()).toBe(true);
    await popup.close();
    await page.close();
  });

  it('lists what the page reports, grouped by category with counts', async () => {
    await writeStoredSettings(ext, undefined);
    const { page, tabId } = await articleTab('/demo/article-en.html');
    // Wait until the page's scan has settled: two answers in a row report the same marks.
    let reply = await ext.sendToTab<MentionsResponse>(page, { type: 'csto-lens/mentions' });
    for (let attempt = 0; attempt < 50; attempt++) {
      await page.waitForTimeout(200);
      const again = await ext.sendToTab<MentionsResponse>(page, { type: 'csto-lens/mentions' });
      const settled = again.mentions.length > 0 && again.mentions.length === reply.mentions.length;
      reply = again;
      if (settled) break;
    }
    expect(reply.mentions.length).toBeGreaterThan(0);
    const expected = groupMentions(reply.mentions, lookupOf(bundledPack.entities));
    const popup = await openPopup(ext, tabId);
    await expect.poll(() => popup.locator('.on-this-page p, .mention-item').count()).toBeGreaterThan(0);
    const shown = await popup.locator('.mention-item').evaluateAll((items) =>
      items.map((item) => [item.getAttribute('data-entity'), item.querySelector('.count')?.textContent]),
    );
    expect(shown).toEqual(expected.flatMap((g) => g.items.map((i) => [i.entity.id, `×${i.count}`])));
    if (expected.length === 0) expect(await popup.locator('.on-this-page').textContent()).toContain('No known entity is marked');
    await popup.close();
    await page.close();
  });

  it('repairs corrupt stored settings instead of breaking', async () => {
    await writeStoredSettings(ext, { version: 2, enabled: 'yes', markStyle: 'blink', disabledSites: [7, 'Example.com'], colour: 'red' }, { hoverDelayMs: 'slow' });
    const { page, tabId } = await articleTab();
    const warnings: string[] = [];
    const popup = await ext.context.newPage();
    popup.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await popup.goto(ext.extensionUrl(`src/popup/index.html?tab=${tabId}`));
    await popup.locator('#switch-global').waitFor();
    expect(await popup.locator('#switch-global').isChecked()).toBe(true);
    await expect.poll(() => warnings.join('\n')).toContain('repaired stored settings');
    expect(warnings.join('\n')).toMatch(/colour: unknown/);
    // The next change writes repaired settings back.
    await popup.locator('#switch-global').click();
    await expect.poll(async () => (await storedSettings(ext)).sync).toMatchObject({ enabled: false, markStyle: 'underline', disabledSites: ['example.com'] });
    expect((await storedSettings(ext)).sync).not.toHaveProperty('colour');
    expect((await storedSettings(ext)).local).toMatchObject({ hoverDelayMs: 450 });
    await popup.close();
    await page.close();
  });
});
