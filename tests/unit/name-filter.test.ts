// The pre-check the content script runs before loading the matcher: it must never say "no name here" where the real
// matcher finds a candidate (a false negative would hide marks), and it should say so for ordinary prose.
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPack } from '../../src/core/bundled-pack.ts';
import { ARABIC_CONJUNCTIONS, ARABIC_PREPOSITIONS } from '../../src/core/forms.ts';
import { htmlToText } from '../../src/core/html-text.ts';
import { buildLexicon } from '../../src/core/lexicon.ts';
import { compileMatcher } from '../../src/core/matcher.ts';
import { NOT_PLAIN, PLAIN_WORDS, buildNameFilter, createNameFilter, foldPlain, type NameFilterData } from '../../src/core/name-filter.ts';
import { KIND_SEP, KIND_WORD, foldUnit, unitKind } from '../../src/core/normalize.ts';

const root = join(import.meta.dirname, '../..');
const { lexicon } = buildLexicon(bundledPack);
const matcher = compileMatcher(lexicon);
// Through JSON, as the content script gets it.
const data = JSON.parse(JSON.stringify(buildNameFilter(lexicon))) as NameFilterData;
const filter = createNameFilter(data);

const found = (text: string) => matcher.scanBlock(text).candidates.length > 0;

/** The property every test here checks: where the matcher finds something, the filter says "maybe". */
function expectNoFalseNegative(text: string): void {
  if (found(text)) expect(filter.mayMention(text), JSON.stringify(text)).toBe(true);
}

const packNames = bundledPack.entities.flatMap((e) =>
  (['en', 'ru', 'ar'] as const).flatMap((lang) => [e.names[lang].name, ...(e.names[lang].short ? [e.names[lang].short] : []), ...e.names[lang].aliases.map((a) => a.text)]),
);
const clitics = ['', ...ARABIC_CONJUNCTIONS, ...ARABIC_PREPOSITIONS, 'وب', 'ول', 'فل', 'وك', 'لل', 'ولل', 'بال', 'وال'];
// Ordinary words of the three languages, none of them a name.
const prose = {
  en: 'the of and to in that said on for with was as by at from officials government minister talks security region border after would meeting week council republic united we stand',
  ru: 'и в на с что по для как это было заявил министр встреча безопасности региона границы после неделе переговоры стороны совет республика',
  ar: 'في من على إلى أن التي الذي قال وزير الأمن المنطقة الحدود بعد الاجتماع الأسبوع المحادثات الجانبين الحكومة مجلس وسط',
};
const proseWords = Object.values(prose).flatMap((text) => text.split(' '));
// Units where folding, word boundaries or NFKC could trip a shortcut.
const tricky = [' ', '  ', '\n', '\u00a0', '. ', ', ', '-', '\u2013', "'", '\u2019', '"', '«', '»', '(', ')', '@', '.org', '/', '#',
  '\u064E', '\u0651', '\u0640', '\u200C', '\u200D', '\u200F', '\u061C', '\u00AD', '\u0301', '\u0306', 'ﻻ', 'ﬁ', '😀', '𝐏', 'ё', 'Ё', 'й', 'x', '1', 'ة', 'ى', 'أ', 'آ'];

function caseForms(name: string): string[] {
  return [name, name.toUpperCase(), name.toLowerCase(), name.charAt(0).toUpperCase() + name.slice(1).toLowerCase()];
}

describe('the name filter', () => {
  it('ships small', () => {
    expect(JSON.stringify(data).length).toBeLessThan(20_000);
    expect(data.singleWords.split('\n').length + data.firstWords.split('\n').length + data.pairs.length).toBeGreaterThan(1000);
  });

  it('splits keys into words as the text side does: key units are their own fold, and fold keeps a unit a word or not', () => {
    const keyUnits = new Set(lexicon.keys.flatMap((key) => [...key].map((ch) => ch.charCodeAt(0))));
    for (const unit of keyUnits) {
      expect([KIND_WORD, KIND_SEP], `U+${unit.toString(16)}`).toContain(unitKind(unit));
      expect(foldUnit(unit)).toBe(unit);
    }
    for (let c = 0; c < 0x10000; c++) {
      const kind = unitKind(c);
      if ((kind === KIND_WORD || kind === KIND_SEP) && keyUnits.has(foldUnit(c))) expect(unitKind(foldUnit(c)), `U+${c.toString(16)}`).toBe(kind);
    }
  });

  it('folds plain text as normalize.ts does and tells its words by a character class, for every plain unit', () => {
    let plain = 0;
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (NOT_PLAIN.test(ch)) continue;
      plain++;
      const kind = unitKind(c);
      expect([KIND_WORD, KIND_SEP], `U+${c.toString(16)}`).toContain(kind);
      const folded = foldPlain(ch);
      expect(folded.length).toBe(1);
      const word = new RegExp(`^${PLAIN_WORDS.source}$`).test(folded);
      expect(word, `U+${c.toString(16)}`).toBe(kind === KIND_WORD);
      if (kind === KIND_WORD) expect(folded.charCodeAt(0), `U+${c.toString(16)}`).toBe(foldUnit(c));
    }
    expect(plain).toBeGreaterThan(300);
  });

  it('says "maybe" for every key of the lexicon (every form the matcher knows), alone and in a sentence', () => {
    for (const key of lexicon.keys) {
      expect(filter.mayMention(key), key).toBe(true);
      for (const text of [`${prose.en.slice(0, 40)} ${key}, ${prose.ru.slice(0, 30)}`, `${prose.ar.slice(0, 30)} و${key}.`]) expectNoFalseNegative(text);
    }
  }, 60_000);

  it('never misses a pack name in any case, after any Arabic clitic, between any separators', () => {
    const around = [['', ''], ['— ', '.'], ['\u00a0«', '»'], [`${prose.ru.slice(0, 20)} `, ` ${prose.en.slice(0, 20)}`]];
    for (const name of packNames) {
      const arabic = /[\u0600-\u06FF]/.test(name);
      for (const form of arabic ? [name] : caseForms(name)) {
        for (const clitic of arabic ? clitics : ['']) {
          for (const [before, after] of around) expectNoFalseNegative(`${before}${clitic}${form}${after}`);
        }
      }
      // Whitespace runs, tashkeel and joiners inside the name.
      expectNoFalseNegative(name.replace(/ /g, ' \u00a0 '));
      expectNoFalseNegative(name.replace(/([\u0621-\u064A])/g, '$1\u064E'));
      expectNoFalseNegative(name.replace(/(.)(.)/, '$1\u200C$2'));
    }
  }, 120_000);

  it('never misses what the matcher finds in random text of names, keys, prose and tricky units', () => {
    const piece = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...packNames).chain((name) => fc.constantFrom(...caseForms(name))) },
      { weight: 2, arbitrary: fc.constantFrom(...lexicon.keys) },
      { weight: 2, arbitrary: fc.constantFrom(...clitics) },
      { weight: 3, arbitrary: fc.constantFrom(...proseWords) },
      { weight: 4, arbitrary: fc.constantFrom(...tricky) },
    );
    const text = fc.oneof(
      { weight: 4, arbitrary: fc.array(piece, { maxLength: 16 }).map((parts) => parts.join('')) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    );
    fc.assert(fc.property(text, (sample) => expectNoFalseNegative(sample)), { numRuns: 5000 });
  }, 120_000);

  it.each(readdirSync(join(root, 'demo')).filter((name) => /^article-.*\.html$/.test(name)))('keeps every block with a mention in demo/%s', (name) => {
    const page = htmlToText(readFileSync(join(root, 'demo', name), 'utf8'));
    const blocks = page.blocks.map((b) => page.text.slice(b.start, b.end));
    expect(blocks.some(found)).toBe(true);
    for (const block of blocks) expectNoFalseNegative(block);
  });

  it('says "no name here" for ordinary prose in the three languages (what saves loading the matcher)', () => {
    for (const text of Object.values(prose)) {
      expect(found(text)).toBe(false);
      expect(filter.mayMention(text), text).toBe(false);
    }
    // First words of names alone are not names: "united" without "states", "совет" without "безопасности".
    expect(filter.mayMention('We stood united. The council met; the republic voted.')).toBe(false);
  });
});
