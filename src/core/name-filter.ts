// A pre-check before the matcher: "can any name of the lexicon occur in this text?", cheap enough to run on every
// block of a page before the matcher (its lexicon and automaton) is even loaded. It may say yes when no name is there
// (the matcher then decides); it never says no when the matcher would find a candidate. No DOM, no browser API.
//
// Why that holds: the matcher walks its trie only from word starts (after up to two Arabic clitic letters), units that
// folding removes are transparent inside words, and every word of a key must match a whole word of the text (a key
// ends only at a word end, and a separator of the key only matches that separator; a space matches a run of
// whitespace). So a text where the matcher finds a key K has, at some word start, the first word of K — and, when K
// has a second word, K's first word, its separators and its second word. The filter looks for exactly that:
// - singles: keys of one word (or one word and trailing separators);
// - firsts / pairs: for keys of several words, the first word, and the first word + separators + the start of the
//   second word (its first SECOND_WORD_UNITS units: equal words have equal starts).
// The words ship as text; pairs as 30-bit hashes made at build time.
// Folding is the matcher's own (normalize.ts, unit by unit); a text with a unit that needs NFKC with its neighbours
// (ligatures, decomposed letters, surrogates) is always a "maybe". Plain ar/en/ru text (NOT_PLAIN) is checked with the
// browser's string functions instead of a loop over units: word by word against Sets of the words themselves. The
// property tests in tests/unit/name-filter.test.ts hold both paths to the real matcher.
import { arabicArticleVariants, ARABIC_CONJUNCTIONS, ARABIC_PREPOSITIONS } from './forms.ts';
import type { Lexicon } from './lexicon.ts';
import { KIND_COMPLEX, KIND_DROP, KIND_SEP, KIND_WORD, foldUnit, unitFolds, unitKind, unitKinds } from './normalize.ts';

/** What the content script ships (as JSON), see the header. */
export interface NameFilterData {
  version: 3;
  /** The first word of every key of one word (trailing separators, if any, left out), joined by "\n". */
  singleWords: string;
  /** The first word of every key of several words, joined by "\n". */
  firstWords: string;
  /** 30-bit hashes of their first word + separators + the first units of their second word. */
  pairs: number[];
}

const SPACE = 0x20;
const HASH_SEED = 0x011c9dc5;
const HASH_PRIME = 0x01000193;
/** Hashes stay small integers (30 bits): a cold page's interpreter would box every larger one on the heap. */
const HASH_MASK = 0x3fffffff;
/** Of the second word, pairs keep this many units: enough to tell "united states" from "united we stand". */
const SECOND_WORD_UNITS = 3;

/** FNV-1a over UTF-16 units, kept to 30 bits: a collision only makes a false "maybe". */
function hashUnits(text: string, from: number, to: number, seed = HASH_SEED): number {
  let hash = seed;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), HASH_PRIME) & HASH_MASK;
  return hash;
}

/** Whether a (folded) unit of a key is part of a word, as the text side decides it. */
function wordUnit(unit: number): boolean {
  return unitKind(unit) === KIND_WORD;
}

/** The patterns of a lexicon's keys (with the Arabic article variants the matcher adds), for the build. */
export function buildNameFilter(lexicon: Lexicon): NameFilterData {
  const pairs = new Set<number>();
  const singleWords = new Set<string>();
  const firstWords = new Set<string>();
  for (const key of lexicon.keys) {
    for (const variant of arabicArticleVariants(key)) {
      // Keys are folded, with single spaces: their units are what the text side hashes.
      const text = variant.text;
      const word = (i: number) => i < text.length && wordUnit(text.charCodeAt(i));
      let i = 0;
      while (word(i)) i++;
      const firstEnd = i;
      if (firstEnd === 0) throw new Error(`name filter: a key that starts with no word: ${JSON.stringify(text)}`);
      while (i < text.length && !word(i)) i++;
      if (i === text.length) {
        singleWords.add(text.slice(0, firstEnd));
        continue;
      }
      const secondStart = i;
      while (word(i) && i < secondStart + SECOND_WORD_UNITS) i++;
      firstWords.add(text.slice(0, firstEnd));
      pairs.add(hashUnits(text, 0, i));
    }
  }
  const words = (set: Set<string>) => [...set].sort().join('\n');
  return { version: 3, singleWords: words(singleWords), firstWords: words(firstWords), pairs: [...pairs].sort((a, b) => a - b) };
}

export interface NameFilter {
  /** False only when no key of the lexicon can be found in `text` by the matcher. */
  mayMention(text: string): boolean;
}

// Plain text: the usual units of ar/en/ru text, where the browser's own string functions fold as normalize.ts does
// (toLowerCase, then ё → е, آ أ إ → ا, ى → ي, ة → ه, one unit for one) and a character class tells words from
// separators (no unit that folding removes, none that needs NFKC). There the filter needs no loop over units: one
// native match gives the words (tests/unit/name-filter.test.ts checks these classes against normalize.ts).
/** Any unit outside plain text (control characters other than whitespace included: they are rare). */
export const NOT_PLAIN = /[^\t\n\v\f\r -\x7f\u00a0\u00ab\u00bb\u00c0-\u00ff\u0400-\u045f\u060c\u061b\u061f\u0621-\u063a\u0641-\u064a\u0660-\u0669\u200b\u2013\u2014\u2018\u2019\u201c-\u201e\u2022\u2026]/;
/** The word units of plain text once folded (the letters that fold away are gone: uppercase, ё, آ أ إ ى ة). */
const PLAIN_WORD = '0-9a-z\\u00df-\\u00f6\\u00f8-\\u00ff\\u0430-\\u0450\\u0452-\\u045f\\u0621\\u0624\\u0626-\\u0628\\u062a-\\u063a\\u0641-\\u0648\\u064a\\u0660-\\u0669';
const CLITICS = [...ARABIC_CONJUNCTIONS, ...ARABIC_PREPOSITIONS].join('');
/** The words of folded plain text. */
export const PLAIN_WORDS = new RegExp(`[${PLAIN_WORD}]+`, 'g');

/**
 * The words plus what follows one or two Arabic clitic letters at their start (وروسيا → روسيا, وبروسيا → روسيا): the
 * matcher walks again from there. A loop over the words rather than two look-behind RegExps: a cold page pays for
 * compiling every RegExp it runs.
 */
function withCliticsStripped(words: string[]): string[] {
  const more: string[] = [];
  for (const word of words) {
    if (word.length < 2 || !CLITICS.includes(word[0]!)) continue;
    more.push(word.slice(1));
    if (word.length > 2 && CLITICS.includes(word[1]!)) more.push(word.slice(2));
  }
  return more.length > 0 ? words.concat(more) : words;
}

/** Whether two Sets share an element: natively where the engine has Set methods (Chrome 122, Firefox 127). */
function intersects(a: Set<string>, b: Set<string>): boolean {
  if (typeof (a as { isDisjointFrom?: unknown }).isDisjointFrom === 'function') return !(a as unknown as { isDisjointFrom(other: Set<string>): boolean }).isDisjointFrom(b);
  for (const item of a) if (b.has(item)) return true;
  return false;
}

/** Plain text folded as normalize.ts would, unit for unit, by the browser's string functions. */
export function foldPlain(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[آأإ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه');
}

export function createNameFilter(data: NameFilterData): NameFilter {
  // The hashes serve the unit-by-unit check only: plain text (most pages) never makes these Sets.
  let singles: Set<number> | null = null;
  let firsts: Set<number> | null = null;
  let pairs: Set<number> | null = null;
  const singleWords = new Set(data.singleWords.split('\n'));
  const firstWords = new Set(data.firstWords.split('\n'));
  const clitic = new Set([...ARABIC_CONJUNCTIONS, ...ARABIC_PREPOSITIONS].map((letter) => letter.charCodeAt(0)));
  // The loops below read normalize.ts's tables directly: a call per unit costs a cold page too much.
  const kinds = unitKinds;
  const folds = unitFolds;
  const kindOf = (unit: number) => kinds[unit] || unitKind(unit);

  /** Where the last word hashed by hashWord ended, and whether a unit that needs NFKC ended it. */
  let wordEnd = 0;
  let complex = false;
  /** The same for the first word of the last mayStartAt (the main loop goes on from there). */
  let firstEnd = 0;
  let firstComplex = false;

  /** The hash of the word units from `i` on (units folding removes skipped), at most `limit` of them. */
  function hashWord(text: string, i: number, seed: number, limit: number): number {
    let h = seed;
    complex = false;
    for (let taken = 0; i < text.length && taken < limit; i++) {
      const unit = text.charCodeAt(i);
      const kind = kinds[unit] || unitKind(unit);
      if (kind === KIND_DROP) continue;
      if (kind !== KIND_WORD) {
        complex = kind === KIND_COMPLEX;
        break;
      }
      h = Math.imul(h ^ folds[unit]!, HASH_PRIME) & HASH_MASK;
      taken++;
    }
    wordEnd = i;
    return h;
  }

  /** Whether a name may start at the word unit `p`. */
  function mayStartAt(text: string, p: number): boolean {
    const first = hashWord(text, p, HASH_SEED, Infinity);
    firstEnd = wordEnd;
    firstComplex = complex;
    if (singles!.has(first)) return true;
    if (!firsts!.has(first)) return false;
    // The separators (a run of whitespace folds to one space), then the start of the second word.
    let h = first;
    let last = -1;
    let i = wordEnd;
    for (; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      const kind = kindOf(unit);
      if (kind === KIND_DROP) continue;
      if (kind !== KIND_SEP) break;
      const folded = foldUnit(unit);
      if (folded === SPACE && last === SPACE) continue;
      h = Math.imul(h ^ folded, HASH_PRIME) & HASH_MASK;
      last = folded;
    }
    // (A unit that needs NFKC here is met again by the main loop of mayMention.)
    if (last < 0 || i >= text.length || kindOf(text.charCodeAt(i)) !== KIND_WORD) return false;
    return pairs!.has(hashWord(text, i, h, SECOND_WORD_UNITS));
  }

  /** The next word unit at or after `i` (units that folding removes skipped), or -1. */
  function nextWordUnit(text: string, i: number): number {
    for (; i < text.length; i++) {
      const kind = kindOf(text.charCodeAt(i));
      if (kind === KIND_WORD) return i;
      if (kind !== KIND_DROP) return -1;
    }
    return -1;
  }

  /** The careful check: unit by unit, any text. */
  function mayMentionAnyText(text: string): boolean {
    if (!singles) {
      const hashes = (words: Set<string>) => new Set([...words].map((word) => hashUnits(word, 0, word.length)));
      singles = hashes(singleWords);
      firsts = hashes(firstWords);
      pairs = new Set(data.pairs);
    }
    const n = text.length;
    let i = 0;
    while (i < n) {
      const unit = text.charCodeAt(i);
      const kind = kinds[unit] || unitKind(unit);
      // Anything that needs NFKC across units: let the matcher decide.
      if (kind === KIND_COMPLEX) return true;
      if (kind !== KIND_WORD) {
        i++;
        continue;
      }
      // A word start (units folding removes before it belong to it, as in the matcher).
      if (mayStartAt(text, i)) return true;
      // After one or two Arabic clitic letters (وب، فل…), the matcher walks again from the next letter.
      let at = i;
      for (let level = 0; level < 2 && clitic.has(folds[text.charCodeAt(at)]!); level++) {
        at = nextWordUnit(text, at + 1);
        if (at < 0) break;
        if (mayStartAt(text, at)) return true;
      }
      // On after the word, which mayStartAt read whole; a unit that needs NFKC ended it: let the matcher decide.
      if (firstComplex) return true;
      i = firstEnd;
    }
    return false;
  }

  return {
    mayMention(text) {
      if (NOT_PLAIN.test(text)) return mayMentionAnyText(text);
      const folded = foldPlain(text);
      let words: string[] | null = folded.match(PLAIN_WORDS);
      if (!words) return false;
      // With what follows Arabic clitic letters (وروسيا → روسيا), as the unit-by-unit check does.
      words = withCliticsStripped(words);
      // No loop over the words here: Sets compare natively.
      const found = new Set(words);
      if (intersects(found, singleWords)) return true;
      // The start of a longer name: whether the next words follow is for the careful check.
      if (intersects(found, firstWords)) return mayMentionAnyText(text);
      return false;
    },
  };
}
