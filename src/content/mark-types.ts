// A mark: one mention on the page that is currently shown, with the DOM Range it covers.
import type { Category } from '../core/pack.ts';
import type { TextRun } from './collect.ts';

export interface Mark {
  /** Unique for the life of the content script. */
  id: number;
  entity: string;
  category: Category | undefined;
  /** The text as written on the page. */
  text: string;
  run: TextRun;
  /** Offsets into run.text. */
  start: number;
  end: number;
  /** A StaticRange: unlike live Ranges it costs the page nothing on later DOM edits (we re-read edited blocks). */
  range: AbstractRange;
}

/** A live Range over the same text, for geometry (getClientRects) and for the card layer. */
export function liveRange(range: AbstractRange): Range {
  const live = range.startContainer.ownerDocument!.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

/** Document order of two ranges' starts (ranges in different shadow trees compare as equal). */
export function compareRanges(a: AbstractRange, b: AbstractRange): number {
  if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
  const position = a.startContainer.compareDocumentPosition(b.startContainer);
  if (position & Node.DOCUMENT_POSITION_DISCONNECTED) return 0;
  return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** Draws marks. Highlights leave the DOM untouched; the wrapper fallback edits it and undoes every edit. */
export interface Painter {
  readonly kind: 'highlight' | 'wrapper';
  add(mark: Mark): void;
  remove(mark: Mark): void;
  /** Remove every mark at once. */
  clear(): void;
  setStyle(style: 'underline' | 'background' | 'none'): void;
  /** Re-attach styles a page may have dropped (a framework resetting adoptedStyleSheets). */
  ensureAttached(): void;
  /** The mark a fallback wrapper element shows (wrapper painter only). */
  markOfElement?(element: Element): Mark | null;
  destroy(): void;
}
