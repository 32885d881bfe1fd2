// Test only (never shipped): a MarkSource that finds given words in the page with a TreeWalker, so the card layer
// can be driven in a real browser without the page scanner. Hit-testing goes through the caret at a point and
// checks the point is really inside the word's boxes.
import type { MarkSource, Mention } from '../../src/content/card/types.ts';

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (doc.caretPositionFromPoint) {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function inside(range: Range, x: number, y: number): boolean {
  return Array.from(range.getClientRects()).some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
}

/** Every occurrence of each word (exact text) in `root`, in document order. */
export function findWords(root: Node, words: Record<string, string>): Mention[] {
  const found: Array<Mention & { at: number }> = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('script,style,noscript,textarea') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  let order = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    const hits: Array<{ start: number; end: number; entity: string }> = [];
    for (const [word, entity] of Object.entries(words)) {
      for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) hits.push({ start: i, end: i + word.length, entity });
    }
    // Longest match wins where words overlap ("Stanislav Zas" over "Zas").
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    let reached = 0;
    for (const hit of hits) {
      if (hit.start < reached) continue;
      reached = hit.end;
      const range = document.createRange();
      range.setStart(node, hit.start);
      range.setEnd(node, hit.end);
      found.push({ entity: hit.entity, range, at: order++ });
    }
  }
  return found.map(({ entity, range }) => ({ entity, range }));
}

export function wordMarks(root: Node, words: Record<string, string>): MarkSource {
  const all = findWords(root, words);
  return {
    mentions: () => all,
    mentionAt(x, y) {
      const caret = caretAt(x, y);
      if (!caret) return null;
      for (const mention of all) {
        if (mention.range.isPointInRange(caret.node, caret.offset) && inside(mention.range, x, y)) return mention;
      }
      // The caret lands between characters: the nearest word boxes decide.
      return all.find((m) => inside(m.range, x, y)) ?? null;
    },
  };
}
