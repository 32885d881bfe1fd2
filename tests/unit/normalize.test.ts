import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyPlainUnit, classifyUnit, fold, foldComplexSegments, foldText, originalRange } from '../../src/core/normalize.ts';

describe('fold: one row per rule', () => {
  it.each([
    // NFKC
    ['fullwidth letters', 'ＣＳＴＯ', 'csto'],
    ['mathematical letters (astral)', '𝐂𝐒𝐓𝐎', 'csto'],
    ['Latin ligature', 'ﬁnal', 'final'],
    ['Arabic presentation forms', 'ﺭﻭﺳﻴﺎ', 'روسيا'],
    ['Arabic lam-alef ligature', 'ﻻ', 'لا'],
    ['decomposed й composes', 'и\u0306', 'й'],
    ['decomposed Latin á composes', 'a\u0301', 'á'],
    // Arabic
    ['tashkeel', 'رُوسِيَا', 'روسيا'],
    ['shadda and sukun', 'بوتّين مْ', 'بوتين م'],
    ['superscript alef', 'هٰذا', 'هذا'],
    ['tatweel', 'روسيـــا', 'روسيا'],
    ['alef with hamza above', 'أفغانستان', 'افغانستان'],
    ['alef with hamza below', 'إيران', 'ايران'],
    ['alef with madda', 'آسيا', 'اسيا'],
    ['alef wasla', 'ٱلناتو', 'الناتو'],
    ['decomposed alef with madda', 'ا\u0653سيا', 'اسيا'],
    ['alef maqsura', 'موسى', 'موسي'],
    ['ta marbuta', 'منظمة', 'منظمه'],
    ['Persian yeh and keheh', 'ایران کابل', 'ايران كابل'],
    ['zero-width non-joiner', 'رو\u200Cسيا', 'روسيا'],
    ['zero-width joiner', 'رو\u200Dسيا', 'روسيا'],
    ['right-to-left and left-to-right marks', '\u200Fروسيا\u200E', 'روسيا'],
    ['Arabic letter mark', '\u061Cروسيا', 'روسيا'],
    ['bidi embeddings and isolates', '\u202Bروسيا\u202C \u2067CSTO\u2069', 'روسيا csto'],
    ['hamza on waw and yeh stay', 'مؤتمر رئيس', 'مؤتمر رئيس'],
    // Russian
    ['ё', 'Объединённые', 'объединенные'],
    ['capital Ё', 'Ёлка', 'елка'],
    ['stress mark (acute)', 'Ла\u0301вров', 'лавров'],
    ['stress mark (grave)', 'Ро\u0300ссия', 'россия'],
    ['soft hyphen', 'Орга\u00ADнизация', 'организация'],
    // case
    ['Latin case', 'CSTO Russia', 'csto russia'],
    ['Cyrillic case', 'ОДКБ Москва', 'одкб москва'],
    ['dotted capital I keeps one unit', 'İstanbul', 'istanbul'],
    // common
    ['no-break and thin spaces, tabs, newlines', 'a\u00A0b\u2009c\td\ne', 'a b c d e'],
    ['dashes', 'Russia–led — x‑y', 'russia-led - x-y'],
    ['apostrophes', 'Russia’s CSTO`s', "russia's csto's"],
    ['double quotes', '«ТАСС» “x” „y“', '"тасс" "x" "y"'],
    ['punctuation that NFKC would expand is kept', 'Wait…', 'wait…'],
    ['digits stay', '2021 ٢٠٢١', '2021 ٢٠٢١'],
  ])('%s', (_rule, input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it('keeps case when asked, with the other rules', () => {
    expect(fold('ＣＳＴＯ Ла\u0301вров ТАСС', true).text).toBe('CSTO Лавров ТАСС');
  });
});

describe('offset map', () => {
  it.each([
    ['plain', 'ab', [0, 1, 2]],
    ['tashkeel removed: units keep their own offsets', 'رُو', [0, 2, 3]],
    ['a composed segment maps to its start', 'xи\u0306y', [0, 1, 3, 4]],
    ['an expansion maps every unit to its start', 'ﻻب', [0, 0, 1, 2]],
    ['astral letters map to their first unit', '𝐂x', [0, 2, 3]],
    ['removed bidi mark', '\u200Fa', [1, 2]],
  ])('%s', (_rule, input, map) => {
    expect(Array.from(fold(input).map)).toEqual(map);
  });

  it('originalRange takes trailing tashkeel but not a trailing bidi mark', () => {
    const source = 'وَرُوسِيَا\u200F قال';
    const folded = fold(source);
    expect(folded.text.slice(1, 6)).toBe('روسيا');
    const [start, end] = originalRange(source, folded, 1, 6);
    expect(source.slice(start, end)).toBe('رُوسِيَا');
  });

  it('originalRange covers a whole NFKC segment', () => {
    const source = 'aﬁb';
    const folded = fold(source);
    expect(folded.text).toBe('afib');
    const [start, end] = originalRange(source, folded, 1, 3);
    expect(source.slice(start, end)).toBe('ﬁ');
  });
});

// Characters the rules care about, to mix with arbitrary Unicode.
const INTERESTING = [
  ...'aZ CSTOРоссияЁё',
  ...'روسياأإآٱىة',
  '\u064B', '\u064E', '\u0651', '\u0652', '\u0653', '\u0654', '\u0655', '\u0670', '\u0640',
  '\u0301', '\u0300', '\u0306', '\u0308', '\u200C', '\u200D', '\u200E', '\u200F', '\u061C', '\u202B', '\u2067', '\u00AD',
  '\uFEFF', '\u00A0', '\n', '…', 'ﬁ', 'ﻻ', 'ﷲ', 'Ａ', '𝐂', '😀', '\uD800', '\uDC00', '\u1100', '\u1161', '\u11A8', 'İ', '’', '«',
];
const mixed = fc.oneof(
  fc.string({ unit: fc.constantFrom(...INTERESTING), maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.oneof(fc.constantFrom(...INTERESTING), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 40 }),
);

describe('folding never loses the offset map (property)', () => {
  it('the map is complete, ordered and inside the text', () => {
    fc.assert(
      fc.property(mixed, (source) => {
        const { text, map } = fold(source);
        expect(map.length).toBe(text.length + 1);
        expect(map[text.length]).toBe(source.length);
        for (let i = 0; i < text.length; i++) {
          expect(map[i]!).toBeLessThan(source.length);
          expect(map[i]!).toBeLessThanOrEqual(map[i + 1]!);
          const c = source.charCodeAt(map[i]!);
          expect(c >= 0xdc00 && c <= 0xdfff && map[i]! > 0 && source.charCodeAt(map[i]! - 1) >= 0xd800 && source.charCodeAt(map[i]! - 1) <= 0xdbff).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('each run of units with one offset folds back from exactly its original slice', () => {
    fc.assert(
      fc.property(mixed, (source) => {
        const { text, map } = fold(source);
        let i = 0;
        while (i < text.length) {
          let j = i + 1;
          while (j < text.length && map[j] === map[i]) j++;
          const from = map[i]!;
          const to = map[j]!;
          expect(fold(source.slice(from, to)).text).toBe(text.slice(i, j));
          i = j;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(mixed, (source) => {
        const once = fold(source).text;
        expect(fold(once).text).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('foldComplexSegments: fold only what needs NFKC', () => {
  it.each([
    ['nothing to do', 'Russia روسيا Россия', null],
    ['a stress mark', 'Ла\u0301врова', 'Лаврова'],
    ['a ligature in a sentence', 'the ﬁnal CSTO', 'the final CSTO'],
    ['mathematical letters', '𝐂𝐒𝐓𝐎 met', 'csto met'],
  ])('%s', (_case, input, expected) => {
    const partial = foldComplexSegments(input);
    if (expected === null) expect(partial).toBeNull();
    else expect(fold(partial!.text).text).toBe(fold(expected).text);
  });

  it('folds back to what fold() gives, with a complete offset map (property)', () => {
    fc.assert(
      fc.property(mixed, (source) => {
        const partial = foldComplexSegments(source);
        if (!partial) return;
        expect(fold(partial.text).text).toBe(fold(source).text);
        expect(partial.map.length).toBe(partial.text.length + 1);
        expect(partial.map[partial.text.length]).toBe(source.length);
        for (let i = 0; i < partial.text.length; i++) {
          expect(partial.map[i]!).toBeLessThanOrEqual(partial.map[i + 1]!);
          expect(partial.map[i]!).toBeLessThan(source.length);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the plain-unit shortcut (no Unicode tables for the usual units of ar/en/ru text)', () => {
  it('gives the general answer for every BMP unit it takes', () => {
    let taken = 0;
    for (let c = 0; c < 0x10000; c++) {
      const plain = classifyPlainUnit(c);
      if (plain === null) continue;
      taken++;
      expect(plain, `U+${c.toString(16).padStart(4, '0')}`).toEqual(classifyUnit(c));
    }
    expect(taken).toBeGreaterThan(350);
  });

  it('takes the units of ordinary news text', () => {
    for (const ch of 'Az09 .,;:!?"\'()-–—‘’“”«»…\u00a0\u200fйЁяبيءةى٣،؟\u064e\u0640éÖ') expect(classifyPlainUnit(ch.charCodeAt(0)), ch).not.toBeNull();
  });
});
