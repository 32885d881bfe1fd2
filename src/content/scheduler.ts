// Cooperative work in short slices: a job is a generator; each slice runs it for a few milliseconds, then yields the
// main thread (a MessageChannel message, which is not clamped like nested timers). No slice comes near 50 ms.

export const SLICE_MS = 4;

/**
 * Yielded by a job to end the current slice and go on only after the next frame has painted (or 50 ms, for tabs in
 * the background, which get no frames): the viewport's marks show before the rest of the page is read.
 */
export const AFTER_PAINT = Symbol('after paint');

export interface WorkStats {
  /** Main-thread time spent in slices (ms). */
  busyMs: number;
  slices: number;
  longestSliceMs: number;
  /** Of busyMs: loading the matcher, on the first block the name filter cannot rule out (0 when none). */
  matcherBuildMs: number;
  /** Of busyMs: the name filter (building it, and its pre-check of every block). */
  filterMs: number;
}

export interface Job {
  cancel(): void;
  readonly done: Promise<boolean>;
}

export function createScheduler(now: () => number = () => performance.now()) {
  const stats: WorkStats = { busyMs: 0, slices: 0, longestSliceMs: 0, matcherBuildMs: 0, filterMs: 0 };
  // scheduler.postTask where the browser has it (no clamping, yields to input); a MessageChannel otherwise.
  const postTask = (globalThis as { scheduler?: { postTask?(callback: () => void, options?: object): Promise<unknown> } }).scheduler?.postTask;
  const channel = postTask ? null : new MessageChannel();
  const queue: Array<() => void> = [];
  /** >0 while a slice or a measured call runs: nested measurements are already counted by the outer one. */
  let depth = 0;
  if (channel) channel.port1.onmessage = () => queue.shift()?.();
  const nextTurn = (callback: () => void) => {
    if (postTask) {
      void postTask.call((globalThis as unknown as { scheduler: object }).scheduler, callback, { priority: 'user-visible' }).catch(() => undefined);
      return;
    }
    queue.push(callback);
    channel!.port2.postMessage(null);
  };

  const afterPaint = (callback: () => void) => {
    let called = false;
    const once = () => {
      if (called) return;
      called = true;
      callback();
    };
    requestAnimationFrame(() => setTimeout(once, 0));
    setTimeout(once, 50);
  };

  /** Run `work` in slices until it finishes or is cancelled; `done` resolves true when it finished. */
  function run(work: Iterator<unknown>, sliceMs = SLICE_MS): Job {
    let cancelled = false;
    let resolveDone: (finished: boolean) => void = () => {};
    const done = new Promise<boolean>((resolve) => (resolveDone = resolve));
    const slice = () => {
      if (cancelled) return resolveDone(false);
      const start = now();
      let finished = false;
      let waitForPaint = false;
      depth++;
      try {
        // A step is one text run; check the clock after each, so a slice ends close to its budget.
        for (let steps = 0; ; steps++) {
          if (steps > 0 && now() - start >= sliceMs) break;
          const step = work.next();
          if (step.done) {
            finished = true;
            break;
          }
          if (step.value === AFTER_PAINT) {
            waitForPaint = true;
            break;
          }
        }
      } catch (error) {
        finished = true;
        console.debug('csto-lens: a scan step failed', error);
      } finally {
        depth--;
      }
      const spent = now() - start;
      stats.busyMs += spent;
      stats.slices++;
      stats.longestSliceMs = Math.max(stats.longestSliceMs, spent);
      if (finished) resolveDone(true);
      else if (waitForPaint) afterPaint(() => nextTurn(slice));
      else nextTurn(slice);
    };
    nextTurn(slice);
    return {
      cancel: () => {
        cancelled = true;
      },
      done,
    };
  }

  /** Account for work done outside slices (a mutation batch, a message) in the same statistics. */
  function measure<T>(work: () => T): T {
    if (depth > 0) return work();
    const start = now();
    depth++;
    try {
      return work();
    } finally {
      depth--;
      const spent = now() - start;
      stats.busyMs += spent;
      stats.longestSliceMs = Math.max(stats.longestSliceMs, spent);
    }
  }

  return { run, measure, stats };
}

export type Scheduler = ReturnType<typeof createScheduler>;
