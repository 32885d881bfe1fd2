// The toolbar icon and badge follow the per-site switch at once, in every tab, even before (or without) a content
// script answering the change: tabs are remembered by the site their page-status messages come from.
import type { Runtime } from 'webextension-polyfill';
import { isActiveOn } from '../core/settings.ts';
import browser from '../shared/browser.ts';
import { isBackgroundRequest, type ActiveMessage, type HelloResponse } from '../shared/messages.ts';
import { loadSettings, onSettingsChanged, updateSettings } from '../shared/settings-store.ts';
import { checkText } from './load-scanner.ts';
import { showPageStatus } from './page-status.ts';
import { forgetTab, readTabSites, rememberTabSite } from './tab-sites.ts';

function hostnameOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).hostname || null : null;
  } catch {
    return null;
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isBackgroundRequest(message)) return undefined;
  if (message.type === 'csto-lens/hello') return hello(message.text, sender);
  if (message.type === 'csto-lens/toggle') return updateSettings((current) => ({ ...current, enabled: !current.enabled })).then(() => undefined);
  if (message.type !== 'csto-lens/page-status') return undefined;
  const host = hostnameOf(sender.url);
  if (sender.tab?.id !== undefined && sender.frameId === 0 && host) void rememberTabSite(sender.tab.id, host);
  return undefined;
});

/**
 * A page's small content script asks whether to run: the settings decide, and the tab's icon follows them. Where the
 * site is on, the first piece of the page's text comes along and is checked at once.
 */
async function hello(text: string | undefined, sender: Runtime.MessageSender): Promise<HelloResponse> {
  const host = hostnameOf(sender.url);
  const active = isActiveOn(await loadSettings(), host ?? '');
  const tabId = sender.tab?.id;
  if (tabId !== undefined && sender.frameId === 0) {
    // A file:// page has no host: remembered as '' so the global switch still reaches it.
    void rememberTabSite(tabId, host ?? '');
    showPageStatus(tabId, { distinctEntities: 0, enabled: active });
  }
  return { active, loaded: active && text !== undefined ? await checkText(text, sender) : false };
}

/** Tell a tab's content script whether it is on now (the small one listens for this; the scanner reads storage). */
function tellTab(tabId: number, active: boolean): void {
  const message: ActiveMessage = { type: 'csto-lens/active', active };
  void browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
}

onSettingsChanged((settings) => {
  void readTabSites().then((sites) => {
    for (const [id, host] of Object.entries(sites)) {
      const tabId = Number(id);
      tellTab(tabId, isActiveOn(settings, host));
      if (isActiveOn(settings, host)) {
        void browser.action.setIcon({ tabId, path: { 16: '/icons/icon-16.png', 32: '/icons/icon-32.png' } }).catch(() => undefined);
        continue;
      }
      // Off here: the off icon and no count; the page's own status message will agree once it has switched off.
      void browser.action.setIcon({ tabId, path: { 16: '/icons/icon-off-16.png', 32: '/icons/icon-off-32.png' } }).catch(() => undefined);
      void browser.action.setBadgeText({ tabId, text: '' }).catch(() => undefined);
    }
  });
});

browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
