// The boot script's two runtime calls, made on the browser's own object rather than through webextension-polyfill:
// the boot script runs on every page, and the polyfill is about 10 KB of it that each page parsed for nothing (the
// browsers we support give promise-based `sendMessage` natively: Firefox on `browser`, Chromium on `chrome`).
// Everything else keeps using src/shared/browser.ts.

interface RuntimeApi {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: {
      addListener(listener: MessageListener): void;
      removeListener(listener: MessageListener): void;
    };
  };
}

type MessageListener = (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => boolean;

const api = ((globalThis as { browser?: RuntimeApi }).browser ?? (globalThis as { chrome?: RuntimeApi }).chrome) as RuntimeApi;

/** Send a message to the background; resolves with its answer (rejects when nobody answers). */
export function sendToBackground(message: unknown): Promise<unknown> {
  return api.runtime.sendMessage(message);
}

/**
 * Answer runtime messages with `handle`: a promise is an answer (sent when it settles), undefined is none. The answer
 * goes through sendResponse, which both browsers support for a listener that returns true (a returned promise is
 * not understood by every Chromium this extension supports). Returns the function that stops listening.
 */
export function answerMessages(handle: (message: unknown) => Promise<unknown> | undefined): () => void {
  const listener: MessageListener = (message, _sender, sendResponse) => {
    const answer = handle(message);
    if (!answer) return false;
    answer.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  api.runtime.onMessage.addListener(listener);
  return () => api.runtime.onMessage.removeListener(listener);
}
