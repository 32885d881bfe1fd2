// Test builds only (CSTO_LENS_TEST_BUILD=1): let a test page talk to the content script through window messages,
// because Firefox's WebDriver BiDi cannot reach the extension's own contexts. Production builds drop this code.
import browser from '../shared/browser.ts';
import type { MentionsResponse } from '../shared/messages.ts';

export const TEST_SOURCE = 'csto-lens-test';

export function installTestHooks(answerMentions: () => MentionsResponse): void {
  window.addEventListener('message', (event) => {
    const data = event.data as { source?: unknown; type?: unknown; path?: unknown } | null;
    if (event.source !== window || data?.source !== TEST_SOURCE) return;
    if (data.type === 'mentions') {
      window.postMessage({ source: `${TEST_SOURCE}-reply`, type: 'mentions', payload: answerMentions() }, '*');
    } else if (data.type === 'open' && typeof data.path === 'string') {
      void browser.runtime.sendMessage({ type: 'csto-lens/test-open', path: data.path });
    }
  });
}
