// The boot script's runtime calls (src/content/boot-runtime.ts) on a stand-in for the browser's own object.
import { afterEach, describe, expect, it, vi } from 'vitest';

type Listener = (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => boolean;

function fakeRuntime() {
  const listeners = new Set<Listener>();
  return {
    listeners,
    runtime: {
      sendMessage: vi.fn(async (message: unknown) => ({ echo: message })),
      onMessage: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
    },
  };
}

async function loadWith(globals: { browser?: unknown; chrome?: unknown }) {
  vi.resetModules();
  for (const [name, value] of Object.entries(globals)) vi.stubGlobal(name, value);
  return import('../../src/content/boot-runtime.ts');
}

afterEach(() => vi.unstubAllGlobals());

describe('boot runtime', () => {
  it("uses Firefox's `browser` where there is one, else Chromium's `chrome`", async () => {
    const firefox = fakeRuntime();
    const chromium = fakeRuntime();
    const both = await loadWith({ browser: firefox, chrome: chromium });
    await expect(both.sendToBackground({ type: 'x' })).resolves.toEqual({ echo: { type: 'x' } });
    expect(firefox.runtime.sendMessage).toHaveBeenCalledOnce();
    expect(chromium.runtime.sendMessage).not.toHaveBeenCalled();
    const onlyChrome = await loadWith({ browser: undefined, chrome: chromium });
    await onlyChrome.sendToBackground({ type: 'y' });
    expect(chromium.runtime.sendMessage).toHaveBeenCalledWith({ type: 'y' });
  });

  it('answers through sendResponse, says when it will, and stops listening', async () => {
    const chromium = fakeRuntime();
    const { answerMessages } = await loadWith({ browser: undefined, chrome: chromium });
    const stop = answerMessages((message) => {
      if (message === 'ask') return Promise.resolve('answer');
      if (message === 'fail') return Promise.reject(new Error('no'));
      return undefined;
    });
    const [listener] = [...chromium.listeners];
    const responses: unknown[] = [];
    expect(listener!('other', {}, (r) => responses.push(r))).toBe(false);
    expect(listener!('ask', {}, (r) => responses.push(r))).toBe(true);
    expect(listener!('fail', {}, (r) => responses.push(r))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(responses).toEqual(['answer', undefined]);
    stop();
    expect(chromium.listeners.size).toBe(0);
  });
});
