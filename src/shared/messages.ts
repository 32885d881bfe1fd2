// Messages between the extension's parts. The "csto-lens/mentions" shape is a fixed contract (GUIDE.md section 3).
import type { CardModel } from '../core/card.ts';
import type { Lang } from '../core/pack.ts';

export interface MentionSummary {
  entity: string;
  text: string;
}

/** Popup or test -> content script of the top frame: what is marked on this page now. */
export interface MentionsRequest {
  type: 'csto-lens/mentions';
}
export interface MentionsResponse {
  url: string;
  lang: Lang | null;
  published: string | null;
  mentions: MentionSummary[];
}

/** Content script -> background: keep the toolbar badge at the number of distinct entities on this tab. */
export interface PageStatusMessage {
  type: 'csto-lens/page-status';
  distinctEntities: number;
  enabled: boolean;
}

/** Popup -> content script: scroll to the next mention of an entity and open its card. */
export interface GoToMessage {
  type: 'csto-lens/go-to';
  entity: string;
}

/** Background -> content script: a keyboard command. */
export interface CommandMessage {
  type: 'csto-lens/command';
  command: 'toggle-annotations' | 'next-mention' | 'previous-mention';
}

/** Content script -> background: the card model of an entity as of a day, in a language. The content script
 *  bundles no card texts; the background builds the model from the bundled pack. Answer: CardModel | null. */
export interface CardModelMessage {
  type: 'csto-lens/card-model';
  id: string;
  /** YYYY-MM-DD: the article's day, or today. */
  date: string;
  lang: Lang;
}
export type CardModelResponse = CardModel | null;
/** The same message under the name the page layer gave it. */
export type CardModelRequest = CardModelMessage;

/** Content script (boot.ts) -> background: the text of the page (or of what changed in it), its runs separated by
 *  line breaks. The background asks the name filter and, on a possible name, injects the scanner (content-full.js)
 *  into this tab's top frame. Answer: true once the scanner is injected. The text is only read, never kept. */
export interface CheckTextMessage {
  type: 'csto-lens/check-text';
  text: string;
}

/** Content script (boot.ts) -> background, once per page: are annotations on for this page's site? The background
 *  reads the settings (the small content script never loads them: storage costs every page milliseconds), learns the
 *  tab's site and sets its toolbar icon, as for a page-status message with no entity. With `text` (the first piece of
 *  the page's text), the same question asks, where the site is on, what check-text asks: one message, not two, on
 *  every page. Answer: HelloResponse. */
export interface HelloMessage {
  type: 'csto-lens/hello';
  text?: string;
}
export interface HelloResponse {
  active: boolean;
  /** The text may name an entity, and the scanner was injected. */
  loaded?: boolean;
}

/** Background -> content script (boot.ts) of a tab it knows, when the settings change: on or off for its site. */
export interface ActiveMessage {
  type: 'csto-lens/active';
  active: boolean;
}

/** Content script (boot.ts) -> background: switch annotations on or off everywhere (the toggle command). */
export interface ToggleMessage {
  type: 'csto-lens/toggle';
}

export type ContentRequest = MentionsRequest | GoToMessage | CommandMessage;
export type BackgroundRequest = PageStatusMessage | CardModelMessage | CheckTextMessage | HelloMessage | ToggleMessage;

function hasType(value: unknown): value is { type: unknown } {
  return typeof value === 'object' && value !== null && 'type' in value;
}

export function isContentRequest(value: unknown): value is ContentRequest {
  return hasType(value) && (value.type === 'csto-lens/mentions' || value.type === 'csto-lens/go-to' || value.type === 'csto-lens/command');
}

const BACKGROUND_TYPES: ReadonlyArray<unknown> = ['csto-lens/page-status', 'csto-lens/card-model', 'csto-lens/check-text', 'csto-lens/hello', 'csto-lens/toggle'];

export function isBackgroundRequest(value: unknown): value is BackgroundRequest {
  return hasType(value) && BACKGROUND_TYPES.includes(value.type);
}

export function isActiveMessage(value: unknown): value is ActiveMessage {
  return hasType(value) && value.type === 'csto-lens/active' && typeof (value as { active?: unknown }).active === 'boolean';
}
