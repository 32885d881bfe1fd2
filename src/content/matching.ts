// The matcher as the page sees it: a per-block candidate scan and a document-level resolve step. The content script
// codes against this small interface, so the core matcher can replace the interim one without touching the page code.
import type { Category, Lang } from '../core/pack.ts';

export interface Candidate {
  entity: string;
  /** UTF-16 offsets into the block's text. */
  start: number;
  end: number;
  /** The entity of its first sense; counts only with supporting context elsewhere in the document when ambiguous. */
  ambiguous: boolean;
}

export interface ResolveOptions {
  firstMentionOnly: boolean;
}

export interface PageMatcher {
  /** Every candidate mention in one block of text, in text order, without overlaps. */
  scanBlock(text: string, lang: Lang | null): Candidate[];
  /**
   * Which candidates stand, given every block of the document in document order: result[b][i] is the entity
   * blocks[b][i] stands for (an ambiguous name may resolve to another of its senses), or null.
   */
  resolve(blocks: ReadonlyArray<readonly Candidate[]>, options: ResolveOptions): Array<Array<string | null>>;
  /** The category of an entity id (for the reader's category switches); undefined when unknown. */
  categoryOf(entity: string): Category | undefined;
}
