// The small API the card layer (src/content/card/) builds on. It never exposes the painter or the scanner.
//
//   const api = getMarksApi();
//   api.mentionAt(event.clientX, event.clientY)   // -> { entity, text, range, index, id } | null
//   api.mentions()                                 // every mention shown, in document order
//   api.page()                                     // { lang, published } of the article
//   api.onChange(() => …)                          // marks were added or removed (also when switched off)
//   api.onActivate((mention, reason) => …)         // next/previous command or "go to": open this mention's card
//   api.requestCard({ id, date, lang })            // the card model, built by the background from the full pack
//
// Ranges are live DOM Ranges: read their rects when you need them (they follow the page's layout).
import type { CardModel } from '../core/card.ts';
import type { Lang } from '../core/pack.ts';
import { liveRange, type Mark } from './mark-types.ts';

export interface Mention {
  /** Stable while the mark is shown; a re-read of its block gives new ids. */
  id: number;
  entity: string;
  text: string;
  range: Range;
  /** Position among mentions() at the time of the call. */
  index: number;
}

export type ActivateReason = 'next' | 'previous' | 'go-to';

export interface PageFacts {
  lang: Lang | null;
  /** YYYY-MM-DD or null when the page does not tell. */
  published: string | null;
}

export interface MarksApi {
  mentionAt(x: number, y: number): Mention | null;
  mentions(): Mention[];
  page(): PageFacts;
  onChange(listener: () => void): () => void;
  onActivate(listener: (mention: Mention, reason: ActivateReason) => void): () => void;
  requestCard(request: { id: string; date: string; lang: Lang }): Promise<CardModel | null>;
}

export interface MarksApiSource {
  marks(): Mark[];
  markAt(x: number, y: number): Mark | null;
  page(): PageFacts;
  requestCard(request: { id: string; date: string; lang: Lang }): Promise<CardModel | null>;
}

export function createMarksApi(source: MarksApiSource) {
  const changeListeners = new Set<() => void>();
  const activateListeners = new Set<(mention: Mention, reason: ActivateReason) => void>();
  const toMention = (mark: Mark, index: number): Mention => ({ id: mark.id, entity: mark.entity, text: mark.text, range: liveRange(mark.range), index });

  const api: MarksApi = {
    mentionAt(x, y) {
      const mark = source.markAt(x, y);
      if (!mark) return null;
      const index = source.marks().indexOf(mark);
      return toMention(mark, index);
    },
    mentions: () => source.marks().map(toMention),
    page: () => source.page(),
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    onActivate(listener) {
      activateListeners.add(listener);
      return () => activateListeners.delete(listener);
    },
    requestCard: (request) => source.requestCard(request),
  };

  return {
    api,
    emitChange(): void {
      for (const listener of changeListeners) listener();
    },
    emitActivate(mark: Mark, index: number, reason: ActivateReason): void {
      for (const listener of activateListeners) listener(toMention(mark, index), reason);
    },
  };
}

let current: MarksApi | null = null;

/** The page's marks API; null before the content script has started. */
export function getMarksApi(): MarksApi | null {
  return current;
}

export function setMarksApi(api: MarksApi): void {
  current = api;
}
