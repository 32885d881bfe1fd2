// The toolbar badge and icon of one tab: the number of distinct entities its page shows, or the "off" icon.
import browser from '../shared/browser.ts';

const BADGE_COLOR = '#1d3f8f';

export function showPageStatus(tabId: number, status: { distinctEntities: number; enabled: boolean }): void {
  const text = status.enabled && status.distinctEntities > 0 ? String(status.distinctEntities) : '';
  void browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
  void browser.action.setBadgeText({ tabId, text });
  void browser.action.setIcon({
    tabId,
    path: status.enabled
      ? { 16: '/icons/icon-16.png', 32: '/icons/icon-32.png' }
      : { 16: '/icons/icon-off-16.png', 32: '/icons/icon-off-32.png' },
  });
}
