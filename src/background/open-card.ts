// Opens an entity's full card on the options page for a content script (src/shared/open-card.ts).
import { isIsoDay } from '../core/dates.ts';
import browser from '../shared/browser.ts';
import { isOpenCardMessage, optionsCardPath } from '../shared/open-card.ts';

browser.runtime.onMessage.addListener((message: unknown) => {
  if (!isOpenCardMessage(message)) return undefined;
  // Only well-formed ids and days reach the URL; the options page checks the id against the pack.
  if (typeof message.entity !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(message.entity)) return undefined;
  const date = typeof message.date === 'string' && isIsoDay(message.date) ? message.date : null;
  void browser.tabs.create({ url: browser.runtime.getURL(optionsCardPath(message.entity, date)) });
  return undefined;
});
