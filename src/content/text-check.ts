// The boot script's one question: may this text name an entity? It reads the same runs as the scanner (collect.ts)
// and asks the name filter about each; for page changes, the runs of the blocks the changes touched, chosen as the
// scanner's watcher chooses what to re-read. A "maybe" loads the scanner, which then decides.
import type { NameFilter } from '../core/name-filter.ts';
import { blockOf, flows, isInline, isInsideSkipped, isSkipped, lineBeside, someTextOfRuns } from './collect.ts';

/** Text asked about at once: a page of a few thousand words in one question, a very long one in several. */
const CHUNK_CHARS = 100_000;

/**
 * Whether any run of text under these elements may name an entity. One question for many runs, joined by line
 * breaks: a line break ends a word as the end of a run does, so the joined text has every word each run has (a cold
 * page pays for each call's regular expressions, so fewer calls cost less). A long page stops at the first "maybe".
 */
export function runsMayMention(starts: readonly Element[], filter: NameFilter): boolean {
  return starts.some((start) => someTextOfRuns(start, CHUNK_CHARS, (text) => filter.mayMention(text)));
}

/**
 * The blocks to check after a batch of changes (outermost only): the block of changed text, a block element that
 * was added, and the block around a removal that may have joined two pieces of a line.
 */
export function changedBlocks(records: readonly MutationRecord[]): Element[] {
  const found = new Set<Element>();
  const consider = (block: Element | null) => {
    if (block && block.isConnected && !isInsideSkipped(block, block.ownerDocument.documentElement)) found.add(block);
  };
  for (const record of records) {
    if (record.type === 'characterData') {
      consider(blockOf(record.target));
      continue;
    }
    if (record.type !== 'childList') continue;
    for (const node of record.addedNodes) {
      if (node.nodeType === Node.ELEMENT_NODE && !isInline(node as Element)) {
        if (!isSkipped(node as Element)) consider(node as Element);
      } else if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.ELEMENT_NODE) {
        consider(blockOf(record.target));
      }
    }
    if (record.removedNodes.length > 0) {
      const midLine = lineBeside(record.previousSibling, 'previousSibling') && lineBeside(record.nextSibling, 'nextSibling');
      if (midLine || [...record.removedNodes].some((node) => flows(node))) consider(blockOf(record.target));
    }
  }
  return [...found].filter((block) => {
    for (let parent = block.parentElement; parent; parent = parent.parentElement) if (found.has(parent)) return false;
    return true;
  });
}
