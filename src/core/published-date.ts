// The article's publication day from the strings a page offers (meta tags, JSON-LD, <time>, its URL).
// Pure: the content script gathers the strings, this decides. Every function returns "YYYY-MM-DD" or null.
import { isIsoDay, type IsoDay } from './dates.ts';

/** "2021-08-31", "2021-08-31T08:05:00Z", "2021-08-31 08:05" -> "2021-08-31"; anything else -> null. */
export function dayFromIsoText(text: string | null | undefined): IsoDay | null {
  if (!text) return null;
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text);
  if (!match) return null;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  return isIsoDay(day) ? day : null;
}

/** The first datePublished in a JSON-LD script text: a single object, an array, or an @graph, nested at any depth. */
export function dayFromJsonLd(jsonText: string): IsoDay | null {
  let data: unknown;
  try {
    data = JSON.parse(jsonText);
  } catch {
    return null;
  }
  return findDatePublished(data, 0);
}

function findDatePublished(value: unknown, depth: number): IsoDay | null {
  if (depth > 8 || typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const day = findDatePublished(item, depth + 1);
      if (day) return day;
    }
    return null;
  }
  const record = value as Record<string, unknown>;
  const own = record.datePublished;
  const ownText = Array.isArray(own) ? own[0] : own;
  if (typeof ownText === 'string') {
    const day = dayFromIsoText(ownText);
    if (day) return day;
  }
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement']) {
    const day = findDatePublished(record[key], depth + 1);
    if (day) return day;
  }
  return null;
}

/** A date in a URL path: /2021/08/31/ or /2021-08-31/ (as news sites write them); null when none is valid. */
export function dayFromUrl(url: string): IsoDay | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  const match = /(?:^|\/)((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})(?:\/|[-_.]|$)/.exec(path);
  if (!match) return null;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  return isIsoDay(day) ? day : null;
}

/** Meta tags that carry the publication time (by property, name or itemprop, any case), strongest first. */
export const DATE_META_KEYS = [
  'article:published_time',
  'og:published_time',
  'og:article:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'date',
  'dc.date.issued',
];

/** A page's meta tags as name (property, name or itemprop) and content. */
export interface MetaTag {
  name: string;
  content: string;
}

/** The contents of the metas that carry a publication time, strongest key first (DateEvidence.metas). */
export function dateMetaContents(metas: readonly MetaTag[]): string[] {
  const contents: string[] = [];
  for (const key of DATE_META_KEYS) for (const meta of metas) if (meta.name.toLowerCase() === key) contents.push(meta.content);
  return contents;
}

/** What a page offers, strongest evidence first within each list. */
export interface DateEvidence {
  /** Contents of article:published_time, og:published_time, itemprop=datePublished and similar metas. */
  metas: string[];
  /** Texts of <script type="application/ld+json">. */
  jsonLd: string[];
  /** datetime attributes of <time> elements inside the article. */
  times: string[];
  url: string;
}

/** The publication day: metas, then JSON-LD, then the article's <time>, then the URL; null when unknown. */
export function publishedDay(evidence: DateEvidence): IsoDay | null {
  for (const text of evidence.metas) {
    const day = dayFromIsoText(text);
    if (day) return day;
  }
  for (const text of evidence.jsonLd) {
    const day = dayFromJsonLd(text);
    if (day) return day;
  }
  for (const text of evidence.times) {
    const day = dayFromIsoText(text);
    if (day) return day;
  }
  return dayFromUrl(evidence.url);
}
