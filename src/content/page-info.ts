// What the page says about itself: the article's publication day and its language. The DOM side gathers strings;
// the decisions are pure functions in src/core.
import type { Lang } from '../core/pack.ts';
import { publishedDay, type DateEvidence } from '../core/published-date.ts';
import { langFromScript, langFromTag } from '../core/script-lang.ts';

const DATE_METAS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[property="og:published_time"]',
  'meta[property="og:article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="dc.date.issued"]',
  'meta[name="DC.date.issued"]',
];

export function dateEvidence(doc: Document, root: Element | null): DateEvidence {
  // One query for all the metas, then ordered by the strength of each selector.
  const found = [...doc.querySelectorAll(DATE_METAS.join(','))];
  const metas: string[] = [];
  for (const selector of DATE_METAS) {
    for (const meta of found) {
      const content = meta.matches(selector) ? meta.getAttribute('content') : null;
      if (content) metas.push(content);
    }
  }
  // itemprop=datePublished on other elements (<time itemprop="datePublished" datetime="…">).
  for (const element of doc.querySelectorAll('[itemprop="datePublished"]:not(meta)')) {
    const value = element.getAttribute('datetime') ?? element.getAttribute('content');
    if (value) metas.push(value);
  }
  const jsonLd = [...doc.querySelectorAll('script[type="application/ld+json"]')].map((script) => script.textContent ?? '');
  const times = root ? [...root.querySelectorAll('time[datetime]')].map((time) => time.getAttribute('datetime') ?? '') : [];
  return { metas, jsonLd, times, url: doc.location?.href ?? '' };
}

export function detectPublished(doc: Document, root: Element | null): string | null {
  return publishedDay(dateEvidence(doc, root));
}

/** The page language: the text root's nearest lang, the document's, else the script of the text. */
export function detectLang(doc: Document, root: Element | null, sample: () => string): Lang | null {
  const tagged = root?.closest('[lang]')?.getAttribute('lang') ?? doc.documentElement.getAttribute('lang');
  return langFromTag(tagged) ?? langFromScript(sample());
}
