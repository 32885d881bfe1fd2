// The matcher: every mention of every entity in a text, in one pass. No DOM, no browser API.
//
// How it works
// - The lexicon's keys (already folded, with their Russian and English forms) go into one trie, stored as a double
//   array: one transition is two array reads. Walks start only at word starts, so the automaton needs no failure
//   links. Arabic attached clitics are handled at the word's left boundary: when a walk that started on و ف ب ك ل
//   finds nothing, the pass walks again from the next letter (twice at most: conjunction, then preposition), so
//   وروسيا, بأفغانستان, وللمنظمة… are found, and the mention is the name without the clitic. Keys with the article
//   also exist in their لل form (للناتو), valid only after the clitic ل (forms.ts explains the choice).
// - The pass folds and walks at once: a 64K table gives, for each UTF-16 unit, its class (word, separator, removed)
//   and its symbol in the trie's alphabet after folding. A text that needs real NFKC somewhere (a ligature, a
//   decomposed й, a stress mark, mathematical letters) is folded by normalize.ts first and walked with its offset map;
//   both paths give the same mentions (tested).
// - Word boundaries: a key matches only from a word start to a word end, in every script (so تاس is not found in
//   تاسع, Зас not in Заседание, Путина not in Путинская). A space in a key matches any run of whitespace. Longest match
//   wins and matches do not overlap ("روسيا البيضاء" is Belarus, not Russia; "الولايات المتحدة الأمريكية" is one
//   mention when the pack lists it). Multi-word keys that fail half-way restart at the next word.
// - Checks on each match (rare, so off the hot path): case-sensitive keys (CSTO, ТАСС), single-word names that must
//   start with a capital (Лавров, not лавров), and no match inside a URL, an e-mail address, a handle or a domain.
// - Ambiguity is decided per document (resolveDocument): an ambiguous key counts only when the same document names
//   the entity, or an entity related to it, unambiguously somewhere.
import { ARABIC_CONJUNCTIONS, ARABIC_PREPOSITIONS, arabicArticleVariants } from './forms.ts';
import type { Lexicon } from './lexicon.ts';
import { SENSE_AMBIGUOUS, SENSE_CAP, SENSE_CASE, buildLexicon } from './lexicon.ts';
import { KIND_COMPLEX, KIND_DROP, KIND_WORD, fold, foldNormalizedUnit, foldUnit, originalRange, unitKind, type Folded } from './normalize.ts';
import type { Category, Lang, Pack } from './pack.ts';
import { CATEGORIES } from './pack.ts';

// ---------------------------------------------------------------- public types

export interface Sense {
  entity: string;
  ambiguous: boolean;
}

/** A match in one block, before the document decides on ambiguous names. Offsets are UTF-16, into the block. */
export interface Candidate {
  start: number;
  end: number;
  text: string;
  /** The entities this text can name, those that need no context first. */
  senses: Sense[];
}

export interface Mention {
  entity: string;
  /** UTF-16 offsets into the original text of the block. */
  start: number;
  end: number;
  text: string;
  /** Index of the block in the list given to resolveDocument (0 for scanText). */
  block: number;
}

/** Words in each script: Arabic, Latin (counted as English) and Cyrillic (counted as Russian). */
export type ScriptCounts = Record<Lang, number>;

export interface BlockScan {
  /** The language given in the options, or the script most words are written in; null without letters. */
  lang: Lang | null;
  words: ScriptCounts;
  candidates: Candidate[];
}

export interface ScanOptions {
  /** The block's language when known; 'auto' or absent: detected by script. */
  lang?: Lang | 'auto';
}

export interface ResolveOptions {
  /** Keep only the first mention of each entity in the document. */
  firstMentionOnly?: boolean;
  /** Keep only entities of these categories. Ambiguous names are still resolved with all entities as context. */
  categories?: readonly Category[];
  /** Keep only these entity ids. */
  entities?: readonly string[];
}

export interface TextScan {
  lang: Lang | null;
  mentions: Mention[];
}

// ---------------------------------------------------------------- the table of units

// T[unit] = symbol << 4 | script << 2 | class. Class 0 is "look closer": not computed yet, a surrogate, or a unit
// that needs NFKC with its neighbours.
const C_SPECIAL = 0;
const C_WORD = 1;
const C_SEP = 2;
const C_DROP = 3;
const S_OTHER = 0;
const S_LATIN = 1;
const S_CYRILLIC = 2;
const S_ARABIC = 3;
const V_COMPLEX = 0xfff0; // class 0, not 0: computed, needs the slow path
const V_SURROGATE = 0xffe0;
const DROP_EXTENDS = 4; // in a DROP entry: a mark, the match end extends over it (tashkeel), unlike a bidi mark

const ROOT = 1;
const DEAD = 0;
const HIT = 4; // a hit in the hits buffer: start, end, slot, clitic letters before start

function scriptOf(unit: number): number {
  if (unit < 0x80) return (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a ? S_LATIN : S_OTHER;
  if (unit >= 0x0400 && unit <= 0x052f) return S_CYRILLIC;
  if ((unit >= 0x0600 && unit <= 0x06ff) || (unit >= 0x0750 && unit <= 0x077f) || (unit >= 0x08a0 && unit <= 0x08ff)) return S_ARABIC;
  if (unit >= 0xfb50 && unit <= 0xfeff) return S_ARABIC;
  if (unit < 0x0250 || (unit >= 0x1e00 && unit <= 0x1eff)) return S_LATIN;
  return S_OTHER;
}

const LANG_OF_SCRIPT: Array<Lang | null> = [null, 'en', 'ru', 'ar'];
const WORD_OR_MARK = /^[\p{L}\p{N}\p{M}]$/u;
const INITIAL_CAPITAL = /^[\p{Lu}\p{Lt}]/u;
const LATIN_LETTER = /^\p{Script=Latin}$/u;
const WHITESPACE = /\s/;

interface Hit {
  start: number;
  end: number;
  slot: number;
  /** Arabic clitic letters before start (in the same word). */
  level: number;
}

// ---------------------------------------------------------------- the matcher

export class Matcher {
  readonly lexicon: Lexicon;
  /** How many trie states the automaton has (a size figure for reports). */
  readonly states: number;
  private readonly alphabet: Map<number, number>;
  private readonly space: number;
  private base: Int32Array;
  private check: Int32Array;
  private term: Uint8Array;
  /** Per terminal slot: [key, afterLam, key, afterLam, …]. */
  private readonly outputs = new Map<number, number[]>();
  /** Per symbol: 1 for the conjunctions و ف, 2 for the prepositions ب ك ل, else 0. */
  private readonly clitic: Uint8Array;
  private readonly lam: number;
  private readonly table = new Uint16Array(0x10000);
  private readonly astral = new Map<number, number>();
  private readonly entityIndex: Map<string, number>;
  private hits: Int32Array = new Int32Array(HIT * 256);

  constructor(lexicon: Lexicon) {
    this.lexicon = lexicon;
    this.entityIndex = new Map(lexicon.ids.map((id, i) => [id, i]));

    // Alphabet: symbol 1 is the space; then the Arabic clitic letters; then every unit of every key.
    this.alphabet = new Map([[0x20, 1]]);
    this.space = 1;
    for (const letter of [...ARABIC_CONJUNCTIONS, ...ARABIC_PREPOSITIONS]) this.alphabet.set(letter.charCodeAt(0), this.alphabet.size + 1);
    const variants: Array<{ text: string; key: number; afterLam: number }> = [];
    lexicon.keys.forEach((key, k) => {
      for (const v of arabicArticleVariants(key)) variants.push({ text: v.text, key: k, afterLam: v.afterLam ? 1 : 0 });
    });
    for (const v of variants) {
      for (let i = 0; i < v.text.length; i++) {
        const c = v.text.charCodeAt(i);
        if (!this.alphabet.has(c)) this.alphabet.set(c, this.alphabet.size + 1);
      }
    }
    if (this.alphabet.size >= 0x0fff) throw new Error('lexicon alphabet too large');
    this.clitic = new Uint8Array(this.alphabet.size + 1);
    for (const letter of ARABIC_CONJUNCTIONS) this.clitic[this.alphabet.get(letter.charCodeAt(0))!] = 1;
    for (const letter of ARABIC_PREPOSITIONS) this.clitic[this.alphabet.get(letter.charCodeAt(0))!] = 2;
    this.lam = 'ل'.charCodeAt(0);

    // The trie, laid out as a double array straight from the sorted variants.
    variants.sort((x, y) => (x.text < y.text ? -1 : x.text > y.text ? 1 : x.afterLam - y.afterLam));
    const layout = layoutDoubleArray(
      variants.map((v) => v.text),
      this.alphabet,
    );
    this.base = layout.base;
    this.check = layout.check;
    this.states = layout.states;
    this.term = new Uint8Array(this.base.length);
    variants.forEach((v, i) => {
      const slot = layout.slotOfKey[i]!;
      const list = this.outputs.get(slot);
      if (list) list.push(v.key, v.afterLam);
      else this.outputs.set(slot, [v.key, v.afterLam]);
      this.term[slot] = 1;
    });
  }

  // ---- the unit table

  private fill(unit: number): number {
    let v: number;
    if (unit >= 0xd800 && unit <= 0xdbff) v = V_SURROGATE;
    else {
      const kind = unitKind(unit);
      if (kind === KIND_COMPLEX) v = unit >= 0xdc00 && unit <= 0xdfff ? C_SEP : V_COMPLEX;
      else if (kind === KIND_DROP) v = C_DROP | (WORD_OR_MARK.test(String.fromCharCode(unit)) ? DROP_EXTENDS : 0);
      else {
        const folded = foldUnit(unit);
        const sym = this.alphabet.get(folded) ?? 0;
        v = (sym << 4) | (kind === KIND_WORD ? (scriptOf(folded) << 2) | C_WORD : C_SEP);
      }
    }
    this.table[unit] = v;
    return v;
  }

  /** A unit of already folded text that the table calls complex (a leftover combining mark): a word unit. */
  private foldedUnit(unit: number): number {
    const folded = foldNormalizedUnit(unit);
    const sym = this.alphabet.get(folded) ?? 0;
    return WORD_OR_MARK.test(String.fromCharCode(unit)) ? (sym << 4) | (S_OTHER << 2) | C_WORD : (sym << 4) | C_SEP;
  }

  private astralClass(cp: number, folded: boolean): number {
    let v = this.astral.get(cp);
    if (v === undefined) {
      const ch = String.fromCodePoint(cp);
      if (!folded && (ch.normalize('NFKC') !== ch || /^\p{M}$/u.test(ch))) v = V_COMPLEX;
      else v = /^[\p{L}\p{N}\p{M}]$/u.test(ch) ? (S_OTHER << 2) | C_WORD : C_SEP;
      if (!folded) this.astral.set(cp, v);
    }
    return v;
  }

  // ---- the pass

  /**
   * Walk a text. Returns the number of hits (in this.hits, HIT numbers each) or -1 when the text needs the slow path
   * (only when `folded` is false). `words` receives word counts per script.
   */
  private walk(text: string, folded: boolean, words: Int32Array): number {
    const table = this.table;
    const base = this.base;
    const check = this.check;
    const term = this.term;
    const clitic = this.clitic;
    const space = this.space;
    const n = text.length;
    let hits = this.hits;
    let h = 0;
    let s = ROOT;
    let start = 0; // where the current walk started
    let wordStart = 0; // where its word started: before the clitic letters
    let level = 0; // clitic letters between wordStart and start
    let retryAt = -1; // after a clitic letter: walk again from here when this walk finds nothing
    let firstClitic = 0;
    let lastEnd = 0; // end of the last unit the walk took (and of the marks after it)
    let second = -1; // the first word start after `start` inside the current walk
    let afterSep = false; // the last unit the walk took was a separator
    let afterSpace = false; // … and it was whitespace
    let recorded = 0; // end of the last hit
    let i = 0;
    for (;;) {
      for (; i < n; i++) {
        let v = table[text.charCodeAt(i)]!;
        let cls = v & 3;
        if (cls === C_SPECIAL) {
          const unit = text.charCodeAt(i);
          if (v === 0) v = this.fill(unit);
          if (v === V_SURROGATE) {
            const low = i + 1 < n ? text.charCodeAt(i + 1) : 0;
            if (low >= 0xdc00 && low <= 0xdfff) {
              v = this.astralClass(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000, folded);
              if (v !== V_COMPLEX) i++;
            } else v = C_SEP;
          }
          if (v === V_COMPLEX) {
            if (!folded) return -1;
            v = this.foldedUnit(unit);
          }
          cls = v & 3;
        }

        if (cls === C_WORD) {
          const sym = v >>> 4;
          if (s === ROOT) {
            start = i;
            second = -1;
            if (level === 0) {
              wordStart = i;
              words[(v >>> 2) & 3]!++;
              if (clitic[sym] !== 0) {
                firstClitic = clitic[sym]!;
                retryAt = i + 1;
              }
            } else if (level === 1 && firstClitic === 1 && clitic[sym] === 2) retryAt = i + 1;
          } else if (afterSep && second < 0) second = i;
          afterSep = false;
          afterSpace = false;
          const t = base[s]! + sym;
          if (check[t] === s) {
            s = t;
            lastEnd = i + 1;
            continue;
          }
          s = ROOT;
          if (retryAt >= 0 && recorded <= wordStart) {
            // The walk from a clitic letter found nothing: walk from the next letter.
            i = retryAt - 1;
            retryAt = -1;
            level++;
            continue;
          }
          retryAt = -1;
          level = 0;
          if (second >= 0) {
            // A multi-word key failed half-way: start again at the next word (or after the last hit).
            i = (recorded > second ? recorded : second) - 1;
            second = -1;
            continue;
          }
          // Not a key: skip the rest of the word.
          s = DEAD;
          while (i + 1 < n && (table[text.charCodeAt(i + 1)]! & 3) === C_WORD) i++;
          continue;
        }

        if (cls === C_SEP) {
          if (term[s] === 1) {
            if (h + HIT > hits.length) hits = this.growHits();
            hits[h++] = start;
            hits[h++] = lastEnd;
            hits[h++] = s;
            hits[h++] = level;
            recorded = lastEnd;
          }
          const sym = v >>> 4;
          if (sym === space && afterSpace) continue; // a run of whitespace is one space
          const t = base[s]! + sym;
          if (check[t] === s) {
            s = t;
            afterSep = true;
            afterSpace = sym === space;
            if (!afterSpace) lastEnd = i + 1;
            continue;
          }
          s = ROOT;
          afterSep = false;
          afterSpace = false;
          if (retryAt >= 0 && recorded <= wordStart) {
            i = retryAt - 1;
            retryAt = -1;
            level++;
            continue;
          }
          retryAt = -1;
          level = 0;
          if (second >= 0) {
            i = (recorded > second ? recorded : second) - 1;
            second = -1;
          }
          continue;
        }

        // Removed by folding: tashkeel and the like extend a match that ends here; bidi marks do not.
        if ((v & DROP_EXTENDS) !== 0 && lastEnd === i) lastEnd = i + 1;
      }
      if (term[s] === 1) {
        if (h + HIT > hits.length) hits = this.growHits();
        hits[h++] = start;
        hits[h++] = lastEnd;
        hits[h++] = s;
        hits[h++] = level;
        recorded = lastEnd;
      }
      if (retryAt >= 0 && recorded <= wordStart) {
        i = retryAt;
        retryAt = -1;
        level++;
        s = ROOT;
        continue;
      }
      if (second >= 0 && recorded < n) {
        i = recorded > second ? recorded : second;
        second = -1;
        level = 0;
        s = ROOT;
        continue;
      }
      return h / HIT;
    }
  }

  private growHits(): Int32Array {
    const bigger = new Int32Array(this.hits.length * 2);
    bigger.set(this.hits);
    this.hits = bigger;
    return bigger;
  }

  /** Find the candidates in one block of text (a paragraph, a heading, a caption). */
  scanBlock(text: string, options: ScanOptions = {}): BlockScan {
    const counts = new Int32Array(4);
    let folded: Folded | null = null;
    let count = this.walk(text, false, counts);
    if (count < 0) {
      counts.fill(0);
      folded = fold(text);
      count = this.walk(folded.text, true, counts);
    }
    const hits: Hit[] = [];
    const raw = this.hits;
    for (let k = 0; k < count * HIT; k += HIT) hits.push({ start: raw[k]!, end: raw[k + 1]!, slot: raw[k + 2]!, level: raw[k + 3]! });
    const words: ScriptCounts = { en: counts[S_LATIN]!, ru: counts[S_CYRILLIC]!, ar: counts[S_ARABIC]! };
    return { lang: chooseLang(options.lang, words), words, candidates: this.candidates(text, folded, hits) };
  }

  private candidates(text: string, folded: Folded | null, hits: Hit[]): Candidate[] {
    const found: Candidate[] = [];
    const run = folded ? folded.text : text;
    for (const hit of hits) {
      const outputs = this.outputs.get(hit.slot);
      if (!outputs) continue;
      for (let o = 0; o < outputs.length; o += 2) {
        const key = outputs[o]!;
        if (outputs[o + 1] === 1 && (hit.level === 0 || this.letterBefore(run, hit.start, folded !== null) !== this.lam)) continue;
        const [start, end] = folded ? originalRange(text, folded, hit.start, hit.end) : [hit.start, hit.end];
        if (insideAddress(text, start, end) || afterApostrophe(text, start)) continue;
        const senses = this.sensesOf(key, text.slice(start, end));
        if (senses.length > 0) found.push({ start, end, text: text.slice(start, end), senses });
      }
    }
    // Longest match wins, then no overlaps.
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: Candidate[] = [];
    let end = 0;
    for (const c of found) {
      if (c.start < end) continue;
      kept.push(c);
      end = c.end;
    }
    return kept;
  }

  /** The folded letter before `at`, skipping what folding removes (the clitic ل before "لناتو"). */
  private letterBefore(run: string, at: number, folded: boolean): number {
    let k = at - 1;
    while (k > 0 && !folded && (this.table[run.charCodeAt(k)]! & 3) === C_DROP) k--;
    return k >= 0 ? foldUnit(run.charCodeAt(k)) : -1;
  }

  private sensesOf(key: number, original: string): Sense[] {
    const list = this.lexicon.senses[key]!;
    const clear: Sense[] = [];
    const ambiguous: Sense[] = [];
    for (let i = 0; i < list.length; i += 2) {
      const flags = list[i + 1]!;
      if ((flags & SENSE_CASE) !== 0) {
        const cased = fold(original, true).text.replace(/ +/g, ' ');
        if (cased !== this.lexicon.cased[String(key)]) continue;
      }
      if ((flags & SENSE_CAP) !== 0 && !INITIAL_CAPITAL.test(original)) continue;
      const sense = { entity: this.lexicon.ids[list[i]!]!, ambiguous: (flags & SENSE_AMBIGUOUS) !== 0 };
      (sense.ambiguous ? ambiguous : clear).push(sense);
    }
    return [...clear, ...ambiguous];
  }

  /**
   * Decide on the candidates of all blocks of one document: an ambiguous name counts only when the document names
   * the same entity, or one related to it, without ambiguity. Then apply the filters and first-mention-only.
   */
  resolveDocument(blocks: ReadonlyArray<readonly Candidate[]>, options: ResolveOptions = {}): Mention[] {
    const sure = new Set<number>();
    for (const block of blocks) {
      for (const c of block) {
        for (const sense of c.senses) {
          const index = this.entityIndex.get(sense.entity);
          if (!sense.ambiguous && index !== undefined) sure.add(index);
        }
      }
    }
    const supported = (entity: string): boolean => {
      const index = this.entityIndex.get(entity);
      if (index === undefined) return false;
      return sure.has(index) || this.lexicon.related[index]!.some((other) => sure.has(other));
    };
    const categories = options.categories ? new Set(options.categories) : null;
    const only = options.entities ? new Set(options.entities) : null;
    const seen = new Set<string>();
    const mentions: Mention[] = [];
    blocks.forEach((block, b) => {
      for (const c of block) {
        const sense = c.senses.find((s) => !s.ambiguous) ?? c.senses.find((s) => supported(s.entity));
        if (!sense) continue;
        if (only && !only.has(sense.entity)) continue;
        if (categories) {
          const index = this.entityIndex.get(sense.entity);
          if (index === undefined || !categories.has(CATEGORIES[this.lexicon.categories[index]!]!)) continue;
        }
        if (options.firstMentionOnly) {
          if (seen.has(sense.entity)) continue;
          seen.add(sense.entity);
        }
        mentions.push({ entity: sense.entity, start: c.start, end: c.end, text: c.text, block: b });
      }
    });
    return mentions;
  }

  /** Scan one text as a whole document. */
  scanText(text: string, options: ScanOptions & ResolveOptions = {}): TextScan {
    const scan = this.scanBlock(text, options);
    return { lang: scan.lang, mentions: this.resolveDocument([scan.candidates], options) };
  }
}

function chooseLang(given: Lang | 'auto' | undefined, words: ScriptCounts): Lang | null {
  if (given && given !== 'auto') return given;
  let best: Lang | null = null;
  let most = 0;
  for (const lang of ['ar', 'ru', 'en'] as const) {
    if (words[lang] > most) {
      most = words[lang];
      best = lang;
    }
  }
  return best;
}

/** The language of a document from the word counts of its blocks. */
export function documentLang(blocks: ReadonlyArray<{ words: ScriptCounts }>, given?: Lang | 'auto'): Lang | null {
  const total: ScriptCounts = { ar: 0, en: 0, ru: 0 };
  for (const b of blocks) for (const lang of ['ar', 'en', 'ru'] as const) total[lang] += b.words[lang];
  return chooseLang(given, total);
}

// ---------------------------------------------------------------- match checks

/** A match inside a URL, an e-mail address, a handle, a domain name or an identifier is not a mention. */
function insideAddress(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  if (before === '_' || after === '_' || before === '@') return true;
  if (before === '.' && start >= 2 && WORD_OR_MARK.test(text[start - 2]!)) return true; // en.odkb-csto.org
  let left = start;
  while (left > 0 && start - left < 256 && !WHITESPACE.test(text[left - 1]!)) left--;
  let right = end;
  while (right < text.length && right - end < 256 && !WHITESPACE.test(text[right]!)) right++;
  const token = text.slice(left, right);
  if (token.includes('@') || token.includes('://') || /^(?:www\.|\/)/i.test(token)) return true;
  // A domain: the name followed by ".org", ".int/…", ".ru" (a letter right after the dot).
  return after === '.' && /^\.[A-Za-z]{2,}(?:[/:?#]|[^\p{L}]*$)/u.test(text.slice(end, right));
}

/** O'Brien, d'Estaing: a Latin letter and an apostrophe before the match make it the inside of a word. */
function afterApostrophe(text: string, start: number): boolean {
  const before = text[start - 1];
  return (before === "'" || before === '’') && start >= 2 && LATIN_LETTER.test(text[start - 2]!);
}

// ---------------------------------------------------------------- double array

interface Layout {
  base: Int32Array;
  check: Int32Array;
  /** The terminal slot of each key. */
  slotOfKey: Int32Array;
  states: number;
}

/**
 * Lay out the trie of sorted keys as a double array: the child of slot s on symbol c is t = base[s] + c when
 * check[t] === s. Slot 1 is the root; slot 0 is the dead state, never a parent. Each node's children come from the
 * run of keys that share its prefix, so no trie is built first; free slots are kept in a linked list.
 */
function layoutDoubleArray(keys: string[], alphabet: Map<number, number>): Layout {
  const symbols = alphabet.size + 1;
  let size = 1024;
  let check = new Int32Array(size).fill(-1);
  let base = new Int32Array(size);
  // Free slots as a doubly linked list: nextFree[i], prevFree[i]; head is nextFree[0] (slot 0 is never free).
  let nextFree = new Int32Array(size);
  let prevFree = new Int32Array(size);
  const link = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      nextFree[i] = i + 1 < to ? i + 1 : 0;
      prevFree[i] = i - 1 >= from ? i - 1 : 0;
    }
  };
  let head = 2;
  let tail = size - 1;
  link(2, size);
  check[0] = -2;
  check[ROOT] = -2;
  const grow = (needed: number) => {
    if (needed < size) return;
    let next = size;
    while (next <= needed) next *= 2;
    const c = new Int32Array(next).fill(-1);
    c.set(check);
    const b = new Int32Array(next);
    b.set(base);
    const nf = new Int32Array(next);
    nf.set(nextFree);
    const pf = new Int32Array(next);
    pf.set(prevFree);
    check = c;
    base = b;
    nextFree = nf;
    prevFree = pf;
    // Append the new slots to the free list.
    const old = size;
    size = next;
    link(old, size);
    if (head === 0) head = old;
    else {
      nextFree[tail] = old;
      prevFree[old] = tail;
    }
    tail = size - 1;
  };
  const take = (slot: number) => {
    const n = nextFree[slot]!;
    const p = prevFree[slot]!;
    if (p === 0) head = n;
    else nextFree[p] = n;
    if (n === 0) tail = p;
    else prevFree[n] = p;
  };

  const slotOfKey = new Int32Array(keys.length);
  const syms = keys.map((k) => {
    const a = new Int32Array(k.length);
    for (let i = 0; i < k.length; i++) a[i] = alphabet.get(k.charCodeAt(i))!;
    return a;
  });
  let states = 1;
  // Work list: slot, range of keys [lo, hi), depth.
  const work: number[] = [ROOT, 0, keys.length, 0];
  const childSyms: number[] = [];
  const childLo: number[] = [];
  while (work.length > 0) {
    const depth = work.pop()!;
    const hi = work.pop()!;
    let lo = work.pop()!;
    const slot = work.pop()!;
    while (lo < hi && syms[lo]!.length === depth) slotOfKey[lo++] = slot;
    if (lo >= hi) continue;
    childSyms.length = 0;
    childLo.length = 0;
    for (let i = lo; i < hi; i++) {
      const c = syms[i]![depth]!;
      if (childSyms.length === 0 || childSyms[childSyms.length - 1] !== c) {
        childSyms.push(c);
        childLo.push(i);
      }
    }
    // Find a base where every child's slot is free.
    const first = childSyms[0]!;
    let b = 0;
    for (let f = head; ; f = nextFree[f]!) {
      if (f === 0) {
        grow(size + symbols);
        f = head;
      }
      const candidate = f - first;
      if (candidate < 1) continue;
      grow(candidate + symbols + 1);
      let ok = true;
      for (let k = 1; k < childSyms.length; k++) {
        if (check[candidate + childSyms[k]!] !== -1) {
          ok = false;
          break;
        }
      }
      if (ok) {
        b = candidate;
        break;
      }
    }
    base[slot] = b;
    for (let k = 0; k < childSyms.length; k++) {
      const t = b + childSyms[k]!;
      check[t] = slot;
      take(t);
      states++;
      work.push(t, childLo[k]!, k + 1 < childSyms.length ? childLo[k + 1]! : hi, depth + 1);
    }
  }
  // Room for base[s] + any symbol on every slot, including the dead state.
  let top = ROOT;
  for (let s = 0; s < size; s++) if (check[s] !== -1 && base[s]! > top) top = base[s]!;
  for (let s = size - 1; s > top; s--) if (check[s] !== -1) { top = s; break; }
  grow(top + symbols + 1);
  const length = top + symbols + 1;
  return { base: base.slice(0, length), check: check.slice(0, length), slotOfKey, states };
}

// ---------------------------------------------------------------- construction helpers

/** Compile a matcher from a lexicon (what the content script does with the shipped lexicon). */
export function compileMatcher(lexicon: Lexicon): Matcher {
  return new Matcher(lexicon);
}

/** Build the lexicon of a pack and compile it (for node: the CLI and tests). */
export function matcherForPack(pack: Pack): Matcher {
  return new Matcher(buildLexicon(pack).lexicon);
}

