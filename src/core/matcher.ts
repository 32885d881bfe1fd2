// The matcher: every mention of every entity in a text, in one pass. No DOM, no browser API.
//
// How it works
// - The lexicon's keys (already folded, with their Russian and English forms) go into one trie, stored as a double
//   array: one transition is two array reads. Walks start only at word starts, so the automaton needs no failure
//   links. Arabic attached clitics are handled at the word's left boundary: when a walk that started on و ف ب ك ل
//   finds nothing, the pass walks again from the next letter (twice at most: conjunction, then preposition), so
//   وروسيا, بأفغانستان, وللمنظمة… are found, and the mention is the name without the clitic. Keys with the article
//   also exist in their لل form (للناتو), valid only after the clitic ل (forms.ts explains the choice).
// - The pass folds as it reads: a 64K table gives, for each UTF-16 unit, its class (word, separator, removed by
//   folding) and its symbol in the trie's alphabet after folding, so the text itself is never rewritten. Per chunk of
//   4K units, a branch-free sweep records where words start and keeps those whose first three symbols begin some key
//   (a 64-kbit set); the trie is walked from those only (walkFast). Texts with units the table cannot tell at once
//   (surrogates, units not seen yet) take a unit-by-unit pass (walkGeneral); segments that need real NFKC (a
//   ligature, a decomposed й, a stress mark, mathematical letters) are folded alone by normalize.ts and the result is
//   walked with its offset map. All paths give the same candidates (property-tested).
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
import { KIND_COMPLEX, KIND_DROP, KIND_WORD, fold, foldComplexSegments, foldNormalizedUnit, foldUnit, originalRange, unitKind, type Folded } from './normalize.ts';
import type { Category, Lang, Pack } from './pack.ts';
import { CATEGORIES } from './pack.ts';

// ---------------------------------------------------------------- public types

export interface Sense {
  entity: string;
  ambiguous: boolean;
  /** The entity's index in the lexicon (lexicon.ids). */
  index: number;
}

/** A match in one block, before the document decides on ambiguous names. Offsets are UTF-16, into the block. */
export interface Candidate {
  start: number;
  end: number;
  text: string;
  /** The entities this text can name, those that need no context first. Shared between candidates: do not change. */
  senses: readonly Sense[];
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
  /** Words per script, for language detection (approximate: the words inside a long name may not be counted). */
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
/** The combining acute and grave: Russian stress marks, which need NFKC only after a letter they compose with. */
const STRESS_MARKS = [0x0301, 0x0300];

const ROOT = 1;
const DEAD = 0;
const HIT = 4; // a hit in the hits buffer: start, end, slot, clitic letters before start
const BAIL = -1; // a walk met a unit that needs NFKC with its neighbours: fold the text first
const DEAD_END = -2; // walkWord, continueWalk: the walk failed inside its first word, at this.deadAt
const GENERAL = -3; // walkFast met a unit it does not handle: run walkGeneral
const CHUNK = 4096; // walkFast works on the text in chunks of this many units

/** Where the three symbols at a word start fall in the prefix set (2^16 bits). */
function prefixHash(a: number, b: number, c: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) >>> 16;
}

function scriptOf(unit: number): number {
  if (unit < 0x80) return (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a ? S_LATIN : S_OTHER;
  if (unit >= 0x0400 && unit <= 0x052f) return S_CYRILLIC;
  if ((unit >= 0x0600 && unit <= 0x06ff) || (unit >= 0x0750 && unit <= 0x077f) || (unit >= 0x08a0 && unit <= 0x08ff)) return S_ARABIC;
  if (unit >= 0xfb50 && unit <= 0xfeff) return S_ARABIC;
  if (unit < 0x0250 || (unit >= 0x1e00 && unit <= 0x1eff)) return S_LATIN;
  return S_OTHER;
}

const NO_SENSES: readonly Sense[] = Object.freeze([]);
const WORD_OR_MARK = /^[\p{L}\p{N}\p{M}]$/u;
const INITIAL_CAPITAL = /^[\p{Lu}\p{Lt}]/u;
const LATIN_LETTER = /^\p{Script=Latin}$/u;

// ---------------------------------------------------------------- the matcher

export class Matcher {
  readonly lexicon: Lexicon;
  /** How many trie states the automaton has (a size figure for reports). */
  readonly states: number;
  /** The trie's alphabet: symbol of each folded unit (0: in no key), and the units in symbol order (from 1). */
  private readonly symbolOf = new Uint16Array(0x10000);
  private readonly units: number[] = [0];
  private readonly space: number;
  private base: Int32Array;
  private check: Int32Array;
  private term: Uint8Array;
  /** Per terminal slot, what it outputs: outputList[outputAt[slot]] is the number of pairs, then the pairs [key,
   * afterLam, key, afterLam, …] (outputAt 0: none). */
  private readonly outputAt: Int32Array;
  private readonly outputList: Int32Array;
  /** Per symbol: 1 for the conjunctions و ف, 2 for the prepositions ب ك ل, else 0. */
  private readonly clitic: Uint8Array;
  private readonly lam: number;
  private readonly table = new Uint16Array(0x10000);
  private readonly astral = new Map<number, number>();
  private hits: Int32Array = new Int32Array(HIT * 256);
  private count = 0; // hits in this.hits
  private recorded = 0; // end of the last hit
  private width = 1; // units taken by the last unit(): 2 for a surrogate pair
  private deadAt = 0; // where the last walk failed inside a word
  /** Bit set of prefixHash over the first three symbols of every key (and every two-symbol key + a separator). */
  private readonly prefix3 = new Int32Array(2048);
  /** walkFast keeps a start whose first symbol is a clitic letter (its retries need a walk)… */
  private readonly keepFirst: Int32Array;
  /** … or whose second symbol is whitespace (a run of it may sit inside a key after a one-letter word). */
  private readonly keepSecond: Int32Array;
  private readonly starts = new Int32Array(CHUNK);
  private prev = 0; // walkFast: the class of the unit before the current chunk
  private fastDone = false; // the last walkFast went all the way (and counted the words)
  private readonly kept = new Int32Array(CHUNK);

  /** Compiles the lexicon, or loads its automaton as built ahead of time (see automaton() and Automaton). */
  constructor(lexicon: Lexicon, automaton?: Automaton) {
    this.lexicon = lexicon;

    // Alphabet: symbol 1 is the space; then the Arabic clitic letters; then every unit of every key.
    const symbolOf = this.symbolOf;
    const units = this.units;
    const addUnit = (c: number) => {
      if (symbolOf[c] === 0) {
        symbolOf[c] = units.length;
        units.push(c);
      }
    };
    addUnit(0x20);
    this.space = 1;
    for (const letter of [...ARABIC_CONJUNCTIONS, ...ARABIC_PREPOSITIONS]) addUnit(letter.charCodeAt(0));
    const variants: Array<{ text: string; key: number; afterLam: number }> = [];
    if (automaton) for (const unit of automaton.units) addUnit(unit);
    else lexicon.keys.forEach((key, k) => {
      for (const v of arabicArticleVariants(key)) {
        variants.push({ text: v.text, key: k, afterLam: v.afterLam ? 1 : 0 });
        for (let i = 0; i < v.text.length; i++) addUnit(v.text.charCodeAt(i));
      }
    });
    if (units.length >= 0x0fff) throw new Error('lexicon alphabet too large');
    this.clitic = new Uint8Array(units.length);
    for (const letter of ARABIC_CONJUNCTIONS) this.clitic[symbolOf[letter.charCodeAt(0)]!] = 1;
    for (const letter of ARABIC_PREPOSITIONS) this.clitic[symbolOf[letter.charCodeAt(0)]!] = 2;
    this.lam = 'ل'.charCodeAt(0);

    const outputs = new Map<number, number[]>(); // per terminal slot, while building: flattened below
    if (automaton) {
      if (automaton.keys !== lexicon.keys.length) throw new Error('automaton built from another lexicon');
      [this.base, this.check] = decodeTrie(automaton);
      this.states = automaton.states;
      this.term = new Uint8Array(this.base.length);
      for (let i = 0, slot = 0; i < automaton.outputs.length; ) {
        slot += automaton.outputs[i]!;
        const n = automaton.outputs[i + 1]! * 2;
        outputs.set(slot, automaton.outputs.slice(i + 2, i + 2 + n));
        this.term[slot] = 1;
        i += 2 + n;
      }
      this.prefix3.set(automaton.prefix3);
    } else {
      // The trie, laid out as a double array straight from the sorted variants.
      variants.sort((x, y) => (x.text < y.text ? -1 : x.text > y.text ? 1 : x.afterLam - y.afterLam));
      const layout = layoutDoubleArray(
        variants.map((v) => v.text),
        symbolOf,
        units.length,
      );
      this.base = layout.base;
      this.check = layout.check;
      this.states = layout.states;
      this.term = new Uint8Array(this.base.length);
      variants.forEach((v, i) => {
        const slot = layout.slotOfKey[i]!;
        const list = outputs.get(slot);
        if (list) list.push(v.key, v.afterLam);
        else outputs.set(slot, [v.key, v.afterLam]);
        this.term[slot] = 1;
      });
    }

    this.outputAt = new Int32Array(this.base.length);
    const flat = [0];
    for (const [slot, list] of outputs) {
      this.outputAt[slot] = flat.length;
      flat.push(list.length / 2, ...list);
    }
    this.outputList = Int32Array.from(flat);

    // walkFast's filter: the first three symbols of every path in the trie, and every two-symbol key followed by a
    // separator (symbol 0, or a separator of the alphabet). Symbols of removed or unseen units never reach the set:
    // walkFast keeps those starts anyway.
    const symbols = units.length;
    const separators = [0];
    // (Not when loading: the set is shipped, and compiling the Unicode regex costs a page milliseconds.)
    if (!automaton) for (let sym = 1; sym < symbols; sym++) if (!WORD_OR_MARK.test(String.fromCharCode(units[sym]!))) separators.push(sym);
    const add = (a: number, b: number, c: number) => {
      const h = prefixHash(a, b, c);
      this.prefix3[h >>> 5]! |= 1 << (h & 31);
    };
    const children = (slot: number): number[] => {
      const list: number[] = [];
      for (let c = 1; c < symbols; c++) if (this.check[this.base[slot]! + c] === slot) list.push(c);
      return list;
    };
    // (An automaton built ahead of time carries the set.)
    if (!automaton) for (const a of children(ROOT)) {
      const ta = this.base[ROOT]! + a;
      for (const b of children(ta)) {
        const tb = this.base[ta]! + b;
        if (this.term[tb] === 1) for (const c of separators) add(a, b, c);
        for (const c of children(tb)) add(a, b, c);
      }
    }
    this.keepFirst = new Int32Array(symbols);
    this.keepSecond = new Int32Array(symbols);
    for (let sym = 0; sym < symbols; sym++) this.keepFirst[sym] = this.clitic[sym]! !== 0 ? 1 : 0;
    this.keepSecond[this.space] = 1;

    this.checked = new Uint8Array(lexicon.keys.length);
    lexicon.senses.forEach((list, key) => {
      for (let i = 1; i < list.length; i += 2) if ((list[i]! & (SENSE_CASE | SENSE_CAP)) !== 0) this.checked[key] = 1;
    });
    this.casedOf = new Array<string | undefined>(lexicon.keys.length);
    for (const [key, cased] of Object.entries(lexicon.cased)) this.casedOf[Number(key)] = cased;
    // A page names a handful of keys: their sense lists are built when first found, not all at load.
    this.allSenses = new Array<readonly Sense[] | undefined>(lexicon.keys.length);
  }

  /** All senses of a key, unambiguous first, built once. */
  private sensesOfKey(key: number): readonly Sense[] {
    const list = this.lexicon.senses[key]!;
    const senses: Sense[] = [];
    for (let i = 0; i < list.length; i += 2) {
      senses.push(Object.freeze({ entity: this.lexicon.ids[list[i]!]!, ambiguous: (list[i + 1]! & SENSE_AMBIGUOUS) !== 0, index: list[i]! }));
    }
    const all = Object.freeze(senses.sort((x, y) => Number(x.ambiguous) - Number(y.ambiguous)));
    this.allSenses[key] = all;
    return all;
  }

  /** The automaton in its shipped form: JSON-safe numbers, small deltas that gzip well (see Automaton). */
  automaton(): Automaton {
    const outputs: number[] = [];
    let previous = 0;
    for (let slot = 0; slot < this.outputAt.length; slot++) {
      const at = this.outputAt[slot]!;
      if (at === 0) continue;
      const pairs = this.outputList[at]!;
      outputs.push(slot - previous, pairs, ...this.outputList.subarray(at + 1, at + 1 + pairs * 2));
      previous = slot;
    }
    const { units, states, base, check, prefix3 } = this;
    const keys = this.lexicon.keys.length;
    return { version: 1, keys, units: units.slice(1), states, base: encodeBase(base), check: encodeCheck(check), outputs, prefix3: Array.from(prefix3) };
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
        const sym = folded >= 0 ? this.symbolOf[folded]! : 0;
        v = (sym << 4) | (kind === KIND_WORD ? (scriptOf(folded) << 2) | C_WORD : C_SEP);
      }
    }
    this.table[unit] = v;
    return v;
  }

  /** A unit of already folded text that the table calls complex (a leftover combining mark): a word unit. */
  private foldedUnit(unit: number): number {
    const folded = foldNormalizedUnit(unit);
    const sym = folded >= 0 ? this.symbolOf[folded]! : 0;
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

  /** The class of a unit the table cannot tell at once (class 0); sets this.width to 2 for a surrogate pair. */
  private unit(text: string, at: number, folded: boolean): number {
    const unit = text.charCodeAt(at);
    let v = this.table[unit]!;
    this.width = 1;
    if (v === 0) v = this.fill(unit);
    if (v === V_SURROGATE) {
      const low = at + 1 < text.length ? text.charCodeAt(at + 1) : 0;
      if (low < 0xdc00 || low > 0xdfff) return C_SEP;
      v = this.astralClass(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000, folded);
      if (v !== V_COMPLEX) this.width = 2;
    }
    if (v === V_COMPLEX && folded) v = this.foldedUnit(unit);
    return v;
  }

  private record(start: number, end: number, slot: number, level: number): void {
    let hits = this.hits;
    const h = this.count * HIT;
    if (h + HIT > hits.length) {
      hits = new Int32Array(hits.length * 2);
      hits.set(this.hits);
      this.hits = hits;
    }
    hits[h] = start;
    hits[h + 1] = end;
    hits[h + 2] = slot;
    hits[h + 3] = level;
    this.count++;
    this.recorded = end;
  }

  /**
   * The fast pass, for a text whose units are all known and simple (no surrogate, nothing NFKC would change). Per
   * chunk: (1) one branch-free sweep records where words start; (2) a branch-free filter keeps the starts whose first
   * three units begin some key (a 64-kbit set of 3-symbol trie prefixes; units removed by folding, whitespace and
   * Arabic clitic letters are always kept); (3) walkWord from each kept start. Returns the number of hits, or
   * GENERAL when the text has a unit this pass does not handle (the caller then runs walkGeneral), or BAIL.
   */
  private walkFast(text: string, words: Int32Array, resume = false): number {
    const table = this.table;
    const kept = this.kept;
    const n = text.length;
    this.fastDone = false;
    let from = 0;
    if (resume) from = this.restoreChunkStart(words);
    else {
      this.count = 0;
      this.recorded = 0;
      this.prev = 0;
    }
    for (let c0 = from; c0 < n; c0 += CHUNK) {
      const c1 = Math.min(n, c0 + CHUNK);
      this.saveChunkStart(c0, words);
      const kk = this.sweep(text, c0, c1, words);
      if (kk < 0) {
        // A unit known to need NFKC goes straight to the fold; anything else unknown to the general pass.
        for (let i = c0; i < c1; i++) if (table[text.charCodeAt(i)] === V_COMPLEX) return BAIL;
        return GENERAL;
      }
      // (3) Walk from each kept start that a hit does not cover.
      for (let q = 0; q < kk; q++) {
        let p = kept[q]!;
        if (p < this.recorded) continue;
        let v = table[text.charCodeAt(p)]!;
        while ((v & 3) === C_DROP && p + 1 < n) v = table[text.charCodeAt(++p)]!;
        if ((v & 3) !== C_WORD) continue;
        if (this.walkWord(text, false, p, v) === BAIL) return BAIL;
      }
    }
    this.fastDone = true;
    return this.count;
  }

  /** walkFast's state where its current chunk starts, so that a pass that bails out can go on from there. */
  private readonly chunkStart = { at: 0, count: 0, recorded: 0, prev: 0, words: new Int32Array(4) };

  private saveChunkStart(at: number, words: Int32Array): void {
    const saved = this.chunkStart;
    saved.at = at;
    saved.count = this.count;
    saved.recorded = this.recorded;
    saved.prev = this.prev;
    saved.words.set(words);
  }

  /** Back to the state saved last; returns where that chunk starts. */
  private restoreChunkStart(words: Int32Array): number {
    const saved = this.chunkStart;
    this.count = saved.count;
    this.recorded = saved.recorded;
    this.prev = saved.prev;
    words.set(saved.words);
    return saved.at;
  }

  /**
   * Words per script, counted as walkFast counts them (at the start of each run of word units and units that folding
   * removes: the script of its first unit, or of the second after a removed one), for the texts the general pass took.
   * All units of the text are in the table by now.
   */
  private countWords(text: string, words: Int32Array): void {
    const table = this.table;
    const n = text.length;
    let prev = 0;
    for (let i = 0; i < n; i++) {
      const v = table[text.charCodeAt(i)]!;
      if ((v & 1) === 1 && (prev & 1) === 0) {
        const u2 = i + 1 < n ? table[text.charCodeAt(i + 1)]! : 2;
        const w1 = v & ~(v >>> 1) & 1;
        words[((v >>> 2) & 3) * w1 + ((u2 >>> 2) & 3) * (u2 & ~(u2 >>> 1) & 1) * (1 - w1)]!++;
      }
      prev = v;
    }
  }

  /**
   * walkFast's steps (1) and (2) on the units [c0, c1): the kept word starts into this.kept; returns how many, or -1
   * when a unit needs a closer look (class 0). Branch-free, so that the CPU never guesses where words start.
   */
  private sweep(text: string, c0: number, c1: number, words: Int32Array): number {
    const table = this.table;
    const starts = this.starts;
    const kept = this.kept;
    const prefix3 = this.prefix3;
    const keepFirst = this.keepFirst;
    const keepSecond = this.keepSecond;
    const n = text.length;
    // (1) Word starts. Classes: 1 word, 3 removed (both continue a word), 2 separator, 0 look closer.
    let prev = this.prev;
    let k = 0;
    let known = 1;
    let i = c0;
    for (; i + 1 < c1; i += 2) {
      const v = table[text.charCodeAt(i)]!;
      const w = table[text.charCodeAt(i + 1)]!;
      starts[k] = i;
      k += v & ~prev & 1;
      starts[k] = i + 1;
      k += w & ~v & 1;
      prev = w;
      known &= (v | (v >>> 1)) & (w | (w >>> 1));
    }
    for (; i < c1; i++) {
      const v = table[text.charCodeAt(i)]!;
      starts[k] = i;
      k += v & ~prev & 1;
      prev = v;
      known &= v | (v >>> 1);
    }
    this.prev = prev;
    if ((known & 1) === 0) return -1;
    // (2) Keep the starts whose first units can begin a key.
    let kk = 0;
    // Words per script in registers (1 when the script matches: ((s ^ script) - 1) >>> 31), not in memory.
    let latin = 0;
    let cyrillic = 0;
    let arabic = 0;
    for (let q = 0; q < k; q++) {
      const p = starts[q]!;
      const u1 = table[text.charCodeAt(p)]!;
      const u2 = p + 1 < n ? table[text.charCodeAt(p + 1)]! : 2;
      const u3 = p + 2 < n ? table[text.charCodeAt(p + 2)]! : 2;
      // The word's script: of its first unit, or of the second after a removed one (a tatweel, a bidi mark).
      const w1 = u1 & ~(u1 >>> 1) & 1;
      const script = ((u1 >>> 2) & 3) * w1 + ((u2 >>> 2) & 3) * (u2 & ~(u2 >>> 1) & 1) * (1 - w1);
      latin += ((script ^ S_LATIN) - 1) >>> 31;
      cyrillic += ((script ^ S_CYRILLIC) - 1) >>> 31;
      arabic += ((script ^ S_ARABIC) - 1) >>> 31;
      const h = prefixHash(u1 >>> 4, u2 >>> 4, u3 >>> 4);
      // Kept: in the prefix set, or one of the units is removed by folding or unseen (class 3 or 0: bit 0 of
      // u ^ u >>> 1 is 0), or a clitic letter first, or whitespace second.
      const plain = (u1 ^ (u1 >>> 1)) & (u2 ^ (u2 >>> 1)) & (u3 ^ (u3 >>> 1)) & 1;
      kept[kk] = p;
      kk += ((prefix3[h >>> 5]! >>> (h & 31)) & 1) | (plain ^ 1) | keepFirst[u1 >>> 4]! | keepSecond[u2 >>> 4]!;
    }
    words[S_LATIN]! += latin;
    words[S_CYRILLIC]! += cyrillic;
    words[S_ARABIC]! += arabic;
    return kk;
  }

  /**
   * The general pass, for any text: unit by unit between words (looking closer at surrogates and unseen units),
   * walkWord at each word start, then the rest of the word skipped. Returns the number of hits, or BAIL when the text
   * needs NFKC first (only when `folded` is false). Counts no words: scanBlock calls countWords after it.
   */
  private walkGeneral(text: string, folded: boolean): number {
    const table = this.table;
    const n = text.length;
    this.count = 0;
    this.recorded = 0;
    let i = 0;
    while (i < n) {
      let v = table[text.charCodeAt(i)]!;
      if ((v & 3) !== C_WORD) {
        if ((v & 3) !== C_SPECIAL) {
          i++;
          continue;
        }
        v = this.unit(text, i, folded);
        if (v === V_COMPLEX) return BAIL;
        if ((v & 3) !== C_WORD) {
          i += this.width;
          continue;
        }
      }
      const resume = this.walkWord(text, folded, i, v);
      if (resume === BAIL) return BAIL;
      if (resume !== DEAD_END) {
        i = resume;
        continue;
      }
      // Not a key: skip the rest of the word (word units and what folding removes: classes 1 and 3).
      let j = this.deadAt;
      for (;;) {
        while (j < n && (table[text.charCodeAt(j)]! & 1) !== 0) j++;
        if (j >= n || (table[text.charCodeAt(j)]! & 3) !== C_SPECIAL) break;
        const u = this.unit(text, j, folded);
        if (u === V_COMPLEX) return BAIL;
        if ((u & 1) === 0) break; // a separator ends the word
        j += this.width;
      }
      i = j;
    }
    return this.count;
  }

  /**
   * Walk from the word start p (its unit class v): trie steps inside the word, continueWalk for the rest (multi-word
   * keys, removed units, surrogates), and, when nothing is found after an Arabic clitic letter (و ف ب ك ل), again
   * from the next letter (twice at most: a conjunction, then a preposition). Records hits. Returns where the general
   * pass goes on, DEAD_END when the walk failed inside the word (at this.deadAt), or BAIL.
   */
  private walkWord(text: string, folded: boolean, p: number, v: number): number {
    const table = this.table;
    const base = this.base;
    const check = this.check;
    const term = this.term;
    const clitic = this.clitic;
    const n = text.length;
    const firstClitic = clitic[v >>> 4]!;
    let start = p; // where this walk starts: after the clitic letters it skipped
    let level = 0;
    let resume: number;
    for (;;) {
      let s = ROOT;
      let j = start;
      let u = v;
      for (;;) {
        const t = base[s]! + (u >>> 4);
        if (check[t] !== s) {
          s = DEAD;
          break;
        }
        s = t;
        if (++j >= n) break;
        u = table[text.charCodeAt(j)]!;
        if ((u & 3) !== C_WORD) break;
      }
      if (s === DEAD) {
        this.deadAt = j;
        resume = DEAD_END;
      } else if (j < n && (u & 3) !== C_SEP) {
        resume = this.continueWalk(text, folded, start, j, s, j, level);
        if (resume === BAIL) return BAIL;
      } else {
        if (term[s] === 1) this.record(start, j, s, level);
        resume = j;
        if (j < n && check[base[s]! + (u >>> 4)] === s) {
          resume = this.continueWalk(text, folded, start, j, s, j, level);
          if (resume === BAIL) return BAIL;
        }
      }
      // Nothing found from a clitic letter: walk again from the next letter.
      if (firstClitic === 0 || this.recorded > p || level === 2) return resume;
      if (level === 1 && !(firstClitic === 1 && clitic[v >>> 4] === 2)) return resume;
      let next = start + 1;
      let w = 0;
      let width = 1;
      for (; next < n; next++) {
        w = table[text.charCodeAt(next)]!;
        if ((w & 3) === C_SPECIAL) {
          w = this.unit(text, next, folded);
          width = this.width;
        }
        if (w === V_COMPLEX) return BAIL;
        if ((w & 3) !== C_DROP) break;
      }
      if (next >= n || (w & 3) !== C_WORD || width !== 1) return resume;
      start = next;
      v = w;
      level++;
    }
  }

  /**
   * The general walk, from state s at unit j of a walk that started at `start` (lastEnd: end of the last unit taken):
   * across separators and further words (multi-word keys; a run of whitespace is one space), over units that folding
   * removes (tashkeel extends a match that ends before it, bidi marks do not), and surrogates. Records hits at word
   * ends. Returns where the main loop goes on: after the last hit or at the next word start when a multi-word key
   * failed half-way, the separator where it stopped, or DEAD_END (this.deadAt) when it failed inside the first word.
   */
  private continueWalk(text: string, folded: boolean, start: number, j: number, s: number, lastEnd: number, level: number): number {
    const table = this.table;
    const base = this.base;
    const check = this.check;
    const term = this.term;
    const space = this.space;
    const n = text.length;
    let second = -1; // the first word start after `start` inside this walk
    let afterSep = false;
    let afterSpace = false;
    for (; j < n; j++) {
      let v = table[text.charCodeAt(j)]!;
      let width = 1;
      if ((v & 3) === C_SPECIAL) {
        v = this.unit(text, j, folded);
        if (v === V_COMPLEX) return BAIL;
        width = this.width;
      }
      const cls = v & 3;
      if (cls === C_WORD) {
        if (afterSep && second < 0) second = j;
        afterSep = false;
        afterSpace = false;
        const t = base[s]! + (v >>> 4);
        if (check[t] === s) {
          s = t;
          j += width - 1;
          lastEnd = j + 1;
          continue;
        }
        if (second >= 0) return Math.max(second, this.recorded);
        this.deadAt = j;
        return DEAD_END;
      }
      if (cls === C_SEP) {
        if (term[s] === 1) this.record(start, lastEnd, s, level);
        const sym = v >>> 4;
        if (sym === space && afterSpace) continue;
        const t = base[s]! + sym;
        if (check[t] === s) {
          s = t;
          afterSep = true;
          afterSpace = sym === space;
          if (!afterSpace) lastEnd = j + 1;
          j += width - 1;
          continue;
        }
        return second >= 0 ? Math.max(second, this.recorded) : j;
      }
      // Removed by folding: tashkeel and the like extend a match that ends here; bidi marks do not.
      if ((v & DROP_EXTENDS) !== 0 && lastEnd === j) lastEnd = j + 1;
    }
    if (term[s] === 1) this.record(start, lastEnd, s, level);
    return second >= 0 ? Math.max(second, this.recorded) : n;
  }

  /** Per key: all its senses, unambiguous first (shared by the candidates, so nobody may change them). */
  private readonly allSenses: Array<readonly Sense[] | undefined>;
  /** Per key: 1 when a sense needs a look at the text (case-sensitive, capital), else 0. */
  private readonly checked: Uint8Array;
  /** Per key: the capitals a case-sensitive key must have (lexicon.cased, by key index). */
  private readonly casedOf: Array<string | undefined>;
  /** Per unit: 0 not known yet, 1 not a capital letter, 2 a capital letter. */
  private readonly capitals = new Uint8Array(0x10000);

  /** Find the candidates in one block of text (a paragraph, a heading, a caption). */
  scanBlock(text: string, options: ScanOptions = {}): BlockScan {
    const counts = new Int32Array(4);
    let count = this.walkFast(text, counts);
    if (count === GENERAL) count = this.walkGeneral(text, false);
    if (count === BAIL && this.stressMarksStandAlone(text)) {
      // Russian stress marks that compose with nothing: folding only removes them, so the walk can skip them in
      // place (as it skips tashkeel) instead of folding the whole text. The fast pass goes on from the chunk where it
      // stopped.
      const table = this.table;
      for (const mark of STRESS_MARKS) table[mark] = C_DROP | DROP_EXTENDS;
      try {
        return this.finishScan(text, options, counts, this.walkOn(text, counts));
      } finally {
        for (const mark of STRESS_MARKS) table[mark] = V_COMPLEX;
      }
    }
    return this.finishScan(text, options, counts, count);
  }

  /** After a fast pass bailed out and the table changed: on from the chunk where it stopped. */
  private walkOn(text: string, counts: Int32Array): number {
    const count = this.walkFast(text, counts, true);
    return count === GENERAL ? this.walkGeneral(text, false) : count;
  }

  /**
   * Whether every combining acute and grave in the text stands alone after its letter: NFKC composes it with
   * nothing (Cyrillic vowels have no precomposed stressed forms, Latin é does), and the letter before it is one the
   * fast pass knows. Then folding removes the mark and changes nothing else.
   */
  private stressMarksStandAlone(text: string): boolean {
    let found = false;
    for (const mark of STRESS_MARKS) {
      const ch = String.fromCharCode(mark);
      for (let at = text.indexOf(ch); at >= 0; at = text.indexOf(ch, at + 1)) {
        found = true;
        if (at === 0) continue;
        const before = text.charCodeAt(at - 1);
        const cls = (this.table[before] || this.fill(before)) & 3;
        if (cls !== C_WORD && cls !== C_SEP) return false;
        const pair = text.slice(at - 1, at + 1);
        if (pair.normalize('NFKC') !== pair) return false;
      }
    }
    return found;
  }

  /** scanBlock's second half: the fold path when the walk bailed out, word counts, language and candidates. */
  private finishScan(text: string, options: ScanOptions, counts: Int32Array, count: number): BlockScan {
    let folded: Folded | null = null;
    if (count === BAIL) {
      // Some segment needs NFKC: fold those segments only, walk the result, map the hits back.
      folded = foldComplexSegments(text) ?? fold(text);
      counts.fill(0);
      count = this.walkFast(folded.text, counts);
      if (count < 0) count = this.walkGeneral(folded.text, true);
    }
    if (!this.fastDone) {
      counts.fill(0);
      this.countWords(folded ? folded.text : text, counts);
    }
    const words: ScriptCounts = { en: counts[S_LATIN]!, ru: counts[S_CYRILLIC]!, ar: counts[S_ARABIC]! };
    return { lang: chooseLang(options.lang, words), words, candidates: this.candidates(text, folded, count) };
  }

  /** The candidates of the hits: checked (case, capital, address, لل), then the longest at each start, no overlaps. */
  private candidates(text: string, folded: Folded | null, count: number): Candidate[] {
    const raw = this.hits;
    const outputAt = this.outputAt;
    const outputs = this.outputList;
    const run = folded ? folded.text : text;
    const found: Candidate[] = [];
    let ordered = true;
    for (let h = 0; h < count * HIT; h += HIT) {
      const at = outputAt[raw[h + 2]!]!;
      if (at === 0) continue;
      let start = raw[h]!;
      let end = raw[h + 1]!;
      if (folded) {
        const range = originalRange(text, folded, start, end);
        start = range[0];
        end = range[1];
      }
      if (insideAddress(text, start, end) || afterApostrophe(text, start)) continue;
      for (let o = at + 1, last = at + 1 + outputs[at]! * 2; o < last; o += 2) {
        // "لناتو" only right after the clitic ل (للناتو).
        if (outputs[o + 1] === 1 && (raw[h + 3] === 0 || this.letterBefore(run, raw[h]!) !== this.lam)) continue;
        const senses = this.sensesOf(outputs[o]!, text, start, end);
        if (senses.length === 0) continue;
        if (found.length > 0 && start < found[found.length - 1]!.start) ordered = false;
        found.push({ start, end, text: text.slice(start, end), senses });
        break;
      }
    }
    // Hits come in order of their start (a walk records its shorter keys first); sort only if they did not.
    if (!ordered) found.sort((x, y) => x.start - y.start || x.end - y.end);
    // The longest candidate at each start, then no overlaps.
    const kept: Candidate[] = [];
    let taken = 0;
    for (let k = 0; k < found.length; k++) {
      let c = found[k]!;
      while (k + 1 < found.length && found[k + 1]!.start === c.start) {
        k++;
        if (found[k]!.end > c.end) c = found[k]!;
      }
      if (c.start < taken) continue;
      if (c.senses[c.senses.length - 1]!.ambiguous) {
        const c2 = this.withoutRegionSenses(text, c, kept[kept.length - 1]);
        if (!c2) continue;
        c = c2;
      }
      kept.push(c);
      taken = c.end;
    }
    return kept;
  }

  /**
   * "Atlanta, Georgia": an ambiguous name right after "<Capitalised word>, " names the region of a place, not the
   * entity, so its ambiguous senses go (null when none is left). Not when that word is itself a known name: then it
   * is a list ("Armenia, Georgia and Azerbaijan").
   */
  private withoutRegionSenses(text: string, c: Candidate, previous: Candidate | undefined): Candidate | null {
    const wordEnd = capitalisedWordBeforeComma(text, c.start, (unit) => this.isCapital(unit));
    if (wordEnd < 0 || (previous && previous.end === wordEnd)) return c;
    const senses = c.senses.filter((sense) => !sense.ambiguous);
    return senses.length === 0 ? null : { ...c, senses };
  }

  /** The folded letter before `at`, skipping what folding removes (the clitic ل before "لناتو"). */
  private letterBefore(run: string, at: number): number {
    let k = at - 1;
    while (k > 0 && (this.table[run.charCodeAt(k)]! & 3) === C_DROP) k--;
    return k >= 0 ? foldUnit(run.charCodeAt(k)) : -1;
  }

  /** The senses of a key that this text (at start..end) can have: case-sensitive keys and capitals checked. */
  private sensesOf(key: number, text: string, start: number, end: number): readonly Sense[] {
    const all = this.allSenses[key] ?? this.sensesOfKey(key);
    if (this.checked[key] === 0) return all;
    const list = this.lexicon.senses[key]!;
    let passed = 0;
    let mask = 0;
    for (let i = 0, k = 0; i < list.length; i += 2, k++) {
      const flags = list[i + 1]!;
      if ((flags & SENSE_CASE) !== 0) {
        if (!this.sameCase(key, text, start, end)) continue;
      } else if ((flags & SENSE_CAP) !== 0 && !this.isCapital(text.charCodeAt(start))) continue;
      passed++;
      mask |= 1 << Math.min(k, 30);
    }
    if (passed === list.length / 2) return all;
    if (passed === 0) return NO_SENSES;
    const senses: Sense[] = [];
    for (let i = 0, k = 0; i < list.length; i += 2, k++) {
      if ((mask & (1 << Math.min(k, 30))) !== 0) senses.push({ entity: this.lexicon.ids[list[i]!]!, ambiguous: (list[i + 1]! & SENSE_AMBIGUOUS) !== 0, index: list[i]! });
    }
    return senses.sort((x, y) => Number(x.ambiguous) - Number(y.ambiguous));
  }

  /** Whether text[start, end) has the capitals of a case-sensitive key (CSTO, ТАСС), after folding all but case. */
  private sameCase(key: number, text: string, start: number, end: number): boolean {
    const cased = this.casedOf[key] ?? '';
    if (end - start === cased.length) {
      let k = 0;
      while (k < cased.length && text.charCodeAt(start + k) === cased.charCodeAt(k)) k++;
      if (k === cased.length) return true;
    }
    return fold(text.slice(start, end), true).text.replace(/ +/g, ' ') === cased;
  }

  /** Whether a unit is a capital letter (cached per unit). */
  private isCapital(unit: number): boolean {
    let known = this.capitals[unit]!;
    if (known === 0) {
      known = INITIAL_CAPITAL.test(String.fromCharCode(unit)) ? 2 : 1;
      this.capitals[unit] = known;
    }
    return known === 2;
  }

  /**
   * Decide on the candidates of all blocks of one document (from this matcher's scanBlock): an ambiguous name counts
   * only when the document names the same entity, or one related to it, without ambiguity. Then apply the filters and
   * first-mention-only. Mentions come in document order.
   */
  resolveDocument(blocks: ReadonlyArray<readonly Candidate[]>, options: ResolveOptions = {}): Mention[] {
    const entities = this.lexicon.ids.length;
    // The entities the document names without ambiguity somewhere.
    const sure = new Uint8Array(entities);
    for (let b = 0; b < blocks.length; b++) {
      const block = blocks[b]!;
      for (let k = 0; k < block.length; k++) {
        const senses = block[k]!.senses;
        for (let i = 0; i < senses.length; i++) {
          const sense = senses[i]!;
          if (sense.ambiguous) break; // senses come unambiguous first
          sure[sense.index] = 1;
        }
      }
    }
    const supported = (index: number): boolean => {
      if (sure[index] === 1) return true;
      for (const other of this.lexicon.related[index]!) if (sure[other] === 1) return true;
      return false;
    };
    // The filters, as one flag per entity.
    let allowed: Uint8Array | null = null;
    if (options.categories || options.entities) {
      const categories = options.categories ? new Set(options.categories) : null;
      const only = options.entities ? new Set(options.entities) : null;
      allowed = new Uint8Array(entities);
      for (let i = 0; i < entities; i++) {
        const category = CATEGORIES[this.lexicon.categories[i]!]!;
        allowed[i] = (!categories || categories.has(category)) && (!only || only.has(this.lexicon.ids[i]!)) ? 1 : 0;
      }
    }
    const seen = options.firstMentionOnly ? new Uint8Array(entities) : null;
    const mentions: Mention[] = [];
    for (let b = 0; b < blocks.length; b++) {
      const block = blocks[b]!;
      for (let k = 0; k < block.length; k++) {
        const c = block[k]!;
        let sense = c.senses[0];
        if (!sense) continue;
        if (sense.ambiguous) {
          sense = undefined;
          for (const candidate of c.senses) {
            if (supported(candidate.index)) {
              sense = candidate;
              break;
            }
          }
          if (!sense) continue;
        }
        if (allowed && allowed[sense.index] === 0) continue;
        if (seen) {
          if (seen[sense.index] === 1) continue;
          seen[sense.index] = 1;
        }
        mentions.push({ entity: sense.entity, start: c.start, end: c.end, text: c.text, block: b });
      }
    }
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

/** Characters that can join a name to an address around it (a domain, a path, an e-mail address, a handle). */
const ADDRESS_NEIGHBOUR = new Uint8Array(128);
for (const ch of "./@:_-\\?#=&%+~") ADDRESS_NEIGHBOUR[ch.charCodeAt(0)] = 1;

/** The characters without which a token is no URL, e-mail address or domain name. */
const TOKEN_ADDRESS_MARK = new Uint8Array(128);
for (const ch of './:@') TOKEN_ADDRESS_MARK[ch.charCodeAt(0)] = 1;

function isSpace(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x3000;
}

/** A match inside a URL, an e-mail address, a handle, a domain name or an identifier is not a mention. */
function insideAddress(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : 0x20;
  const after = end < text.length ? text.charCodeAt(end) : 0x20;
  const plainBefore = before >= 128 || ADDRESS_NEIGHBOUR[before] === 0;
  if (plainBefore && (after >= 128 || ADDRESS_NEIGHBOUR[after] === 0)) return false;
  // The end of a sentence or a clause ("… the CSTO. Next", "CSTO:"), not of a domain: the commonest case, decided here.
  if (plainBefore && after !== 0x5f && (end + 1 >= text.length || isSpace(text.charCodeAt(end + 1)))) return false;
  if (before === 0x5f || after === 0x5f || before === 0x40) return true; // _ @
  if (before === 0x2e && start >= 2 && WORD_OR_MARK.test(text[start - 2]!)) return true; // en.odkb-csto.org
  // The whitespace-free token around the name; an address in it has a dot, a colon, a slash or an @.
  let addressMarks = 0;
  let left = start;
  for (; left > 0 && start - left < 256; left--) {
    const c = text.charCodeAt(left - 1);
    if (isSpace(c)) break;
    addressMarks |= c < 128 ? TOKEN_ADDRESS_MARK[c]! : 0;
  }
  let right = end;
  for (; right < text.length && right - end < 256; right++) {
    const c = text.charCodeAt(right);
    if (isSpace(c)) break;
    addressMarks |= c < 128 ? TOKEN_ADDRESS_MARK[c]! : 0;
  }
  if (addressMarks === 0) return false; // "Russia-led", "(CSTO)", "ОДКБ»,"
  const token = text.slice(left, right);
  if (token.includes('@') || token.includes('://') || /^(?:www\.|\/)/i.test(token)) return true;
  // A domain: the name followed by ".org", ".int/…", ".ru" (a letter right after the dot).
  return after === 0x2e && /^\.[A-Za-z]{2,}(?:[/:?#]|[^\p{L}]*$)/u.test(text.slice(end, right));
}

/**
 * When text[..start) ends with "<Capitalised word>, " (a comma, then spaces), the end of that word; else -1. The word
 * may hold hyphens and apostrophes (Winston-Salem, O'Fallon).
 */
function capitalisedWordBeforeComma(text: string, start: number, isCapital: (unit: number) => boolean): number {
  let k = start;
  while (k > 0 && isSpace(text.charCodeAt(k - 1))) k--;
  if (k === start || k === 0 || text.charCodeAt(k - 1) !== 0x2c) return -1; // ","
  const wordEnd = k - 1;
  let left = wordEnd;
  while (left > 0 && (WORD_OR_MARK.test(text[left - 1]!) || "-'’".includes(text[left - 1]!))) left--;
  return left < wordEnd && isCapital(text.charCodeAt(left)) ? wordEnd : -1;
}

/** O'Brien, d'Estaing: a Latin letter and an apostrophe before the match make it the inside of a word. */
function afterApostrophe(text: string, start: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : 0;
  return (before === 0x27 || before === 0x2019) && start >= 2 && LATIN_LETTER.test(text[start - 2]!);
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
function layoutDoubleArray(keys: string[], symbolOf: Uint16Array, symbols: number): Layout {
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
  // Searches start at the cursor; a search that had to pass many free slots moves it past them for good (they are
  // holes too small for the wide nodes still to come), which keeps the layout linear in practice.
  let cursor = head;
  const take = (slot: number) => {
    const n = nextFree[slot]!;
    const p = prevFree[slot]!;
    if (slot === cursor) cursor = n;
    if (p === 0) head = n;
    else nextFree[p] = n;
    if (n === 0) tail = p;
    else prevFree[n] = p;
  };

  const slotOfKey = new Int32Array(keys.length);
  const syms = keys.map((k) => {
    const a = new Int32Array(k.length);
    for (let i = 0; i < k.length; i++) a[i] = symbolOf[k.charCodeAt(i)]!;
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
    if (cursor === 0) cursor = head;
    for (let f = cursor, visited = 0; ; f = nextFree[f]!, visited++) {
      if (f === 0) {
        const old = size;
        grow(size + symbols);
        f = old; // the first of the slots just appended to the free list
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
        if (visited > 32) cursor = f;
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

// ---------------------------------------------------------------- the automaton, built ahead of time

/**
 * The compiled trie as plain numbers, so the content script loads it instead of laying out the double array on every
 * page (scripts/build-content.ts builds it). Only valid with the lexicon it was compiled from.
 */
export interface Automaton {
  version: 1;
  /** How many keys the lexicon it was compiled from has (a cheap check that it is loaded with the same one). */
  keys: number;
  /** The alphabet's units in symbol order, from symbol 1. */
  units: number[];
  states: number;
  /** Per slot: 0 without children, else base - slot, plus 1 when not negative (so 0 stays free). */
  base: number[];
  /** Per slot: 0 when free (and for the root and dead state), else slot - parent (never 0). */
  check: number[];
  /** Per terminal slot, in slot order: slot - previous terminal slot, count, then [key, afterLam] × count. */
  outputs: number[];
  /** walkFast's prefix set, as it is. */
  prefix3: number[];
}

function encodeBase(base: Int32Array): number[] {
  return Array.from(base, (b, s) => (b === 0 ? 0 : b - s >= 0 ? b - s + 1 : b - s));
}

function encodeCheck(check: Int32Array): number[] {
  return Array.from(check, (c, t) => (c < 0 ? 0 : t - c));
}

/** Both arrays in one loop over typed copies: this runs on every page, mostly before the JIT has warmed up. */
function decodeTrie(automaton: Automaton): [Int32Array, Int32Array] {
  const base = new Int32Array(automaton.base);
  const check = new Int32Array(automaton.check);
  for (let s = 0; s < base.length; s++) {
    const b = base[s]!;
    if (b !== 0) base[s] = b > 0 ? b - 1 + s : b + s;
    const c = check[s]!;
    check[s] = c === 0 ? -1 : s - c;
  }
  check[DEAD] = -2;
  check[ROOT] = -2;
  return [base, check];
}

/** A matcher from a lexicon and the automaton compiled from it ahead of time (Matcher.automaton()). */
export function loadMatcher(lexicon: Lexicon, automaton: Automaton): Matcher {
  return new Matcher(lexicon, automaton);
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

