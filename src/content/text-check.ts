// What the boot script asks the background's name filter about: the text of the same runs the scanner reads
// (collect.ts), of the whole page and then of the blocks that changes touched, chosen as the scanner's watcher
// chooses what to re-read. A "maybe" loads the scanner, which then decides.
import { blockOf, flows, isInline, isInsideSkipped, isSkipped, lineBeside, textOfRuns } from './collect.ts';

/**
 * The text of the runs under these elements, joined by line breaks: a line break ends a word as the end of a run
 * does, so the joined text has every word each run has, and one question covers them all.
 */
export function textToCheck(starts: Iterable<Element>, onShadowRoot?: (root: ShadowRoot) => void): string {
  const texts: string[] = [];
  for (const start of starts) if (start.isConnected) texts.push(textOfRuns(start, Infinity, onShadowRoot)() ?? '');
  return texts.join('\n');
}

/** The host of the outermost shadow tree holding `node` (a change inside a shadow tree re-reads it whole). */
function outermostHost(root: ShadowRoot): Element {
  let host = root.host;
  for (let up = host.getRootNode(); up instanceof ShadowRoot; up = host.getRootNode()) host = up.host;
  return host;
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
    const treeRoot = record.target.getRootNode();
    if (treeRoot instanceof ShadowRoot) {
      consider(outermostHost(treeRoot));
      continue;
    }
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
