// The page watcher's circuit breaker on a fake clock: a page whose changes cost us too much trips it; an open breaker
// re-reads the page once it has been quiet for a moment (an infinite scroll that stopped), or after the cool-down when
// it never stops (a runaway ticker), and waits longer for quiet after each trip in a row.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPageWatcher } from '../../src/content/page-watcher.ts';

/** A MutationObserver the test drives: `mutate()` delivers a record to every connected observer. */
class FakeObserver {
  static all: FakeObserver[] = [];
  connected = false;
  constructor(private readonly callback: (records: MutationRecord[]) => void) {
    FakeObserver.all.push(this);
  }
  observe(): void {
    this.connected = true;
  }
  disconnect(): void {
    this.connected = false;
  }
  takeRecords(): MutationRecord[] {
    return [];
  }
  static mutate(): void {
    for (const observer of FakeObserver.all) if (observer.connected) observer.callback([{ type: 'childList' } as MutationRecord]);
  }
}

describe('page watcher circuit breaker', () => {
  let busy = 0;
  let handled = 0;
  let rereads: number[] = [];
  let start = 0;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
    FakeObserver.all = [];
    vi.stubGlobal('MutationObserver', FakeObserver);
    vi.stubGlobal('window', { addEventListener() {}, removeEventListener() {} });
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    busy = 0;
    handled = 0;
    rereads = [];
    start = performance.now();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  /** The page's URL as document.URL gives it (history.pushState changes it). */
  let pageUrl = 'https://news.example/a';

  /** A watcher whose every handled batch costs us `costMs` of main thread. */
  function watch(costMs: number) {
    pageUrl = 'https://news.example/a';
    const doc = {
      get URL() {
        return pageUrl;
      },
      documentElement: {},
    } as unknown as Document;
    const watcher = createPageWatcher(doc, {
      onChanges: () => {
        handled++;
        busy += costMs;
      },
      onNavigate: () => rereads.push(performance.now() - start),
      busyMs: () => busy,
    });
    watcher.start();
    return watcher;
  }

  const now = () => performance.now() - start;

  /** The page changes every `everyMs` for `forMs`; returns when it last changed. */
  function changeFor(forMs: number, everyMs = 50): number {
    let last = now();
    for (let t = 0; t < forMs; t += everyMs) {
      last = now();
      FakeObserver.mutate();
      vi.advanceTimersByTime(everyMs);
    }
    return last;
  }

  /** The page changes every 50 ms until the breaker opens; returns when it opened. */
  function changeUntilTripped(watcher: ReturnType<typeof watch>): number {
    for (let i = 0; i < 1000 && !watcher.tripped; i++) {
      FakeObserver.mutate();
      vi.advanceTimersByTime(50);
    }
    expect(watcher.tripped).toBe(true);
    return now();
  }

  it('handles cheap changes without tripping', () => {
    const watcher = watch(1);
    changeFor(5000);
    expect(watcher.tripped).toBe(false);
    expect(handled).toBeGreaterThan(20);
    expect(rereads).toEqual([]);
  });

  it('an infinite scroll that stops is read again a second after it stops, not after the cool-down', () => {
    const watcher = watch(100);
    changeUntilTripped(watcher);
    const handledWhenTripped = handled;
    const lastChange = changeFor(2000);
    expect(handled).toBe(handledWhenTripped); // changes are only noted while open
    vi.advanceTimersByTime(lastChange + 999 - now());
    expect(rereads).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(rereads).toEqual([lastChange + 1000]);
    expect(watcher.tripped).toBe(false);
    // Watching again: a later change is handled as usual.
    FakeObserver.mutate();
    vi.advanceTimersByTime(200);
    expect(handled).toBe(handledWhenTripped + 1);
  });

  it('a page that never stops is read again after the cool-down', () => {
    const watcher = watch(100);
    const trippedAt = changeUntilTripped(watcher);
    changeFor(29_000);
    expect(rereads).toEqual([]);
    changeFor(2000);
    expect(rereads).toEqual([trippedAt + 30_000]);
  });

  it('waits twice as long for quiet after a second trip in a row', () => {
    const watcher = watch(100);
    changeUntilTripped(watcher);
    vi.advanceTimersByTime(1000);
    expect(rereads).toHaveLength(1);
    changeUntilTripped(watcher);
    const lastChange = changeFor(500);
    vi.advanceTimersByTime(lastChange + 1999 - now());
    expect(rereads).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(rereads).toEqual([rereads[0], lastChange + 2000]);
  });

  it('stopping clears an open breaker', () => {
    const watcher = watch(100);
    changeUntilTripped(watcher);
    watcher.stop();
    vi.advanceTimersByTime(60_000);
    expect(rereads).toEqual([]);
    expect(watcher.tripped).toBe(false);
  });

  it('a batch after the URL changed is a navigation (the page is read again); a new fragment is not', () => {
    watch(1);
    pageUrl = 'https://news.example/b';
    changeFor(200);
    expect(rereads).toHaveLength(1);
    expect(handled).toBe(0);
    pageUrl = 'https://news.example/b#comments';
    changeFor(200);
    expect(rereads).toHaveLength(1);
    expect(handled).toBe(1);
  });
});
