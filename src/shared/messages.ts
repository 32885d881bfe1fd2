// Messages between the extension's parts. The "csto-lens/mentions" shape is a fixed contract (GUIDE.md section 3).
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

/**
 * Content script (a card's "more" link) -> background: open the full card on the options page, as of `date` (the
 * article's day) when given. Pages cannot link to extension pages themselves, so the background opens the tab.
 */
export interface OpenCardMessage {
  type: 'csto-lens/open-card';
  entity: string;
  date?: string | null;
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

export type ContentRequest = MentionsRequest | GoToMessage | CommandMessage;
export type BackgroundRequest = PageStatusMessage | OpenCardMessage;

function hasType(value: unknown): value is { type: unknown } {
  return typeof value === 'object' && value !== null && 'type' in value;
}

export function isContentRequest(value: unknown): value is ContentRequest {
  return hasType(value) && (value.type === 'csto-lens/mentions' || value.type === 'csto-lens/go-to' || value.type === 'csto-lens/command');
}

export function isBackgroundRequest(value: unknown): value is BackgroundRequest {
  return hasType(value) && (value.type === 'csto-lens/page-status' || value.type === 'csto-lens/open-card');
}

/** The options page's address for one entity's full card: "src/options/index.html#entity=ID[&date=YYYY-MM-DD]". */
export function optionsCardPath(entity: string, date?: string | null): string {
  const params = new URLSearchParams({ entity });
  if (date) params.set('date', date);
  return `src/options/index.html#${params.toString()}`;
}
