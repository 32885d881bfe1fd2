// What the boot script asks the background's name filter about: the text of the same runs the scanner reads
// (collect.ts), of the whole page and then of the blocks that changes touched, chosen as the scanner's watcher
// chooses what to re-read. A "maybe" loads the scanner, which then decides.
import { textOfRuns } from './collect.ts';

/**
 * The text of the runs under these elements, joined by line breaks: a line break ends a word as the end of a run
 * does, so the joined text has every word each run has, and one question covers them all.
 */
export function textToCheck(starts: Iterable<Element>, onShadowRoot?: (root: ShadowRoot) => void): string {
  const texts: string[] = [];
  for (const start of starts) if (start.isConnected) texts.push(textOfRuns(start, Infinity, onShadowRoot)() ?? '');
  return texts.join('\n');
}
