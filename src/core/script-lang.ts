// Guess a text's language from the script of its letters (Arabic, Cyrillic, Latin). Pure, for pages without `lang`.
import type { Lang } from './pack.ts';

/** The language whose script holds most letters among the first `limit` characters; null when there are none. */
export function langFromScript(text: string, limit = 4000): Lang | null {
  let arabic = 0;
  let cyrillic = 0;
  let latin = 0;
  const end = Math.min(text.length, limit);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
    else if (c >= 0x0400 && c <= 0x04ff) cyrillic++;
    else if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfeff)) arabic++;
  }
  const best = Math.max(arabic, cyrillic, latin);
  if (best === 0) return null;
  return best === arabic ? 'ar' : best === cyrillic ? 'ru' : 'en';
}

/** The language of a BCP 47 tag if it is one we know ("ar-EG" -> "ar"); null otherwise. */
export function langFromTag(tag: string | null | undefined): Lang | null {
  const code = (tag ?? '').trim().slice(0, 2).toLowerCase();
  return code === 'ar' || code === 'en' || code === 'ru' ? code : null;
}
