// Service worker (Chrome) / background script (Firefox): toolbar badge and keyboard commands.
import type { Runtime } from 'webextension-polyfill';
import browser from '../shared/browser.ts';
import type { Settings } from '../core/settings.ts';
import { updateSettings } from '../shared/settings-store.ts';
import { isBackgroundRequest, type CommandMessage } from '../shared/messages.ts';
import { answerCardModel } from './card-model.ts';
import { showPageStatus } from './page-status.ts';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isBackgroundRequest(message)) return undefined;
  if (message.type === 'csto-lens/card-model') return Promise.resolve(answerCardModel(message));
  if (message.type !== 'csto-lens/page-status') return undefined;
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0) return undefined;
  showPageStatus(tabId, message);
  return undefined;
});

if (__TEST_BUILD__) {
  // Firefox's WebDriver BiDi will not navigate to moz-extension:// pages, so tests ask us to open them.
  browser.runtime.onMessage.addListener((message: unknown) => {
    const request = message as { type?: unknown; path?: unknown };
    if (request?.type !== 'csto-lens/test-open' || typeof request.path !== 'string') return undefined;
    void browser.tabs.create({ url: browser.runtime.getURL(request.path) });
    return undefined;
  });
  // The content script's window-message hooks change settings through here (the small content script has no storage).
  browser.runtime.onMessage.addListener((message: unknown) => {
    const request = message as { type?: unknown; change?: unknown };
    if (request?.type !== 'csto-lens/test-settings' || typeof request.change !== 'object' || request.change === null) return undefined;
    return updateSettings((current) => ({ ...current, ...(request.change as Partial<Settings>) })).then(() => true);
  });
}

browser.commands.onCommand.addListener(async (command) => {
  if (command !== 'toggle-annotations' && command !== 'next-mention' && command !== 'previous-mention') return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const message: CommandMessage = { type: 'csto-lens/command', command };
  await browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined);
});

// Per-site icon state, opening full cards (issue 7) and loading the page scanner live in their own modules.
import './site-state.ts';
import './open-card.ts';
import './load-scanner.ts';
