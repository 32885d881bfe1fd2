// The small content script every page gets (boot.ts) and the scanner it has the background inject once the page may
// name an entity (index.ts, built as content-full.js) run in the same isolated world: a property of that world's
// global object, which the page cannot see, carries the page over from one to the other.

export interface BootState {
  /** Main-thread ms the boot script spent (its text checks and watching), counted into the scanner's statistics. */
  busyMs: number;
  /** Of busyMs: the name filter. */
  filterMs: number;
  /** Remove every listener and observer of the boot script: the scanner answers from now on. */
  stop(): void;
}

interface Shared {
  boot?: BootState;
  scanner?: true;
}

const shared = (): Shared => ((globalThis as unknown as { cstoLens?: Shared }).cstoLens ??= {});

export function offerBoot(state: BootState): void {
  shared().boot = state;
}

/** The boot script's state, once, after stopping it (null when there was none: the scanner was loaded directly). */
export function takeBoot(): BootState | null {
  const boot = shared().boot ?? null;
  delete shared().boot;
  boot?.stop();
  return boot;
}

/** True the first time only: a second injection of the scanner (two quick requests) must not start it twice. */
export function claimScanner(): boolean {
  if (shared().scanner) return false;
  shared().scanner = true;
  return true;
}

/** Whether the scanner is already running in this page (the boot script then has nothing to do). */
export function scannerRunning(): boolean {
  return shared().scanner === true;
}
