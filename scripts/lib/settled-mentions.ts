// Ask the content script for its marks until the answer holds still (the scanner marks in slices, viewport first).
import type { Page } from 'playwright-core';
import type { MentionsResponse } from '../../src/shared/messages.ts';
import type { ExtensionBrowser } from './chromium.ts';

export async function mentions(browser: ExtensionBrowser, page: Page): Promise<MentionsResponse | null> {
  return browser.sendToTab<MentionsResponse>(page, { type: 'csto-lens/mentions' }).catch(() => null);
}

/** The contract answer once it has held still for a few polls. */
export async function settledMentions(browser: ExtensionBrowser, page: Page, atLeast = 1, timeout = 20_000): Promise<MentionsResponse> {
  const deadline = Date.now() + timeout;
  let last = '';
  let same = 0;
  let answer: MentionsResponse | null = null;
  while (Date.now() < deadline) {
    answer = await mentions(browser, page);
    const key = JSON.stringify(answer);
    if (answer && answer.mentions.length >= atLeast && key === last) {
      if (++same >= 2) return answer;
    } else {
      same = 0;
    }
    last = key;
    await page.waitForTimeout(150);
  }
  throw new Error(`mentions did not settle: ${JSON.stringify(answer)?.slice(0, 500)}`);
}
