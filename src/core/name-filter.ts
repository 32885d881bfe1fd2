// A pre-check before the matcher: "can any name of the lexicon occur in this text?", cheap enough to run on every
// block of a page before the matcher (its lexicon and automaton) is even loaded. It may say yes when no name is there
// (the matcher then decides); it never says no when the matcher would find a candidate. No DOM, no browser API.
//
// Why that holds: the matcher walks its trie only from word starts (after up to two Arabic clitic letters), units that
// folding removes are transparent inside words, and every word of a key must match a whole word of the text (a key
// ends only at a word end, and a separator of the key only matches that separator; a space matches a run of
// whitespace). So a text where the matcher finds a key K has, at some word start, the first word of K — and, when K
// has a second word, K's first word, its separators and its second word. The filter looks for exactly that, by hash:
// - singles: keys of one word (or one word and trailing separators);
// - firsts / pairs: for keys of several words, the first word, and the first word + separators + the start of the
//   second word (its first SECOND_WORD_UNITS units: equal words have equal starts).
// Folding is the matcher's own (normalize.ts, unit by unit); a text with a unit that needs NFKC with its neighbours
// (ligatures, decomposed letters, surrogates) is always a "maybe". The property test in tests/unit/name-filter.test.ts
// holds it to the real matcher.
import { arabicArticleVariants, ARABIC_CONJUNCTIONS, ARABIC_PREPOSITIONS } from './forms.ts';
import type { Lexicon } from './lexicon.ts';
import { KIND_COMPLEX, KIND_DROP, KIND_WORD, foldUnit, unitKind } from './normalize.ts';

/** What the content script ships: each list is patterns (already folded) joined by "\n" (no key holds one). */
export interface NameFilterData {
  version: 1;
  /** Keys of one word, and trailing separators at most. */
  singles: string;
  /** The first word + separators + the first units of the second word, of every key of several words. */
  pairs: string;
}

const SEPARATOR = '\n';
const SPACE = 0x20;
const HASH_SEED = 0x811c9dc5;
/** Of the second word, pairs keep this many units: enough to tell "united states" from "united we stand". */
const SECOND_WORD_UNITS = 3;

/** FNV-1a over UTF-16 units: collisions only make a false "maybe". */
function step(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, 0x01000193);
}

/** Whether a (folded) unit of a pattern is part of a word, as the text side decides it (unitKind). */
function patternWordUnit(unit: number): boolean {
  return unitKind(unit) === KIND_WORD;
}

/** The patterns of a lexicon's keys (with the Arabic article variants the matcher adds), for the build. */
export function buildNameFilter(lexicon: Lexicon): NameFilterData {
  const singles = new Set<string>();
  const pairs = new Set<string>();
  for (const key of lexicon.keys) {
    for (const variant of arabicArticleVariants(key)) {
      const text = variant.text;
      const word = (i: number) => i < text.length && patternWordUnit(text.charCodeAt(i));
      let i = 0;
      while (word(i)) i++;
      const firstEnd = i;
      while (i < text.length && !word(i)) i++;
      if (i === text.length) {
        singles.add(text.slice(0, firstEnd));
        continue;
      }
      const secondStart = i;
      while (word(i) && i < secondStart + SECOND_WORD_UNITS) i++;
      pairs.add(text.slice(0, i));
    }
  }
  for (const pattern of [...singles, ...pairs]) if (pattern.includes(SEPARATOR) || pattern.length === 0) throw new Error(`name filter: unusable key ${JSON.stringify(pattern)}`);
  return { version: 1, singles: [...singles].sort().join(SEPARATOR), pairs: [...pairs].sort().join(SEPARATOR) };
}

export interface NameFilter {
  /** False only when no key of the lexicon can be found in `text` by the matcher. */
  mayMention(text: string): boolean;
}

export function createNameFilter(data: NameFilterData): NameFilter {
  const singles = new Set<number>();
  const firsts = new Set<number>();
  const pairs = new Set<number>();
  for (const pattern of data.singles.split(SEPARATOR)) {
    let hash = HASH_SEED;
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      if (!patternWordUnit(unit)) break;
      hash = step(hash, unit);
    }
    singles.add(hash);
  }
  for (const pattern of data.pairs.split(SEPARATOR)) {
    let hash = HASH_SEED;
    let i = 0;
    for (; i < pattern.length && patternWordUnit(pattern.charCodeAt(i)); i++) hash = step(hash, pattern.charCodeAt(i));
    firsts.add(hash);
    for (; i < pattern.length; i++) hash = step(hash, pattern.charCodeAt(i));
    pairs.add(hash);
  }
  const clitic = new Set([...ARABIC_CONJUNCTIONS, ...ARABIC_PREPOSITIONS].map((letter) => letter.charCodeAt(0)));

  /** Whether a name may start at the word unit `p` (the text has no complex unit). */
  function mayStartAt(text: string, p: number): boolean {
    const n = text.length;
    let hash = HASH_SEED;
    let i = p;
    for (; i < n; i++) {
      const unit = text.charCodeAt(i);
      const kind = unitKind(unit);
      if (kind === KIND_DROP) continue;
      if (kind !== KIND_WORD) break;
      hash = step(hash, foldUnit(unit));
    }
    if (singles.has(hash)) return true;
    if (!firsts.has(hash)) return false;
    // The separators (a run of whitespace folds to one space), then the second word.
    let last = -1;
    let seps = 0;
    for (; i < n; i++) {
      const unit = text.charCodeAt(i);
      const kind = unitKind(unit);
      if (kind === KIND_DROP) continue;
      if (kind === KIND_WORD) break;
      const folded = foldUnit(unit);
      if (folded === SPACE && last === SPACE) continue;
      hash = step(hash, folded);
      last = folded;
      seps++;
    }
    if (seps === 0) return false;
    for (let taken = 0; i < n && taken < SECOND_WORD_UNITS; i++) {
      const unit = text.charCodeAt(i);
      const kind = unitKind(unit);
      if (kind === KIND_DROP) continue;
      if (kind !== KIND_WORD) break;
      hash = step(hash, foldUnit(unit));
      taken++;
    }
    return pairs.has(hash);
  }

  /** The next word unit at or after `i` (units that folding removes skipped), or -1. */
  function nextWordUnit(text: string, i: number): number {
    for (; i < text.length; i++) {
      const kind = unitKind(text.charCodeAt(i));
      if (kind === KIND_WORD) return i;
      if (kind !== KIND_DROP) return -1;
    }
    return -1;
  }

  return {
    mayMention(text) {
      const n = text.length;
      // Anything that needs NFKC across units: let the matcher decide.
      for (let i = 0; i < n; i++) if (unitKind(text.charCodeAt(i)) === KIND_COMPLEX) return true;
      let inWord = false;
      for (let i = 0; i < n; i++) {
        const kind = unitKind(text.charCodeAt(i));
        if (kind === KIND_DROP) continue;
        if (kind !== KIND_WORD) {
          inWord = false;
          continue;
        }
        if (inWord) continue;
        inWord = true;
        if (mayStartAt(text, i)) return true;
        // After one or two Arabic clitic letters (وب، فل…), the matcher walks again from the next letter.
        let at = i;
        for (let level = 0; level < 2 && clitic.has(foldUnit(text.charCodeAt(at))); level++) {
          at = nextWordUnit(text, at + 1);
          if (at < 0) break;
          if (mayStartAt(text, at)) return true;
        }
      }
      return false;
    },
  };
}
