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
  range: Range;
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
