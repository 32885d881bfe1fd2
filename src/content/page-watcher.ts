// Keeps up with a page that changes: a MutationObserver whose records are batched (one batch per quiet moment),
// SPA navigation (history changes seen as a new URL), and a circuit breaker that stops handling changes for a while
// when a runaway page makes us spend more than a few percent of the main thread. While open, the breaker only notes
// that the page changed; once the page has been quiet for a moment (an infinite scroll that stopped) or the cool-down
// is over (a page that never stops), everything is read again. The quiet wait doubles with each trip in a row, so a
// page changing in bursts cannot make us re-read it over and over.

export interface WatcherOptions {
  /** A batch of mutation records to handle. */
  onChanges(records: MutationRecord[]): void;
  /** The URL changed without a page load (pushState, replaceState, popstate). */
  onNavigate(): void;
  /** Main-thread milliseconds we have spent so far (all our work), for the breaker. */
  busyMs(): number;
  batchDelayMs?: number;
  /** Share of wall time above which the breaker opens. */
  maxShare?: number;
  /** How long the breaker stays open at most before we read the page again. */
  coolDownMs?: number;
  /** How long the page must stay quiet, after a first trip, before we read it again. */
  quietMs?: number;
}

export function createPageWatcher(doc: Document, options: WatcherOptions) {
  const batchDelay = options.batchDelayMs ?? 150;
  const maxShare = options.maxShare ?? 0.05;
  const coolDown = options.coolDownMs ?? 30_000;
  const quietBase = options.quietMs ?? 1000;
  const WINDOW_MS = 10_000;
  let pending: MutationRecord[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Anchor jumps (#section) are not navigation: compare URLs without their fragment. document.URL, not location:
  // the boot script makes this watcher on every page, and a first Location (or RegExp) costs a fresh world time.
  const currentUrl = () => {
    const href = doc.URL ?? '';
    const hash = href.indexOf('#');
    return hash < 0 ? href : href.slice(0, hash);
  };
  let url = currentUrl();
  let windowStart = performance.now();
  let windowBusyStart = options.busyMs();
  let tripped = false;
  /** Trips in a row (a trip within a window of the last resume): sets the quiet wait. */
  let trips = 0;
  let lastResume = -Infinity;
  let coolTimer: ReturnType<typeof setTimeout> | null = null;
  let quietTimer: ReturnType<typeof setTimeout> | null = null;
  let running = false;

  const observer = new MutationObserver((records) => {
    if (tripped) {
      waitForQuiet();
      return;
    }
    pending.push(...records);
    // A page adding nodes without pause still gets served: cap the batch size as well as the quiet time.
    if (pending.length > 5000) flush();
    else if (timer === null) timer = setTimeout(flush, batchDelay);
  });

  function checkUrl(): boolean {
    const now = currentUrl();
    if (now === url) return false;
    url = now;
    options.onNavigate();
    return true;
  }

  function breakerOpen(): boolean {
    const now = performance.now();
    const elapsed = now - windowStart;
    const busy = options.busyMs() - windowBusyStart;
    if (elapsed >= WINDOW_MS) {
      const share = busy / elapsed;
      windowStart = now;
      windowBusyStart = options.busyMs();
      if (share > maxShare) return true;
    } else if (busy > WINDOW_MS * maxShare) {
      return true;
    }
    return false;
  }

  function flush(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const records = pending;
    pending = [];
    if (!running || records.length === 0) return;
    if (checkUrl()) return;
    if (breakerOpen()) {
      trip();
      return;
    }
    options.onChanges(records);
  }

  function trip(): void {
    tripped = true;
    trips = performance.now() - lastResume < WINDOW_MS ? trips + 1 : 1;
    pending = [];
    if (timer !== null) clearTimeout(timer);
    timer = null;
    console.debug('csto-lens: this page changes too fast; pausing until it is quiet, at most', coolDown, 'ms');
    coolTimer = setTimeout(resume, coolDown);
    waitForQuiet();
  }

  /** The page changed while the breaker is open: wait for a quiet moment again. */
  function waitForQuiet(): void {
    if (quietTimer !== null) clearTimeout(quietTimer);
    quietTimer = setTimeout(resume, Math.min(coolDown, quietBase * 2 ** (trips - 1)));
  }

  function clearBreakerTimers(): void {
    if (coolTimer !== null) clearTimeout(coolTimer);
    if (quietTimer !== null) clearTimeout(quietTimer);
    coolTimer = quietTimer = null;
  }

  function resume(): void {
    clearBreakerTimers();
    tripped = false;
    lastResume = windowStart = performance.now();
    windowBusyStart = options.busyMs();
    if (running) options.onNavigate(); // read everything again: we missed changes while paused
  }

  const OBSERVED = { childList: true, subtree: true, characterData: true };
  /** Shadow roots told to us before start(): observed when it comes. */
  let shadowRootsToObserve: ShadowRoot[] = [];

  function connect(): void {
    observer.observe(doc.documentElement, OBSERVED);
    for (const root of shadowRootsToObserve) observer.observe(root, OBSERVED);
    shadowRootsToObserve = [];
  }

  const onHistory = () => setTimeout(checkUrl, 0);
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;

  return {
    start(): void {
      if (running) return;
      running = true;
      url = currentUrl();
      connect();
      window.addEventListener('popstate', onHistory);
      navigation?.addEventListener('navigatesuccess', onHistory);
    },
    /** Also follow the changes inside an open shadow root (an observer of the document does not see them). */
    observeShadowRoot(root: ShadowRoot): void {
      if (running) observer.observe(root, OBSERVED);
      else shadowRootsToObserve.push(root);
    },
    stop(): void {
      running = false;
      shadowRootsToObserve = [];
      observer.disconnect();
      pending = [];
      if (timer !== null) clearTimeout(timer);
      timer = null;
      clearBreakerTimers();
      tripped = false;
      trips = 0;
      window.removeEventListener('popstate', onHistory);
      navigation?.removeEventListener('navigatesuccess', onHistory);
    },
    /** Run our own DOM edits (wrapper fallback) without seeing them as page changes. */
    ignoring(work: () => void): void {
      work();
      const records = observer.takeRecords();
      void records;
    },
    get tripped(): boolean {
      return tripped;
    },
  };
}

export type PageWatcher = ReturnType<typeof createPageWatcher>;
