// The page's small content script (src/content/boot.ts) sends the text of the page, and later of what changes in it;
// here the name filter reads it, off the page's main thread, and only where it may name an entity is the scanner
// (content-full.js: matcher, marking, cards) injected into the tab's top frame. That is what the `scripting`
// permission and the host permissions (the same sites as the content script) are for. The text is not kept.
import type { Runtime } from 'webextension-polyfill';
import { createNameFilter, type NameFilter } from '../core/name-filter.ts';
import { shippedNameFilter } from '../content/shipped-name-filter.ts';
import browser from '../shared/browser.ts';
import { isBackgroundRequest } from '../shared/messages.ts';

export const SCANNER_FILE = 'content-full.js';

let filter: NameFilter | null = null;

function injectScanner(tabId: number): Promise<boolean> {
  return browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [SCANNER_FILE] }).then(
    () => true,
    (error: unknown) => {
      console.warn('CSTO Lens: could not load the page scanner', error);
      return false;
    },
  );
}

/** Whether `text`, from the top frame of the sender's tab, may name an entity; if so the scanner is injected there
 * (true once it is). */
export function checkText(text: unknown, sender: Runtime.MessageSender): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0 || typeof text !== 'string') return Promise.resolve(false);
  if (!(filter ??= createNameFilter(shippedNameFilter())).mayMention(text)) return Promise.resolve(false);
  return injectScanner(tabId);
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isBackgroundRequest(message) || message.type !== 'csto-lens/check-text') return undefined;
  return checkText(message.text, sender);
});
