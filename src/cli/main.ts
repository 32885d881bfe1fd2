// csto-lens: the command-line face of the core. Exit codes: 0 success, 2 bad usage or unreadable input.
import { runCard } from './card.ts';
import { runScan } from './scan.ts';
import type { CliIo } from './io.ts';
import { nodeIo } from './io.ts';

const USAGE = `usage:
  csto-lens scan [--json] [--lang auto|ar|en|ru] [--date YYYY-MM-DD] FILE...   (FILE: .txt, .html or - for stdin)
  csto-lens card ID [--date YYYY-MM-DD] [--lang en|ar|ru] [--json]`;

export async function main(argv: string[], io: CliIo = nodeIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'scan':
      return runScan(rest, io);
    case 'card':
      return runCard(rest, io);
    case '--help':
    case '-h':
    case 'help':
      io.out(USAGE);
      return 0;
    default:
      io.err(command ? `csto-lens: unknown command "${command}"\n${USAGE}` : USAGE);
      return 2;
  }
}
