// Ask the content script of a test build something through its window-message hooks (src/content/test-hooks.ts) and
// wait for the reply: the same call from playwright (Chromium) and puppeteer (Firefox) pages.

/** Either driver's page (their evaluate signatures differ in types only: both take a function and its argument). */
interface DriverPage {
  evaluate(...args: never[]): Promise<unknown>;
}

interface EvaluatingWithArgument {
  evaluate<T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T>;
}

export async function askTestHook<T>(page: DriverPage, request: Record<string, unknown>): Promise<T | null> {
  return (page as unknown as EvaluatingWithArgument).evaluate(
    (message: Record<string, unknown>) =>
      new Promise<T | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), 1000);
        window.addEventListener('message', function reply(event) {
          if (event.data?.source !== 'csto-lens-test-reply' || event.data.type !== message.type) return;
          clearTimeout(timer);
          window.removeEventListener('message', reply);
          resolve(event.data.payload as T);
        });
        window.postMessage({ ...message, source: 'csto-lens-test' }, '*');
      }),
    request,
  );
}
