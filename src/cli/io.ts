// What the CLI needs from the outside world, so commands can be tested without spawning a process.
import { readFileSync } from 'node:fs';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
  readStdin(): string;
  today(): string;
}

export const nodeIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readFile: (path) => readFileSync(path, 'utf8'),
  readStdin: () => readFileSync(0, 'utf8'),
  today: () => new Date().toISOString().slice(0, 10),
};
