// Service worker (Chrome) / background script (Firefox): toolbar badge and icon, keyboard commands.
import type { Runtime } from 'webextension-polyfill';
import { isIsoDay } from '../core/dates.ts';
import { isActiveOn } from '../core/settings.ts';
import browser from '../shared/browser.ts';
import { isBackgroundRequest, optionsCardPath, type CommandMessage } from '../shared/messages.ts';
import { loadSettings, onSettingsChanged } from '../shared/settings-store.ts';
import { forgetTab, readTabSites, rememberTabSite } from './tab-sites.ts';

const BADGE_COLOR = '#1d3f8f';

function hostnameOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).hostname || null : null;
  } catch {
    return null;
  }
}

async function showTabState(tabId: number, active: boolean, distinctEntities: number | null): Promise<void> {
  if (distinctEntities !== null || !active) {
    await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }).catch(() => undefined);
    await browser.action.setBadgeText({ tabId, text: active && distinctEntities ? String(distinctEntities) : '' }).catch(() => undefined);
  }
  await browser.action
    .setIcon({
      tabId,
      path: active ? { 16: '/icons/icon-16.png', 32: '/icons/icon-32.png' } : { 16: '/icons/icon-off-16.png', 32: '/icons/icon-off-32.png' },
    })
    .catch(() => undefined);
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isBackgroundRequest(message)) return undefined;
  if (message.type === 'csto-lens/open-card') {
    // Only well-formed ids and days reach the URL; the options page checks the id against the pack.
    if (typeof message.entity !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(message.entity)) return undefined;
    const date = typeof message.date === 'string' && isIsoDay(message.date) ? message.date : null;
    void browser.tabs.create({ url: browser.runtime.getURL(optionsCardPath(message.entity, date)) });
    return undefined;
  }
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0) return undefined;
  const host = hostnameOf(sender.url);
  void (async () => {
    // The page says whether it marks; the settings say whether this site is off, whatever the page believes.
    let active = message.enabled;
    if (host) {
      await rememberTabSite(tabId, host);
      active = active && isActiveOn(await loadSettings(), host);
    }
    await showTabState(tabId, active, message.distinctEntities);
  })();
  return undefined;
});

// A switch flipped in the popup or the options page: every known tab's icon follows at once.
onSettingsChanged((settings) => {
  void readTabSites().then((sites) => {
    for (const [tabId, host] of Object.entries(sites)) void showTabState(Number(tabId), isActiveOn(settings, host), null);
  });
});

browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

if (__TEST_BUILD__) {
  // Firefox's WebDriver BiDi will not navigate to moz-extension:// pages, so tests ask us to open them.
  browser.runtime.onMessage.addListener((message: unknown) => {
    const request = message as { type?: unknown; path?: unknown };
    if (request?.type !== 'csto-lens/test-open' || typeof request.path !== 'string') return undefined;
    void browser.tabs.create({ url: browser.runtime.getURL(request.path) });
    return undefined;
  });
}

browser.commands.onCommand.addListener(async (command) => {
  if (command !== 'toggle-annotations' && command !== 'next-mention' && command !== 'previous-mention') return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const message: CommandMessage = { type: 'csto-lens/command', command };
  await browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined);
});
