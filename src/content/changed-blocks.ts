// What a batch of page changes asks to read again, for the scanner (which re-reads and re-marks those blocks) and for
// the small boot script (which asks the background's name filter about their text): the same choice for both.
import { blockOf, flows, isInline, isInsideSkipped, isSkipped, lineBeside, OWN_UI_ATTRIBUTE } from './collect.ts';

/** The node itself in the document's own tree, else the host of the (outermost) shadow tree that holds it. */
export function lightAnchor(node: Node): Node {
  let anchor = node;
  for (let root = anchor.getRootNode(); root instanceof ShadowRoot; root = anchor.getRootNode()) anchor = root.host;
  return anchor;
}

/**
 * The blocks under `root` to read again after a batch of mutation records (the outermost only), and whether anything
 * was removed (runs whose nodes left the page must go even when no block around them is read again).
 */
export function changedBlocks(records: readonly MutationRecord[], root: Element): { dirty: Element[]; removed: boolean } {
  const found = new Set<Element>();
  let removed = false;
  const consider = (changed: Element | null) => {
    if (!changed) return;
    // A change inside a shadow tree re-reads its outermost host: runs are kept in document order, and the document
    // places every node of a shadow tree at its host, so only a whole re-read keeps the order inside it.
    const block = lightAnchor(changed) as Element;
    if (!block.isConnected || !root.contains(block)) return;
    if (isInsideSkipped(block, root)) return;
    // The light children of a shadow host are not shown and not read: a change among them re-reads the host,
    // whose shadow tree is what the reader sees (the outermost one, when hosts nest in light DOM).
    let element = block;
    for (let up = block.parentElement; up && up !== root; up = up.parentElement) if (up.shadowRoot) element = up;
    found.add(element);
  };
  for (const record of records) {
    const target = record.target;
    if (target.nodeType === Node.ELEMENT_NODE && (target as Element).closest(`[${OWN_UI_ATTRIBUTE}]`)) continue;
    const treeRoot = target.getRootNode();
    if (treeRoot instanceof ShadowRoot) {
      consider(treeRoot.host);
      if (record.removedNodes.length > 0) removed = true;
      continue;
    }
    if (record.type === 'characterData') {
      consider(blockOf(target));
      continue;
    }
    if (record.type !== 'childList') continue;
    // A block, <br> or skipped element put into or taken out of the middle of a line splits or joins the runs on
    // either side of it: the enclosing block is read again.
    const midLine = lineBeside(record.previousSibling, 'previousSibling') && lineBeside(record.nextSibling, 'nextSibling');
    for (const node of record.addedNodes) {
      if (node.nodeType === Node.ELEMENT_NODE && !isInline(node as Element)) {
        if (!isSkipped(node as Element)) consider(node as Element);
        if (midLine) consider(blockOf(target));
      } else if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.ELEMENT_NODE) {
        consider(blockOf(target));
      }
    }
    for (const node of record.removedNodes) {
      removed = true;
      if (flows(node) || midLine) consider(blockOf(target));
    }
  }
  const dirty = [...found].filter((element) => {
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (found.has(parent)) return false;
      if (parent === root) break;
    }
    return true;
  });
  return { dirty, removed };
}
