// The toolbar icon and badge follow the per-site switch at once, in every tab, even before (or without) a content
// script answering the change: tabs are remembered by the site their page-status messages come from.
import type { Runtime } from 'webextension-polyfill';
import { isActiveOn } from '../core/settings.ts';
import browser from '../shared/browser.ts';
import { isBackgroundRequest } from '../shared/messages.ts';
import { onSettingsChanged } from '../shared/settings-store.ts';
import { forgetTab, readTabSites, rememberTabSite } from './tab-sites.ts';

function hostnameOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).hostname || null : null;
  } catch {
    return null;
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isBackgroundRequest(message) || message.type !== 'csto-lens/page-status') return undefined;
  const host = hostnameOf(sender.url);
  if (sender.tab?.id !== undefined && sender.frameId === 0 && host) void rememberTabSite(sender.tab.id, host);
  return undefined;
});

onSettingsChanged((settings) => {
  void readTabSites().then((sites) => {
    for (const [id, host] of Object.entries(sites)) {
      const tabId = Number(id);
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
