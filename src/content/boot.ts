// The content script every page gets (content.js). Most pages name no entity, so it is kept small and does little:
// it asks the background whether annotations are on for this site (it never touches storage: that API alone costs a
// page milliseconds) and, where they are, asks the name filter whether any text of the page may name an entity, then
// watches the page for new text and asks again. Only on a "maybe" does the background inject the scanner
// (content-full.js: matcher, marking, cards), which takes over (hand-off.ts). Until then it answers the contract
// message with no mention, and the toggle command works.
import browser from '../shared/browser.ts';
import { isActiveMessage, isContentRequest, type HelloMessage, type HelloResponse, type LoadScannerMessage, type MentionsResponse, type ToggleMessage } from '../shared/messages.ts';
import { createNameFilter, type NameFilter } from '../core/name-filter.ts';
import { findTextRoot } from './collect.ts';
import { offerBoot, scannerRunning, type BootState } from './hand-off.ts';
import { detectLang, detectPublished, textSample } from './page-info.ts';
import { shippedNameFilter } from './shipped-name-filter.ts';
import { installTestHooks } from './test-hooks.ts';
import { changedBlocks, runsMayMention } from './text-check.ts';

function startBoot(): void {
  // The eval stamp at the top of the bundle and this one exist in test builds only (the bench reads them).
  if (__TEST_BUILD__) performance.mark('csto-lens-start');
  const state: BootState = { busyMs: 0, filterMs: 0, stop };
  let filter: NameFilter | null = null;
  let active = false;
  /** Asked the background for the scanner: this script's work is over unless that fails. */
  let loading = false;
  const stops: Array<() => void> = [];

  const measure = (work: () => void) => {
    const start = performance.now();
    try {
      work();
    } finally {
      state.busyMs += performance.now() - start;
    }
  };
  const mayMention = {
    mayMention(text: string): boolean {
      const start = performance.now();
      const answer = (filter ??= createNameFilter(shippedNameFilter())).mayMention(text);
      state.filterMs += performance.now() - start;
      return answer;
    },
  };

  // Text the page adds or changes later (infinite scroll, live blogs, SPA navigation) is checked as it comes.
  const observer = new MutationObserver((records) => {
    if (!active || loading) return;
    measure(() => {
      if (runsMayMention(changedBlocks(records), mayMention)) loadScanner();
    });
  });

  function loadScanner(): void {
    loading = true;
    observer.disconnect();
    const message: LoadScannerMessage = { type: 'csto-lens/load-scanner' };
    void browser.runtime
      .sendMessage(message)
      .catch(() => false)
      .then((loaded) => {
        if (loaded || scannerRunning()) return;
        // Not loaded (the background was unreachable): keep watching, and try again on the next change.
        loading = false;
        if (active) watch();
      });
  }

  function watch(): void {
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  }

  function checkPage(): void {
    measure(() => {
      const root = findTextRoot(document);
      if (root && runsMayMention([root], mayMention)) loadScanner();
      else watch();
    });
    // For the bench: a page ruled out here is done (the scanner sets its own mark when it loads).
    if (__TEST_BUILD__ && !loading) performance.mark('csto-lens-done', { detail: { busyMs: state.busyMs, filterMs: state.filterMs, matcherBuildMs: 0, longestSliceMs: state.busyMs, slices: 0, marks: 0 } });
  }

  function setActive(nowActive: boolean): void {
    if (loading || nowActive === active) return;
    active = nowActive;
    if (active) checkPage();
    else observer.disconnect();
  }

  function answerMentions(): MentionsResponse {
    const root = findTextRoot(document);
    return { url: location.href, lang: detectLang(document, root, () => (root && active ? textSample(root) : '')), published: detectPublished(document, root), mentions: [] };
  }

  const onMessage = (message: unknown) => {
    // The background tells us when the settings switch this site on or off.
    if (isActiveMessage(message)) return void setActive(message.active);
    if (!isContentRequest(message)) return undefined;
    if (message.type === 'csto-lens/mentions') return Promise.resolve(answerMentions());
    if (message.type === 'csto-lens/go-to') return Promise.resolve({ found: false });
    if (message.command === 'toggle-annotations') void browser.runtime.sendMessage({ type: 'csto-lens/toggle' } satisfies ToggleMessage).catch(() => undefined);
    // next/previous: there is no mention to move to.
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  stops.push(() => browser.runtime.onMessage.removeListener(onMessage));
  void browser.runtime
    .sendMessage({ type: 'csto-lens/hello' } satisfies HelloMessage)
    .then((answer) => setActive((answer as HelloResponse | undefined)?.active === true))
    .catch(() => undefined);

  if (__TEST_BUILD__) {
    stops.push(
      installTestHooks({
        answerMentions,
        busy: () => loading,
        stats: () => ({ ...state, stage: 'boot', painter: null, tripped: false, highlightNames: null }),
        // Settings live in storage, which this script leaves to the background.
        setSettings: (change) => browser.runtime.sendMessage({ type: 'csto-lens/test-settings', change }),
        moveTo: () => null,
        entityAt: () => null,
      }),
    );
  }

  function stop(): void {
    observer.disconnect();
    for (const undo of stops) undo();
    stops.length = 0;
  }

  offerBoot(state);
}

if (window === window.top && !scannerRunning()) startBoot();
