// The content script every page gets (src/content/boot.ts) is small; the scanner, the matcher's data and the card
// layer (content-full.js) are injected here, into the tab's top frame, only once the page may name an entity. This is
// what the `scripting` permission and the host permissions (the same sites as the content script) are for.
import type { Runtime } from 'webextension-polyfill';
import browser from '../shared/browser.ts';
import { isBackgroundRequest } from '../shared/messages.ts';

export const SCANNER_FILE = 'content-full.js';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isBackgroundRequest(message) || message.type !== 'csto-lens/load-scanner') return undefined;
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0) return Promise.resolve(false);
  return browser.scripting
    .executeScript({ target: { tabId, frameIds: [0] }, files: [SCANNER_FILE] })
    .then(
      () => true,
      (error: unknown) => {
        console.warn('CSTO Lens: could not load the page scanner', error);
        return false;
      },
    );
});
