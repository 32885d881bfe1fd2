// Hover intent for entity cards, as a pure state machine over explicit time: the driver feeds pointer and keyboard
// events with a timestamp, runs the effects it gets back, and calls `tick` at `nextDeadline`. No clock, no timers,
// no DOM, so every timing rule is testable with fake time.
//
// Rules (GUIDE.md section 2, WCAG 1.4.13): prepare the card ~150 ms after the pointer rests on a mark, show it at the
// configured delay, keep it while the mark or the card is hovered (no timeout), hide it after a ~300 ms grace once
// the pointer has left both, close at once on Esc (and do not reopen for the same mark until the pointer leaves it),
// keep it while pinned. A card opened explicitly (click, tap, keyboard) does not close when the pointer wanders.

export interface HoverTimings {
  /** Rest time before the card's data is fetched. */
  prepareMs: number;
  /** Rest time before the card shows (the user's hoverDelayMs). */
  showMs: number;
  /** Time the card survives once the pointer has left both the mark and the card. */
  graceMs: number;
}

export const DEFAULT_TIMINGS: HoverTimings = { prepareMs: 150, showMs: 450, graceMs: 300 };

/** Where the pointer is, as far as the card is concerned. */
export type Hovering = 'mark' | 'card' | 'none';

export interface HoverState<T> {
  phase: 'idle' | 'waiting' | 'shown';
  /** The mark being waited on (waiting), or whose card is shown (shown). */
  target: T | null;
  /** While shown: a different mark the pointer rests on, which takes over once its own delay has passed. */
  pending: T | null;
  /** When the pointer came to rest on the waited-on (or pending) mark. */
  since: number;
  prepared: boolean;
  hovering: Hovering;
  /** Opened by click, tap or keyboard: the pointer leaving does not close it. */
  explicit: boolean;
  pinned: boolean;
  /** When the shown card hides, unless something happens first. */
  hideAt: number | null;
  /** The mark whose card was dismissed with Esc while the pointer was still on it. */
  dismissed: T | null;
}

export type HoverEvent<T> =
  | { type: 'enter-mark'; target: T; at: number }
  | { type: 'leave-mark'; at: number }
  | { type: 'enter-card'; at: number }
  | { type: 'leave-card'; at: number }
  | { type: 'open'; target: T; at: number }
  | { type: 'pin'; at: number }
  | { type: 'unpin'; at: number }
  | { type: 'escape'; at: number }
  | { type: 'close'; at: number }
  | { type: 'tick'; at: number };

export type HoverEffect<T> = { type: 'prepare'; target: T } | { type: 'show'; target: T } | { type: 'hide' };

export interface HoverStep<T> {
  state: HoverState<T>;
  effects: Array<HoverEffect<T>>;
}

export function initialHoverState<T>(): HoverState<T> {
  return {
    phase: 'idle',
    target: null,
    pending: null,
    since: 0,
    prepared: false,
    hovering: 'none',
    explicit: false,
    pinned: false,
    hideAt: null,
    dismissed: null,
  };
}

function waitFor<T>(target: T, at: number, dismissed: T | null): HoverState<T> {
  return { ...initialHoverState<T>(), phase: 'waiting', target, since: at, hovering: 'mark', dismissed };
}

/** The card can only hide by time when nothing holds it open. */
function graceFrom<T>(state: HoverState<T>, at: number, timings: HoverTimings): number | null {
  return state.pinned || state.explicit || state.hovering !== 'none' ? null : at + timings.graceMs;
}

/** Apply one event. */
export function hoverStep<T>(state: HoverState<T>, event: HoverEvent<T>, timings: HoverTimings = DEFAULT_TIMINGS): HoverStep<T> {
  const at = event.at;
  switch (event.type) {
    case 'enter-mark': {
      if (event.target === state.dismissed) return { state, effects: [] };
      const dismissed = null;
      if (state.phase === 'shown') {
        if (event.target === state.target) {
          return { state: { ...state, hovering: 'mark', pending: null, hideAt: null, dismissed }, effects: [] };
        }
        // A pinned or explicitly opened card is not replaced by hovering elsewhere; a click replaces it.
        if (state.pinned || state.explicit) return { state: { ...state, dismissed }, effects: [] };
        // The card stays while the pointer rests on the other mark, and gives way once that mark's delay has passed.
        return { state: { ...state, hovering: 'mark', pending: event.target, since: at, prepared: false, hideAt: null, dismissed }, effects: [] };
      }
      if (state.phase === 'waiting' && event.target === state.target) return { state, effects: [] };
      return run(waitFor(event.target, at, dismissed), at, timings);
    }
    case 'leave-mark': {
      const dismissed = null;
      if (state.phase === 'waiting') return { state: { ...initialHoverState<T>(), dismissed }, effects: [] };
      if (state.phase === 'shown') {
        const hovering: Hovering = state.hovering === 'card' ? 'card' : 'none';
        const next = { ...state, hovering, pending: null, dismissed };
        return { state: { ...next, hideAt: graceFrom(next, at, timings) }, effects: [] };
      }
      return { state: { ...state, dismissed }, effects: [] };
    }
    case 'enter-card': {
      if (state.phase !== 'shown') return { state, effects: [] };
      return { state: { ...state, hovering: 'card', pending: null, hideAt: null }, effects: [] };
    }
    case 'leave-card': {
      if (state.phase !== 'shown' || state.hovering !== 'card') return { state, effects: [] };
      const next = { ...state, hovering: 'none' as const };
      return { state: { ...next, hideAt: graceFrom(next, at, timings) }, effects: [] };
    }
    case 'open': {
      const next: HoverState<T> = {
        ...initialHoverState<T>(),
        phase: 'shown',
        target: event.target,
        prepared: true,
        hovering: state.hovering,
        explicit: true,
        pinned: state.pinned && state.target === event.target,
      };
      return { state: next, effects: [{ type: 'show', target: event.target }] };
    }
    case 'pin':
      if (state.phase !== 'shown') return { state, effects: [] };
      return { state: { ...state, pinned: true, hideAt: null }, effects: [] };
    case 'unpin': {
      if (state.phase !== 'shown') return { state, effects: [] };
      const next = { ...state, pinned: false };
      return { state: { ...next, hideAt: graceFrom(next, at, timings) }, effects: [] };
    }
    case 'escape': {
      if (state.phase === 'idle') return { state, effects: [] };
      // The pointer may still rest on the mark: do not reopen until it leaves.
      const dismissed = state.hovering === 'mark' ? (state.pending ?? state.target) : null;
      const effects: Array<HoverEffect<T>> = state.phase === 'shown' ? [{ type: 'hide' }] : [];
      return { state: { ...initialHoverState<T>(), dismissed }, effects };
    }
    case 'close': {
      if (state.phase === 'idle') return { state, effects: [] };
      const effects: Array<HoverEffect<T>> = state.phase === 'shown' ? [{ type: 'hide' }] : [];
      const hovering = state.hovering === 'mark' ? state.target : null;
      return { state: { ...initialHoverState<T>(), dismissed: hovering }, effects };
    }
    case 'tick':
      return run(state, at, timings);
  }
}

/** Fire whatever deadlines have passed by `at`. */
function run<T>(state: HoverState<T>, at: number, timings: HoverTimings): HoverStep<T> {
  const effects: Array<HoverEffect<T>> = [];
  let s = state;
  if (s.phase === 'shown' && s.hideAt !== null && at >= s.hideAt) {
    effects.push({ type: 'hide' });
    s = initialHoverState<T>();
  }
  const waitingOn = s.phase === 'waiting' ? s.target : s.phase === 'shown' ? s.pending : null;
  if (waitingOn !== null) {
    if (!s.prepared && at >= s.since + timings.prepareMs) {
      effects.push({ type: 'prepare', target: waitingOn });
      s = { ...s, prepared: true };
    }
    if (at >= s.since + Math.max(timings.showMs, 0)) {
      effects.push({ type: 'show', target: waitingOn });
      s = { ...s, phase: 'shown', target: waitingOn, pending: null, hovering: 'mark', hideAt: null, explicit: false, pinned: false };
    }
  }
  return { state: s, effects };
}

/** When the driver should next call `tick`, or null when nothing is due. */
export function nextDeadline<T>(state: HoverState<T>, timings: HoverTimings = DEFAULT_TIMINGS): number | null {
  const times: number[] = [];
  if (state.phase === 'shown' && state.hideAt !== null) times.push(state.hideAt);
  const waiting = state.phase === 'waiting' || (state.phase === 'shown' && state.pending !== null);
  if (waiting) {
    if (!state.prepared) times.push(state.since + timings.prepareMs);
    times.push(state.since + timings.showMs);
  }
  return times.length > 0 ? Math.min(...times) : null;
}
