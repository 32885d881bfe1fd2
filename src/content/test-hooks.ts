// Test builds only (CSTO_LENS_TEST_BUILD=1): let a test page talk to the content script through window messages,
// because Firefox's WebDriver BiDi cannot reach the extension's own contexts. Production builds drop this code.
import browser from '../shared/browser.ts';
import type { MentionsResponse } from '../shared/messages.ts';
import type { Settings } from '../core/settings.ts';

export const TEST_SOURCE = 'csto-lens-test';

export interface TestHookTargets {
  answerMentions(): MentionsResponse;
  /** Whether the scanner still has work queued. */
  busy(): boolean;
  stats(): unknown;
  /** Resolves once the settings are stored (every tab hears of them from there). */
  setSettings(change: Partial<Settings>): Promise<unknown>;
  moveTo(direction: 1 | -1): string | null;
  /** The entity under a viewport point (the marks API's mentionAt). */
  entityAt(x: number, y: number): string | null;
}

/** Returns the function that removes the hooks (the boot script's hooks make way for the scanner's). */
export function installTestHooks(targets: TestHookTargets): () => void {
  const reply = (type: string, payload: unknown) => window.postMessage({ source: `${TEST_SOURCE}-reply`, type, payload }, '*');
  const onMessage = (event: MessageEvent) => {
    const data = event.data as { source?: unknown; type?: unknown; path?: unknown; settings?: unknown; direction?: unknown; x?: unknown; y?: unknown } | null;
    if (event.source !== window || data?.source !== TEST_SOURCE) return;
    if (data.type === 'mentions') {
      reply('mentions', targets.answerMentions());
    } else if (data.type === 'status') {
      reply('status', { busy: targets.busy(), stats: targets.stats() });
    } else if (data.type === 'settings' && typeof data.settings === 'object' && data.settings !== null) {
      // Answer once stored: a test that opens or closes a tab right after must not race the write.
      void targets.setSettings(data.settings as Partial<Settings>).then(
        () => reply('settings', true),
        () => reply('settings', false),
      );
    } else if (data.type === 'move' && (data.direction === 1 || data.direction === -1)) {
      reply('move', targets.moveTo(data.direction));
    } else if (data.type === 'at' && typeof data.x === 'number' && typeof data.y === 'number') {
      reply('at', targets.entityAt(data.x, data.y));
    } else if (data.type === 'open' && typeof data.path === 'string') {
      void browser.runtime.sendMessage({ type: 'csto-lens/test-open', path: data.path });
    }
  };
  window.addEventListener('message', onMessage);
  return () => window.removeEventListener('message', onMessage);
}
