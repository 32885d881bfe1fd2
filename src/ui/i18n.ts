// Interface strings through browser.i18n (public/_locales), and the interface language and direction.
import browser from '../shared/browser.ts';
import { LANGS, type Lang } from '../core/pack.ts';
import type { CardLanguage } from '../core/settings.ts';

/** A message of public/_locales; the key itself when missing, so a gap shows instead of an empty label. */
export function t(key: string, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The interface language: the browser's, when it is one of ours, else English (the default locale). */
export function uiLang(): Lang {
  const code = browser.i18n.getUILanguage().slice(0, 2).toLowerCase();
  return (LANGS as readonly string[]).includes(code) ? (code as Lang) : 'en';
}

/** The language a card is shown in, from the setting, the interface language and the article's language. */
export function cardLanguage(setting: CardLanguage, pageLang: Lang | null): Lang {
  if (setting === 'auto') return uiLang();
  if (setting === 'page') return pageLang ?? uiLang();
  return setting;
}

export function dirOf(lang: Lang): 'ltr' | 'rtl' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** Wrap a left-to-right value (a hostname, a date) so it keeps its shape inside Arabic text: first-strong isolate. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** Set the page's lang and dir from the interface language (Arabic: right to left throughout). */
export function applyDocumentLanguage(title: string): void {
  const lang = uiLang();
  document.documentElement.lang = lang;
  document.documentElement.dir = dirOf(lang);
  document.title = title;
}
