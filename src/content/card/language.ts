// Which language a card speaks, and which theme it wears: pure decisions from the settings and the context.
import { LANGS, type Lang } from '../../core/pack.ts';
import type { CardLanguage, Theme } from '../../core/settings.ts';

function asLang(code: string | null | undefined): Lang | null {
  const short = (code ?? '').slice(0, 2).toLowerCase();
  return (LANGS as readonly string[]).includes(short) ? (short as Lang) : null;
}

/** auto: the browser's interface language; page: the article's language; or a fixed one. English as a last resort. */
export function resolveCardLang(setting: CardLanguage, uiLanguage: string, pageLang: Lang | null): Lang {
  if (setting !== 'auto' && setting !== 'page') return setting;
  if (setting === 'page' && pageLang) return pageLang;
  return asLang(uiLanguage) ?? pageLang ?? 'en';
}

/** The theme attribute the card host carries: 'auto' leaves it to prefers-color-scheme. */
export function themeAttribute(theme: Theme): 'light' | 'dark' | 'auto' {
  return theme === 'light' || theme === 'dark' ? theme : 'auto';
}

export { asLang };
