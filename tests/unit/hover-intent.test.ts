// Hover intent: table-driven scripts of pointer and keyboard events on a fake clock. A tiny driver advances the
// clock from event to event, ticking at every deadline the state machine asks for, and records each effect with
// the time it fired.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIMINGS,
  hoverStep,
  initialHoverState,
  nextDeadline,
  type HoverEvent,
  type HoverState,
  type HoverTimings,
} from '../../src/core/hover-intent.ts';

type Step = [at: number, event: string, target?: string];

function toEvent(at: number, name: string, target?: string): HoverEvent<string> {
  switch (name) {
    case 'enter-mark':
    case 'open':
      return { type: name, target: target!, at };
    case 'leave-mark':
    case 'enter-card':
    case 'leave-card':
    case 'pin':
    case 'unpin':
    case 'escape':
    case 'close':
      return { type: name, at };
    default:
      throw new Error(`unknown event ${name}`);
  }
}

/** Run a script until `until`, returning "time effect[:target]" lines and the final state. */
function simulate(script: Step[], until: number, timings: HoverTimings = DEFAULT_TIMINGS): { log: string[]; state: HoverState<string> } {
  let state = initialHoverState<string>();
  const log: string[] = [];
  const record = (at: number, effects: ReturnType<typeof hoverStep<string>>['effects']) => {
    for (const e of effects) log.push(`${at} ${e.type}${e.type === 'hide' ? '' : `:${e.target}`}`);
  };
  const advanceTo = (time: number) => {
    for (let deadline = nextDeadline(state, timings); deadline !== null && deadline <= time; deadline = nextDeadline(state, timings)) {
      const step = hoverStep(state, { type: 'tick', at: deadline }, timings);
      state = step.state;
      record(deadline, step.effects);
    }
  };
  for (const [at, name, target] of script) {
    advanceTo(at);
    const step = hoverStep(state, toEvent(at, name, target), timings);
    state = step.state;
    record(at, step.effects);
  }
  advanceTo(until);
  return { log, state };
}

const cases: Array<{ name: string; script: Step[]; until: number; log: string[]; phase: HoverState<string>['phase']; timings?: HoverTimings }> = [
  {
    name: 'resting on a mark prepares at 150 ms and shows at 450 ms',
    script: [[1000, 'enter-mark', 'zas']],
    until: 5000,
    log: ['1150 prepare:zas', '1450 show:zas'],
    phase: 'shown',
  },
  {
    name: 'passing over a mark shows nothing',
    script: [
      [1000, 'enter-mark', 'zas'],
      [1100, 'leave-mark'],
    ],
    until: 5000,
    log: [],
    phase: 'idle',
  },
  {
    name: 'leaving after preparing but before the delay shows nothing',
    script: [
      [1000, 'enter-mark', 'zas'],
      [1300, 'leave-mark'],
    ],
    until: 5000,
    log: ['1150 prepare:zas'],
    phase: 'idle',
  },
  {
    name: 'the delay follows the setting',
    script: [[0, 'enter-mark', 'zas']],
    until: 5000,
    timings: { prepareMs: 150, showMs: 800, graceMs: 300 },
    log: ['150 prepare:zas', '800 show:zas'],
    phase: 'shown',
  },
  {
    name: 'a zero delay shows at once (showing loads the card anyway)',
    script: [[0, 'enter-mark', 'zas']],
    until: 5000,
    timings: { prepareMs: 150, showMs: 0, graceMs: 300 },
    log: ['0 show:zas'],
    phase: 'shown',
  },
  {
    name: 'the card stays while the mark is hovered, with no timeout',
    script: [[0, 'enter-mark', 'zas']],
    until: 3_600_000,
    log: ['150 prepare:zas', '450 show:zas'],
    phase: 'shown',
  },
  {
    name: 'leaving the mark hides the card after a 300 ms grace',
    script: [
      [0, 'enter-mark', 'zas'],
      [1000, 'leave-mark'],
    ],
    until: 5000,
    log: ['150 prepare:zas', '450 show:zas', '1300 hide'],
    phase: 'idle',
  },
  {
    name: 'the pointer can travel onto the card within the grace, and the card stays while hovered',
    script: [
      [0, 'enter-mark', 'zas'],
      [1000, 'leave-mark'],
      [1200, 'enter-card'],
    ],
    until: 60_000,
    log: ['150 prepare:zas', '450 show:zas'],
    phase: 'shown',
  },
  {
    name: 'leaving the card hides it after the grace',
    script: [
      [0, 'enter-mark', 'zas'],
      [1000, 'leave-mark'],
      [1200, 'enter-card'],
      [9000, 'leave-card'],
    ],
    until: 60_000,
    log: ['150 prepare:zas', '450 show:zas', '9300 hide'],
    phase: 'idle',
  },
  {
    name: 'coming back to the mark within the grace keeps the card',
    script: [
      [0, 'enter-mark', 'zas'],
      [1000, 'leave-mark'],
      [1250, 'enter-mark', 'zas'],
    ],
    until: 60_000,
    log: ['150 prepare:zas', '450 show:zas'],
    phase: 'shown',
  },
  {
    name: 'Esc closes at once while the pointer stays on the mark, and it does not reopen',
    script: [
      [0, 'enter-mark', 'zas'],
      [2000, 'escape'],
      [2100, 'enter-mark', 'zas'],
    ],
    until: 60_000,
    log: ['150 prepare:zas', '450 show:zas', '2000 hide'],
    phase: 'idle',
  },
  {
    name: 'after Esc, leaving and re-entering the mark opens it again',
    script: [
      [0, 'enter-mark', 'zas'],
      [2000, 'escape'],
      [3000, 'leave-mark'],
      [4000, 'enter-mark', 'zas'],
    ],
    until: 60_000,
    log: ['150 prepare:zas', '450 show:zas', '2000 hide', '4150 prepare:zas', '4450 show:zas'],
    phase: 'shown',
  },
  {
    name: 'Esc while waiting cancels the card',
    script: [
      [0, 'enter-mark', 'zas'],
      [200, 'escape'],
    ],
    until: 60_000,
    log: ['150 prepare:zas'],
    phase: 'idle',
  },
  {
    name: 'Esc closes a card hovered on the card itself',
    script: [
      [0, 'enter-mark', 'zas'],
      [1000, 'leave-mark'],
      [1100, 'enter-card'],
      [5000, 'escape'],
    ],
    until: 60_000,
    log: ['150 prepare:zas', '450 show:zas', '5000 hide'],
    phase: 'idle',
  },
  {
    name: 'a pinned card stays after the pointer leaves',
    script: [
      [0, 'enter-mark', 'zas'],
      [1000, 'leave-mark'],
      [1100, 'enter-card'],
      [1500, 'pin'],
      [2000, 'leave-card'],
    ],
    until: 60_000,
    log: ['150 prepare:zas', '450 show:zas'],
    phase: 'shown',
  },
  {
    name: 'unpinning with the pointer away starts the grace',
    script: [
      [0, 'enter-mark', 'zas'],
      [1000, 'leave-mark'],
      [1100, 'enter-card'],
      [1500, 'pin'],
      [2000, 'leave-card'],
      [10_000, 'unpin'],
    ],
    until: 60_000,
    log: ['150 prepare:zas', '450 show:zas', '10300 hide'],
    phase: 'idle',
  },
  {
    name: 'a pinned card is not replaced by hovering another mark',
    script: [
      [0, 'enter-mark', 'zas'],
      [600, 'pin'],
      [1000, 'leave-mark'],
      [2000, 'enter-mark', 'shoigu'],
    ],
    until: 60_000,
    log: ['150 prepare:zas', '450 show:zas'],
    phase: 'shown',
  },
  {
    name: 'Esc closes a pinned card',
    script: [
      [0, 'enter-mark', 'zas'],
      [600, 'pin'],
      [1000, 'leave-mark'],
      [2000, 'escape'],
    ],
    until: 60_000,
    log: ['150 prepare:zas', '450 show:zas', '2000 hide'],
    phase: 'idle',
  },
  {
    name: 'moving straight to another mark hands the card over after that mark’s delay, without a gap',
    script: [
      [0, 'enter-mark', 'zas'],
      [1000, 'leave-mark'],
      [1000, 'enter-mark', 'shoigu'],
    ],
    until: 60_000,
    log: ['150 prepare:zas', '450 show:zas', '1150 prepare:shoigu', '1450 show:shoigu'],
    phase: 'shown',
  },
  {
    name: 'brushing past another mark keeps the first card, then the grace applies',
    script: [
      [0, 'enter-mark', 'zas'],
      [1000, 'leave-mark'],
      [1100, 'enter-mark', 'shoigu'],
      [1200, 'leave-mark'],
    ],
    until: 60_000,
    log: ['150 prepare:zas', '450 show:zas', '1500 hide'],
    phase: 'idle',
  },
  {
    name: 'a click or keyboard opens at once and survives the pointer leaving',
    script: [
      [0, 'open', 'zas'],
      [100, 'enter-mark', 'shoigu'],
      [200, 'leave-mark'],
    ],
    until: 60_000,
    log: ['0 show:zas'],
    phase: 'shown',
  },
  {
    name: 'a click on another mark replaces an open card',
    script: [
      [0, 'open', 'zas'],
      [5000, 'open', 'shoigu'],
    ],
    until: 60_000,
    log: ['0 show:zas', '5000 show:shoigu'],
    phase: 'shown',
  },
  {
    name: 'close hides an explicitly opened card',
    script: [
      [0, 'open', 'zas'],
      [5000, 'close'],
    ],
    until: 60_000,
    log: ['0 show:zas', '5000 hide'],
    phase: 'idle',
  },
  {
    name: 'moving from one mark to another before the delay restarts the wait',
    script: [
      [0, 'enter-mark', 'zas'],
      [300, 'leave-mark'],
      [300, 'enter-mark', 'shoigu'],
    ],
    until: 60_000,
    log: ['150 prepare:zas', '450 prepare:shoigu', '750 show:shoigu'],
    phase: 'shown',
  },
];

describe('hover intent', () => {
  it.each(cases)('$name', ({ script, until, log, phase, timings }) => {
    const result = simulate(script, until, timings);
    expect(result.log).toEqual(log);
    expect(result.state.phase).toBe(phase);
  });

  it('asks for no tick when nothing is due', () => {
    expect(nextDeadline(initialHoverState<string>())).toBeNull();
    const shown = simulate([[0, 'enter-mark', 'zas']], 10_000).state;
    expect(nextDeadline(shown)).toBeNull();
  });

  it('ignores card events when no card is shown', () => {
    const idle = initialHoverState<string>();
    for (const type of ['enter-card', 'leave-card', 'pin', 'unpin', 'escape', 'close'] as const) {
      expect(hoverStep(idle, { type, at: 5 })).toEqual({ state: idle, effects: [] });
    }
  });
});
