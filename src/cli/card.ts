// `csto-lens card` — implemented with the knowledge base (issue 3).
import type { CliIo } from './io.ts';

export function runCard(_argv: string[], io: CliIo): number {
  io.err('csto-lens card: not implemented yet');
  return 2;
}
