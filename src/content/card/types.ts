// The contract between the page layer (which finds and marks mentions) and the card layer (which shows cards).
// The card layer only needs to ask "which mention is under this point?" and "which mentions are there, in order?".
import type { CardModel } from '../../core/card.ts';
import type { IsoDay } from '../../core/dates.ts';
import type { Lang } from '../../core/pack.ts';
import type { CardLanguage, Theme } from '../../core/settings.ts';

export interface Mention {
  entity: string;
  range: Range;
}

export interface MarkSource {
  /** The mention under a viewport point, or null. */
  mentionAt(x: number, y: number): Mention | null;
  /** Every mention currently marked, in document order. */
  mentions(): Mention[];
}

/** A MarkSource that also tells when marks change and when the page layer moved to a mention (next/previous
 *  command, "go to" from the popup) whose card should open. */
export interface LiveMarkSource extends MarkSource {
  onChange?(listener: () => void): () => void;
  onActivate?(listener: (mention: Mention, reason: string) => void): () => void;
}

export interface CardModelRequest {
  id: string;
  date: IsoDay;
  lang: Lang;
}

export interface CardPreferences {
  cardLanguage: CardLanguage;
  theme: Theme;
  hoverDelayMs: number;
}

export interface CardLayerOptions {
  /** Fetch the card model (from the background in the extension; the content script bundles no card texts). */
  loadModel(request: CardModelRequest): Promise<CardModel>;
  preferences(): CardPreferences;
  /** The page's language, when it is one the cards speak. */
  pageLang(): Lang | null;
  /** The article's publication day, or null when unknown (the card then speaks of today only). */
  published(): IsoDay | null;
  today(): IsoDay;
  /** The browser's interface language (browser.i18n.getUILanguage()). */
  uiLanguage(): string;
  /** Open the full entity card in the extension's own pages. */
  openEntity(id: string): void;
}

export interface OpenOptions {
  /** Move focus into the card (keyboard); it returns where it was when the card closes. */
  focus?: boolean;
}

export interface CardLayer {
  openFor(mention: Mention, options?: OpenOptions): Promise<void>;
  close(): void;
  /** Scroll to the next / previous mention and open its card with focus. */
  next(): Promise<void>;
  previous(): Promise<void>;
  /** The mention whose card is shown, if any. */
  current(): Mention | null;
  /** Close the card and take the host off the page (it comes back with the next card). */
  release(): void;
  /** Whether the card host is on the page now. */
  hasHost(): boolean;
  destroy(): void;
}
