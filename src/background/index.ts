// Service worker (Chrome) / background script (Firefox): toolbar badge and keyboard commands.
import type { Runtime } from 'webextension-polyfill';
import browser from '../shared/browser.ts';
import { isBackgroundRequest, type CommandMessage } from '../shared/messages.ts';
import { answerCardModel } from './card-model.ts';

const BADGE_COLOR = '#1d3f8f';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isBackgroundRequest(message)) return undefined;
  if (message.type === 'csto-lens/card-model') return Promise.resolve(answerCardModel(message));
  if (message.type !== 'csto-lens/page-status') return undefined;
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0) return undefined;
  const text = message.enabled && message.distinctEntities > 0 ? String(message.distinctEntities) : '';
  void browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
  void browser.action.setBadgeText({ tabId, text });
  void browser.action.setIcon({
    tabId,
    path: message.enabled
      ? { 16: '/icons/icon-16.png', 32: '/icons/icon-32.png' }
      : { 16: '/icons/icon-off-16.png', 32: '/icons/icon-off-32.png' },
  });
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
