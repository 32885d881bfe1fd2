// The content script every page gets (content.js). Most pages name no entity, so it is kept small and does little:
// it asks the background whether annotations are on for this site (it never touches storage: that API alone costs a
// page milliseconds) and, where they are, sends the page's text for the background's name filter to read (off the
// page's main thread), then watches the page and sends what changes. Only on a "maybe" does the background inject
// the scanner (content-full.js: matcher, marking, cards), which takes over (hand-off.ts). Until then it answers the
// contract message with no mention, and the toggle command works. The text goes to the extension's own background
// only, which reads it and keeps nothing.
import { isActiveMessage, isContentRequest, type CheckTextMessage, type HelloMessage, type HelloResponse, type MentionsResponse, type ToggleMessage } from '../shared/messages.ts';
import { findTextRoot, textOfRuns } from './collect.ts';
import { answerMessages, sendToBackground } from './boot-runtime.ts';
import { offerBoot, scannerRunning, type BootState } from './hand-off.ts';
import { detectLang, detectPublished, textSample } from './page-info.ts';
import { installTestHooks } from './test-hooks.ts';
import { changedBlocks } from './changed-blocks.ts';
import { createPageWatcher } from './page-watcher.ts';
import { textToCheck } from './text-check.ts';

/** Changes are gathered for this long after the first one, then checked together (a live page changes often). */
const CHANGE_DELAY_MS = 200;

function startBoot(): void {
  // The eval stamp at the top of the bundle and this one exist in test builds only (the bench reads them).
  if (__TEST_BUILD__) performance.mark('csto-lens-start');
  // filterMs stays 0 here: the name filter runs in the background, off the page's main thread.
  const state: BootState = { busyMs: 0, filterMs: 0, stop };
  let active = false;
  /** The background injected the scanner: this script's work is over (the scanner stops it). */
  let loading = false;
  /** A question is on its way to the background; changes meanwhile wait for its answer. */
  let asking = false;
  /** The first question (hello) has not been answered yet: changes are gathered in case the site is on. */
  let greeting = true;
  /** Blocks changed since the last question. */
  const changed = new Set<Element>();
  /** The page must be read again as a whole: it navigated (SPA), or the breaker let changes go unread. */
  let rereadPage = false;
  const stops: Array<() => void> = [];

  /** Changes count: the site is on, or the first answer has not come yet (they are gathered in case it is on). */
  const listening = () => !loading && (active || greeting);

  const measure = (work: () => void) => {
    const start = performance.now();
    try {
      work();
    } finally {
      state.busyMs += performance.now() - start;
    }
  };

  // Text the page adds or changes later (infinite scroll, live blogs, SPA navigation) is checked as it comes, in
  // batches, by the scanner's own watcher: its circuit breaker holds a runaway page to a few percent of the main
  // thread here too, on the pages that never load the scanner.
  const watcher = createPageWatcher(document, {
    batchDelayMs: CHANGE_DELAY_MS,
    busyMs: () => state.busyMs,
    onChanges(records) {
      if (!listening()) return;
      measure(() => {
        for (const block of changedBlocks(records, document.documentElement).dirty) changed.add(block);
      });
      askAboutChanges();
    },
    onNavigate() {
      if (loading) return;
      rereadPage = true;
      askAboutChanges();
    },
  });

  function askAboutChanges(): void {
    if (!active || loading || asking) return;
    if (rereadPage) {
      rereadPage = false;
      changed.clear();
      return checkPage();
    }
    if (changed.size === 0) return;
    let text = '';
    measure(() => {
      text = textToCheck(changed, observeShadowRoot);
      changed.clear();
    });
    ask(text, null);
  }

  /**
   * Ask the background whether `text` may name an entity: on a "maybe" it injects the scanner. `more` gives the next
   * piece of a long page, asked about once this one is ruled out.
   */
  function ask(text: string, more: (() => string | null) | null): void {
    if (!/\S/.test(text)) return finish(more);
    asking = true;
    void sendToBackground({ type: 'csto-lens/check-text', text } satisfies CheckTextMessage)
      .catch(() => false)
      .then((loaded) => answered(loaded === true, more));
  }

  /** The background answered a question: the scanner was injected and takes over, or on to what is left. */
  function answered(loaded: boolean, more: (() => string | null) | null): void {
    asking = false;
    if (loaded || scannerRunning()) {
      loading = true;
      watcher.stop();
      return;
    }
    finish(more);
  }

  /** A piece was ruled out: ask about the next one, or, the page done, about the changes gathered meanwhile. */
  function finish(more: (() => string | null) | null): void {
    if (more && active && !loading) {
      let next: string | null = null;
      measure(() => (next = more()));
      if (next !== null) return ask(next, more);
    }
    // For the bench: a page ruled out is done (the scanner sets its own mark when it loads).
    if (__TEST_BUILD__ && more) performance.mark('csto-lens-done', { detail: { busyMs: state.busyMs, filterMs: 0, matcherBuildMs: 0, longestSliceMs: state.busyMs, slices: 0, marks: 0 } });
    // The changes gathered meanwhile (already batched by the watcher).
    askAboutChanges();
  }

  function watch(): void {
    watcher.start();
  }

  /** Changes inside an open shadow root the walk read are not seen by an observer of the document: observe it too. */
  function observeShadowRoot(root: ShadowRoot): void {
    if (listening()) watcher.observeShadowRoot(root);
  }

  function unwatch(): void {
    watcher.stop();
    changed.clear();
    rereadPage = false;
  }

  /** Pages longer than this are read and asked about in pieces, each in a task of its own. */
  const PIECE_CHARS = 100_000;

  /**
   * The first piece of the page's text, and what gives the next ones; the page is watched from now on, so what
   * changes while the background answers is asked about next.
   */
  function readPage(onShadowRoot: (root: ShadowRoot) => void): { text: string; more: () => string | null } {
    let text = '';
    let more: () => string | null = () => null;
    measure(() => {
      const root = findTextRoot(document);
      if (root) {
        more = textOfRuns(root, PIECE_CHARS, onShadowRoot);
        text = more() ?? '';
      }
      watch();
    });
    return { text, more };
  }

  function checkPage(): void {
    const { text, more } = readPage(observeShadowRoot);
    ask(text, more);
  }

  /**
   * The first question: whether the site is on, with the first piece of the page's text, so that a page that names
   * no entity costs one message, not two. The page is watched from the start; what changes before the answer is asked
   * about after it, if the site is on.
   */
  function greet(): void {
    const { text, more } = readPage(observeShadowRoot);
    asking = true;
    void sendToBackground({ type: 'csto-lens/hello', text } satisfies HelloMessage)
      .catch(() => undefined)
      .then((answer) => {
        const { active: on = false, loaded = false } = (answer as HelloResponse | undefined) ?? {};
        greeting = false;
        if (loaded) return answered(true, null);
        // Switched on by a message meanwhile: checkPage asks (setActive).
        if (active) return;
        asking = false;
        if (!on) return unwatch();
        active = true;
        answered(false, more);
      });
  }

  function setActive(nowActive: boolean): void {
    if (loading || nowActive === active) return;
    active = nowActive;
    if (active) checkPage();
    else unwatch();
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
    if (message.command === 'toggle-annotations') void sendToBackground({ type: 'csto-lens/toggle' } satisfies ToggleMessage).catch(() => undefined);
    // next/previous: there is no mention to move to.
    return undefined;
  };
  stops.push(answerMessages(onMessage));
  greet();

  if (__TEST_BUILD__) {
    stops.push(
      installTestHooks({
        answerMentions,
        busy: () => loading,
        // Plain data only: the reply is a window message (state.stop, a function, cannot be cloned).
        stats: () => ({ busyMs: state.busyMs, filterMs: state.filterMs, stage: 'boot', painter: null, tripped: watcher.tripped, highlightNames: null }),
        // Settings live in storage, which this script leaves to the background.
        setSettings: (change) => sendToBackground({ type: 'csto-lens/test-settings', change }),
        moveTo: () => null,
        entityAt: () => null,
      }),
    );
  }

  function stop(): void {
    unwatch();
    for (const undo of stops) undo();
    stops.length = 0;
  }

  offerBoot(state);
}

if (window === window.top && !scannerRunning()) startBoot();
