// Which mark lies under a point: the caret position at (x, y) gives a Text node and an offset; each Text node keeps
// its marked pieces sorted by offset, found by binary search; the mark's own rectangles confirm the hit (a caret
// snaps to the nearest character even when the pointer is in a margin).
import { segmentsOf } from './collect.ts';
import { liveRange, type Mark } from './mark-types.ts';
import { WRAPPER_TAG } from './wrapper-painter.ts';

interface Piece {
  start: number;
  end: number;
  mark: Mark;
}

export function createHitIndex() {
  let byNode = new WeakMap<Text, Piece[]>();

  function add(mark: Mark): void {
    for (const segment of segmentsOf(mark.run, mark.start, mark.end)) {
      let pieces = byNode.get(segment.node);
      if (!pieces) byNode.set(segment.node, (pieces = []));
      const piece = { start: segment.start, end: segment.end, mark };
      let low = 0;
      let high = pieces.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (pieces[mid]!.start < piece.start) low = mid + 1;
        else high = mid;
      }
      pieces.splice(low, 0, piece);
    }
  }

  function remove(mark: Mark): void {
    for (const node of mark.run.nodes) {
      const pieces = byNode.get(node);
      if (!pieces) continue;
      const kept = pieces.filter((piece) => piece.mark !== mark);
      if (kept.length !== pieces.length) byNode.set(node, kept);
    }
  }

  function atOffset(node: Text, offset: number): Mark | null {
    const pieces = byNode.get(node);
    if (!pieces || pieces.length === 0) return null;
    let low = 0;
    let high = pieces.length - 1;
    // The last piece starting at or before offset.
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (pieces[mid]!.start <= offset) low = mid;
      else high = mid - 1;
    }
    const piece = pieces[low]!;
    if (piece.start <= offset && offset <= piece.end) return piece.mark;
    return null;
  }

  function clear(): void {
    byNode = new WeakMap();
  }

  return { add, remove, atOffset, clear };
}

export type HitIndex = ReturnType<typeof createHitIndex>;

/** The Text node and offset under a viewport point, looking into open shadow roots. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const withPosition = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
  };
  let shadowRoots: ShadowRoot[] | undefined;
  const top = doc.elementFromPoint(x, y);
  if (top?.shadowRoot) shadowRoots = [top.shadowRoot];
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const position = shadowRoots ? withPosition.caretPositionFromPoint(x, y, { shadowRoots }) : withPosition.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function rangeContains(range: AbstractRange, x: number, y: number): boolean {
  for (const rect of liveRange(range).getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

/** The mark under (x, y), or null. `wrapperMark` finds the mark of a fallback wrapper element. */
export function markAtPoint(doc: Document, index: HitIndex, x: number, y: number, wrapperMark?: (element: Element) => Mark | null): Mark | null {
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  let mark: Mark | null = null;
  if (caret.node.nodeType === Node.TEXT_NODE) mark = index.atOffset(caret.node as Text, caret.offset);
  if (!mark && wrapperMark) {
    const element = caret.node.nodeType === Node.ELEMENT_NODE ? (caret.node as Element) : caret.node.parentElement;
    const wrapper = element?.closest(WRAPPER_TAG);
    if (wrapper) mark = wrapperMark(wrapper);
  }
  return mark && rangeContains(mark.range, x, y) ? mark : null;
}
