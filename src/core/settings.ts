// The user's settings: types and defaults. Repair of stored values and migrations live beside them
// (issue 7 hardens these); everything here is pure so the popup, the options page and the content script share it.
import { CATEGORIES, LANGS, type Category, type Lang } from './pack.ts';

export const SETTINGS_VERSION = 1;
export const MARK_STYLES = ['underline', 'background', 'none'] as const;
export type MarkStyle = (typeof MARK_STYLES)[number];
export const CARD_LANGUAGES = ['auto', 'page', ...LANGS] as const;
/** auto: the browser's interface language; page: the article's language; or a fixed language. */
export type CardLanguage = 'auto' | 'page' | Lang;
export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface Settings {
  version: number;
  enabled: boolean;
  /** Hostnames where the extension is switched off. */
  disabledSites: string[];
  categories: Record<Category, boolean>;
  markStyle: MarkStyle;
  firstMentionOnly: boolean;
  /** Hover intent: how long the pointer rests on a mark before its card shows. */
  hoverDelayMs: number;
  cardLanguage: CardLanguage;
  theme: Theme;
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  enabled: true,
  disabledSites: [],
  categories: Object.fromEntries(CATEGORIES.map((c) => [c, true])) as Record<Category, boolean>,
  markStyle: 'underline',
  firstMentionOnly: false,
  hoverDelayMs: 450,
  cardLanguage: 'auto',
  theme: 'auto',
};

/** Whether annotations run on a page of this hostname. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(hostname.toLowerCase());
}
