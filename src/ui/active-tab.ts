// The tab the popup is about, and what its content script reports. Without the "tabs" permission the tab's URL is
// not visible here, so the page's own answer to the contract message gives the site. Tests (and any page that opens
// the popup as a tab) pass ?tab=<id>, since a popup opened in a tab is itself the active tab.
import browser from '../shared/browser.ts';
import type { MentionsResponse } from '../shared/messages.ts';

export async function targetTabId(search: string): Promise<number | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function askOnce(tabId: number): Promise<MentionsResponse | null> {
  try {
    const response = (await browser.tabs.sendMessage(tabId, { type: 'csto-lens/mentions' }, { frameId: 0 })) as MentionsResponse | undefined;
    return response && typeof response.url === 'string' && Array.isArray(response.mentions) ? response : null;
  } catch {
    return null;
  }
}

/**
 * What the page reports, or null where no content script runs (browser pages, the store, PDFs). A page still loading
 * has no content script yet (it starts at document_idle), so ask again a couple of times before giving up.
 */
export async function requestMentions(tabId: number, attempts = 3, pauseMs = 350): Promise<MentionsResponse | null> {
  for (let attempt = 1; ; attempt++) {
    const response = await askOnce(tabId);
    if (response || attempt >= attempts) return response;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}

export function hostnameOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}

/** Show this tab's state in the toolbar icon at once (the background does the same on every settings change). */
export async function setTabIcon(tabId: number, active: boolean): Promise<void> {
  const suffix = active ? '' : '-off';
  await browser.action
    .setIcon({ tabId, path: { 16: `/icons/icon${suffix}-16.png`, 32: `/icons/icon${suffix}-32.png` } })
    .catch(() => undefined);
}
