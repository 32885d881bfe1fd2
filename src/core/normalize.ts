// Folding for matching, with an offset map back to the original text. No DOM, no browser API.
//
// fold(text) = per segment (a starter and the combining marks after it): Unicode NFKC, then one rule per script family
// on each unit: Arabic (strip tashkeel and tatweel, أ إ آ ٱ → ا, ى → ي, ة → ه, Persian ی ک → ي ك), Cyrillic (ё → е,
// strip the stress mark), common (case folding, all whitespace → " ", dashes → "-", apostrophes → "'", double quotes
// « » “ ” „ → '"', zero-width joiners/non-joiners, soft hyphens and bidi marks removed). The rules are keyed by script, not by the declared language of a
// text, so a Russian article quoting an Arabic name folds both correctly; folding Arabic rules on Latin text (or the
// reverse) never changes anything.
//
// One deliberate departure from NFKC: punctuation and symbols whose compatibility form is several characters
// ("…" → "...", "½") are kept as they are. They separate words either way, and keeping them lets the matcher fold
// unit by unit in its fast path.
//
// The offset map: map[i] is the UTF-16 offset in the original text of the segment that produced folded unit i, and
// map[folded.length] is the original length. Units from a "simple" segment map one to one; when NFKC changes a
// segment's length, every unit it produced maps to the segment's start (see originalRange for ends).

import { lazyRegExp } from './lazy-regexp.ts';

/** Result of folding. `map.length === text.length + 1`. */
export interface Folded {
  text: string;
  map: Uint32Array;
}

/** foldUnit result for units that are removed (tashkeel, tatweel, stress mark, ZWJ/ZWNJ, bidi marks, soft hyphen). */
export const DROP = -1;

// ---- script families: one function each, on a unit already in NFKC form; they return the folded unit ----

/** Arabic: tashkeel (and Quranic marks), tatweel removed; alef forms, alef maqsura, ta marbuta unified. */
export function foldArabicUnit(c: number): number {
  if (c < 0x0600 || c > 0x06ff) return c;
  if ((c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640) return DROP;
  if ((c >= 0x06d6 && c <= 0x06dc) || (c >= 0x06df && c <= 0x06e8) || (c >= 0x06ea && c <= 0x06ed)) return DROP;
  switch (c) {
    case 0x0622: // آ
    case 0x0623: // أ
    case 0x0625: // إ
    case 0x0671: // ٱ
      return 0x0627; // ا
    case 0x0649: // ى
    case 0x06cc: // ی (Persian yeh)
      return 0x064a; // ي
    case 0x0629: // ة
      return 0x0647; // ه
    case 0x06a9: // ک (keheh)
      return 0x0643; // ك
    default:
      return c;
  }
}

/** Cyrillic: ё → е (after case folding), stress marks removed. */
export function foldCyrillicUnit(c: number): number {
  if (c === 0x0451 || c === 0x0401) return 0x0435; // ё Ё → е
  if (c === 0x0301 || c === 0x0300) return DROP; // combining acute / grave used as stress marks
  return c;
}

/** Common to every script: whitespace, dashes, apostrophes, invisible format characters. */
export function foldCommonUnit(c: number): number {
  if (c <= 0x7f) return c === 0x09 || c === 0x0a || c === 0x0b || c === 0x0c || c === 0x0d ? 0x20 : c === 0x60 ? 0x27 : c;
  switch (c) {
    case 0x00a0: case 0x1680: case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000: case 0x0085: case 0x200b:
      return 0x20;
    case 0x00ad: case 0x200c: case 0x200d: case 0x200e: case 0x200f: case 0x061c: case 0x2060: case 0xfeff:
      return DROP;
    case 0x2018: case 0x2019: case 0x02bc: case 0x00b4: case 0x2032:
      return 0x27; // '
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: case 0xfe58:
      return 0x2d; // -
    case 0x00ab: case 0x00bb: case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033:
      return 0x22; // "
  }
  if (c >= 0x2000 && c <= 0x200a) return 0x20;
  if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return DROP;
  return c;
}

function lowerUnit(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  const lower = String.fromCharCode(c).toLowerCase();
  // "İ".toLowerCase() is two units; keep the one-to-one map with its first unit.
  return lower.charCodeAt(0);
}

/** Fold one unit that is already in NFKC form: case folding, then the script rules. */
export function foldNormalizedUnit(c: number, keepCase = false): number {
  const common = foldCommonUnit(c);
  if (common === DROP || common === 0x20) return common;
  const cased = keepCase ? common : lowerUnit(common);
  const arabic = foldArabicUnit(cased);
  if (arabic !== cased) return arabic;
  return foldCyrillicUnit(cased);
}

// ---- unit classes (cached for the BMP) ----

/** Unit kinds, as used by fold() and by the matcher's fast path. */
export const KIND_WORD = 1; // letter, digit or combining mark that stays
export const KIND_SEP = 2; // whitespace, punctuation, symbol
export const KIND_DROP = 3; // removed by folding
export const KIND_COMPLEX = 4; // needs NFKC of its whole segment (composition, expansion), or a surrogate

const WORDLIKE = lazyRegExp(() => /^[\p{L}\p{N}\p{M}]$/u);
const MARK = lazyRegExp(() => /^\p{M}$/u);

/** Whether a folded unit (or code point) is part of a word: letters, digits, combining marks. */
export function isWordChar(ch: string): boolean {
  return WORDLIKE.test(ch);
}

// Lazily filled tables for the BMP: kind (0 = not computed yet) and folded unit.
const kindTable = new Uint8Array(0x10000);
const foldTable = new Int32Array(0x10000);
/**
 * The tables behind unitKind and foldUnit, for a loop over every unit of a page that cannot afford two calls per unit
 * (the name filter): a kind of 0 means not computed yet, and unitKind(c) computes both.
 */
export const unitKinds: Readonly<Uint8Array> = kindTable;
export const unitFolds: Readonly<Int32Array> = foldTable;

/** Arabic marks that never take part in canonical composition; anything else that is a mark needs real NFKC. */
function isDroppableArabicMark(c: number): boolean {
  return (
    (c >= 0x064b && c <= 0x0652) ||
    (c >= 0x0656 && c <= 0x065f) ||
    c === 0x0670 ||
    (c >= 0x06d6 && c <= 0x06dc) ||
    (c >= 0x06df && c <= 0x06e4) ||
    (c >= 0x06e7 && c <= 0x06e8) ||
    (c >= 0x06ea && c <= 0x06ed)
  );
}

function isHangulJamo(c: number): boolean {
  return (c >= 0x1100 && c <= 0x11ff) || (c >= 0xa960 && c <= 0xa97f) || (c >= 0xd7b0 && c <= 0xd7ff);
}

/** The units classifyPlainUnit takes that are words (letters and digits). */
function isPlainWord(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x0400 && c <= 0x045f) ||
    (c >= 0x0621 && c <= 0x063a) ||
    (c >= 0x0641 && c <= 0x064a) ||
    (c >= 0x0660 && c <= 0x0669)
  );
}

/**
 * The usual units of ar/en/ru text: ASCII, Latin-1 letters, basic Cyrillic and Arabic letters, Arabic-Indic digits,
 * tashkeel and tatweel, common punctuation and spaces, joiners and bidi marks. None is a mark that composes and NFKC
 * changes none but to what the unit rules give anyway, so kind and fold need no Unicode tables: the general path's
 * Unicode regexes cost a page milliseconds to compile. Gives what the general path gives (tested for every unit it
 * takes in tests/unit/normalize.test.ts); null for any other unit.
 */
export function classifyPlainUnit(c: number): [kind: number, folded: number] | null {
  const plain =
    c < 0x80 ||
    isPlainWord(c) ||
    (c >= 0x0640 && c <= 0x0652) ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x201c && c <= 0x201e) ||
    [0xa0, 0xab, 0xad, 0xbb, 0xd7, 0xf7, 0x060c, 0x061b, 0x061f, 0x2013, 0x2014, 0x2018, 0x2019, 0x2022, 0x2026].includes(c);
  if (!plain) return null;
  const f = foldNormalizedUnit(c);
  if (f === DROP) return [KIND_DROP, DROP];
  return [isPlainWord(c) ? KIND_WORD : KIND_SEP, f];
}

/** Kind and fold of any BMP unit, with the Unicode tables (exported for the test of classifyPlainUnit). */
export function classifyUnit(c: number): [kind: number, folded: number] {
  if (c >= 0xd800 && c <= 0xdfff) return [KIND_COMPLEX, c];
  const ch = String.fromCharCode(c);
  if (MARK.test(ch)) {
    // Droppable Arabic marks go; any other mark may compose with its base (й = и + ̆, á = a + ́): fold the segment.
    return isDroppableArabicMark(c) ? [KIND_DROP, DROP] : [KIND_COMPLEX, c];
  }
  if (isHangulJamo(c)) return [KIND_COMPLEX, c];
  const nf = ch.normalize('NFKC');
  const wordlike = WORDLIKE.test(ch);
  if (nf.length !== 1) {
    // Ligatures, presentation forms that expand: ﻻ → لا, ﬁ → fi.
    if (wordlike || nf.length === 0) return [KIND_COMPLEX, c];
    // Punctuation or symbol that NFKC would expand ("…"): kept as is, see the header.
    const f = foldNormalizedUnit(c);
    return [f === DROP ? KIND_DROP : KIND_SEP, f];
  }
  const f = foldNormalizedUnit(nf.charCodeAt(0));
  if (f === DROP) return [KIND_DROP, f];
  return [WORDLIKE.test(String.fromCharCode(f)) ? KIND_WORD : KIND_SEP, f];
}

function computeUnit(c: number): void {
  const [kind, folded] = classifyPlainUnit(c) ?? classifyUnit(c);
  kindTable[c] = kind;
  foldTable[c] = folded;
}

/** The kind of one UTF-16 unit: KIND_WORD, KIND_SEP, KIND_DROP or KIND_COMPLEX. */
export function unitKind(c: number): number {
  let k = kindTable[c]!;
  if (k === 0) {
    computeUnit(c);
    k = kindTable[c]!;
  }
  return k;
}

/** The folded (lower-case) unit for a unit whose kind is WORD, SEP or DROP (DROP gives -1). */
export function foldUnit(c: number): number {
  if (kindTable[c] === 0) computeUnit(c);
  return foldTable[c]!;
}

/** Per BMP unit: 0 not known yet, 1 a starter, 2 a non-starter (cached: segmentation asks often). */
const starterTable = new Uint8Array(0x10000);

function isNonStarter(c: number): boolean {
  // Combining marks and Hangul vowel/trailing jamo attach to what precedes them.
  if (c < 0x0300) return false;
  let known = starterTable[c]!;
  if (known === 0) {
    known = MARK.test(String.fromCharCode(c)) || (c >= 0x1160 && c <= 0x11ff) || (c >= 0xd7b0 && c <= 0xd7ff) ? 2 : 1;
    starterTable[c] = known;
  }
  return known === 2;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * The end of the segment that starts at `i`: a starter (one unit, or a surrogate pair) and the combining marks (and
 * Hangul vowel/final jamo) after it. NFKC never reaches across segments, so fold() normalises one at a time.
 */
export function segmentEnd(source: string, i: number): number {
  const n = source.length;
  const c0 = source.charCodeAt(i);
  let j = c0 >= 0xd800 && c0 <= 0xdbff && i + 1 < n && isLowSurrogate(source.charCodeAt(i + 1)) ? i + 2 : i + 1;
  while (j < n) {
    const c = source.charCodeAt(j);
    if (c >= 0xd800 && c <= 0xdbff && j + 1 < n && isLowSurrogate(source.charCodeAt(j + 1))) {
      if (!MARK.test(source.slice(j, j + 2))) break;
      j += 2;
      continue;
    }
    if (!isNonStarter(c)) break;
    j++;
  }
  return j;
}

/**
 * Fold a text for matching. Exact offsets: `map[i]` is where folded unit i came from; see the file header.
 * `keepCase` skips case folding (used to check case-sensitive aliases such as CSTO or ТАСС).
 */
export function fold(source: string, keepCase = false): Folded {
  const n = source.length;
  let buf = new Uint16Array(n + 8);
  let map = new Uint32Array(n + 9);
  let len = 0;
  const push = (unit: number, at: number): void => {
    if (len >= buf.length) {
      const bigger = new Uint16Array(buf.length * 2 + 16);
      bigger.set(buf);
      buf = bigger;
      const biggerMap = new Uint32Array(bigger.length + 1);
      biggerMap.set(map);
      map = biggerMap;
    }
    buf[len] = unit;
    map[len] = at;
    len++;
  };

  let i = 0;
  while (i < n) {
    const j = segmentEnd(source, i);
    let simple = true;
    const c0 = source.charCodeAt(i);
    const pair = c0 >= 0xd800 && c0 <= 0xdbff && j > i + 1 && isLowSurrogate(source.charCodeAt(i + 1));
    if (pair) {
      const ch = source.slice(i, i + 2);
      simple = ch.normalize('NFKC') === ch && !MARK.test(ch);
    } else if (unitKind(c0) === KIND_COMPLEX && !(c0 >= 0xd800 && c0 <= 0xdfff)) {
      simple = false;
    }
    for (let k = pair ? i + 2 : i + 1; k < j && simple; k++) {
      const c = source.charCodeAt(k);
      if ((c >= 0xd800 && c <= 0xdfff) || unitKind(c) === KIND_COMPLEX) simple = false;
    }
    if (simple) {
      for (let k = i; k < j; k++) {
        const c = source.charCodeAt(k);
        const kind = unitKind(c);
        if (kind === KIND_COMPLEX) {
          // A lone surrogate, or an astral character that NFKC leaves alone: both units map to its start.
          push(c, c >= 0xdc00 && c <= 0xdfff && k > i ? i : k);
          continue;
        }
        if (kind === KIND_DROP) continue;
        if (keepCase) {
          const nf = String.fromCharCode(c).normalize('NFKC');
          const f = foldNormalizedUnit(nf.length === 1 ? nf.charCodeAt(0) : c, true);
          if (f !== DROP) push(f, k);
        } else {
          push(foldTable[c]!, k);
        }
      }
    } else {
      for (const unit of foldSegment(source.slice(i, j), keepCase)) push(unit, i);
    }
    i = j;
  }
  map[len] = n;
  let text = '';
  for (let k = 0; k < len; k += 8192) text += String.fromCharCode(...buf.subarray(k, Math.min(len, k + 8192)));
  return { text, map: map.slice(0, len + 1) };
}

function foldUnits(text: string, keepCase: boolean): string {
  let out = '';
  for (let k = 0; k < text.length; k++) {
    const f = foldNormalizedUnit(text.charCodeAt(k), keepCase);
    if (f !== DROP) out += String.fromCharCode(f);
  }
  return out;
}

/** NFKC and the unit rules for one segment; case folding can make a new composition (T̈ → ẗ → ẗ), so twice. */
function foldSegment(segment: string, keepCase: boolean): number[] {
  const nf = segment.normalize('NFKC');
  // Marks on a removed base (a tatweel, a joiner) go with it rather than land on the letter before.
  if (!MARK.test(nf[0] ?? '') && foldNormalizedUnit(nf.charCodeAt(0), keepCase) === DROP) return [];
  let text = foldUnits(nf, keepCase);
  // Folding can make a new composition (T̈ → ẗ → ẗ; е + ̈ → ё → е; a jamo pair once a mark between them is
  // gone): repeat until nothing changes.
  for (let round = 0; round < 4; round++) {
    const again = foldUnits(text.normalize('NFKC'), keepCase);
    if (again === text) break;
    text = again;
  }
  const units: number[] = [];
  for (let k = 0; k < text.length; k++) units.push(text.charCodeAt(k));
  return units;
}

/**
 * Fold only the segments that need NFKC with their neighbours (a ligature, a decomposed й, a stress mark, a
 * mathematical letter), leaving every other unit as it is, with the same kind of offset map as fold(). For the
 * matcher, which folds simple units itself: one such segment in a long text costs a slice, not a fold of all of it.
 * Returns null when the text has no such segment.
 */
export function foldComplexSegments(source: string): Folded | null {
  const n = source.length;
  const pieces: string[] = [];
  const at: number[] = []; // per piece: its start in the source, or -1 - start for a folded segment
  let copied = 0;
  for (let i = 0; i < n; i++) {
    const c = source.charCodeAt(i);
    let kind = kindTable[c]!;
    if (kind === 0) {
      computeUnit(c);
      kind = kindTable[c]!;
    }
    if (kind !== KIND_COMPLEX) continue;
    // The segment holding unit i: back to its starter, on to its end.
    let start = i;
    while (start > copied && isNonStarter(source.charCodeAt(start))) start--;
    const end = segmentEnd(source, start);
    const segment = source.slice(start, end);
    const pair = segment.length === 2 && isLowSurrogate(segment.charCodeAt(1));
    if (pair && segment.normalize('NFKC') === segment && !MARK.test(segment)) {
      i = end - 1; // an astral character NFKC leaves alone: the matcher reads it as it is
      continue;
    }
    if (start > copied) {
      pieces.push(source.slice(copied, start));
      at.push(copied);
    }
    pieces.push(String.fromCharCode(...foldSegment(segment, false)));
    at.push(-1 - start);
    copied = end;
    i = end - 1;
  }
  if (pieces.length === 0) return null;
  if (copied < n) {
    pieces.push(source.slice(copied));
    at.push(copied);
  }
  const text = pieces.join('');
  const map = new Uint32Array(text.length + 1);
  let k = 0;
  for (let p = 0; p < pieces.length; p++) {
    const length = pieces[p]!.length;
    const from = at[p]!;
    const end = k + length;
    if (from >= 0) for (let u = from; k < end; k++, u++) map[k] = u;
    else map.fill(-1 - from, k, (k = end));
  }
  map[text.length] = n;
  return { text, map };
}

/** Just the folded text (lower-case). Used for aliases at build time. */
export function foldText(source: string): string {
  return fold(source).text;
}

/**
 * The original range [start, end) of folded units [fs, fe). The end takes the rest of the last unit's segment (its
 * tashkeel, a stress mark) and the removed letter-like units right after it (tatweel and its marks), but not invisible
 * format characters (bidi marks, ZWNJ) or anything after them. The matcher's fast path ends matches the same way.
 */
export function originalRange(source: string, folded: Folded, fs: number, fe: number): [number, number] {
  const start = folded.map[fs]!;
  if (fe <= fs) return [start, start];
  let end = segmentEnd(source, folded.map[fe - 1]!);
  while (end < source.length && extendsMatch(source.charCodeAt(end))) end = segmentEnd(source, end);
  return [start, end];
}

/** A unit that folding removes but that belongs to the word before it: tashkeel, tatweel (not format characters). */
export function extendsMatch(c: number): boolean {
  return unitKind(c) === KIND_DROP && !FORMAT.test(String.fromCharCode(c)); // (rare: only for removed units)
}

const FORMAT = lazyRegExp(() => /^\p{Cf}$/u);
