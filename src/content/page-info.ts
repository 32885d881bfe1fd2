// What the page says about itself: the article's publication day and its language. The DOM side gathers strings;
// the decisions are pure functions in src/core.
import type { Lang } from '../core/pack.ts';
import { dateMetaContents, publishedDay, type DateEvidence } from '../core/published-date.ts';
import { langFromScript, langFromTag } from '../core/script-lang.ts';

export function dateEvidence(doc: Document, root: Element | null): DateEvidence {
  const metas = dateMetaContents(
    [...doc.querySelectorAll('meta[content]')].map((meta) => ({
      name: meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '',
      content: meta.getAttribute('content') ?? '',
    })),
  );
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

/** The first few thousand characters of a root's text: enough to tell its script (detectLang's sample). */
export function textSample(root: Element): string {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let sample = '';
  while (sample.length < 4000 && walker.nextNode()) sample += (walker.currentNode as Text).data;
  return sample;
}
