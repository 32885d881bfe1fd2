// `csto-lens scan` — implemented with the matcher (issue 4).
import type { CliIo } from './io.ts';

export function runScan(_argv: string[], io: CliIo): number {
  io.err('csto-lens scan: not implemented yet');
  return 2;
}
