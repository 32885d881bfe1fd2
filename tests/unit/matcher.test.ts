import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLexicon } from '../../src/core/lexicon.ts';
import { compileMatcher, documentLang, matcherForPack, type Mention } from '../../src/core/matcher.ts';
import { testPack } from './fixtures/test-pack.ts';

const matcher = matcherForPack(testPack);
const found = (text: string): Array<[string, string]> => matcher.scanText(text).mentions.map((m) => [m.entity, m.text]);

function expectSlices(text: string, mentions: Mention[]): void {
  let end = 0;
  for (const m of mentions) {
    expect(m.start).toBeGreaterThanOrEqual(end);
    expect(m.end).toBeGreaterThan(m.start);
    expect(text.slice(m.start, m.end)).toBe(m.text);
    end = m.end;
  }
}

describe('finds names as the press writes them', () => {
  it.each([
    // Arabic: attached clitics, the article, assimilation, spelling variants folded away
    ['وروسيا', [['russia', 'روسيا']]],
    ['لروسيا', [['russia', 'روسيا']]],
    ['بأفغانستان', [['afghanistan', 'أفغانستان']]],
    ['وبأفغانستان', [['afghanistan', 'أفغانستان']]],
    ['فلروسيا', [['russia', 'روسيا']]],
    ['وبوتين', [['putin', 'بوتين']]],
    ['بوتين', [['putin', 'بوتين']]],
    ['ولافروف', [['lavrov', 'لافروف']]],
    ['لافروف', [['lavrov', 'لافروف']]],
    ['الناتو', [['nato', 'الناتو']]],
    ['بالناتو', [['nato', 'الناتو']]],
    ['والناتو', [['nato', 'الناتو']]],
    ['للناتو', [['nato', 'لناتو']]],
    ['وللناتو', [['nato', 'لناتو']]],
    ['وللولايات المتحدة', [['usa', 'لولايات المتحدة']]],
    ['والولايات المتحدة', [['usa', 'الولايات المتحدة']]],
    ['ناتو', [['nato', 'ناتو']]],
    ['وطاجيكستان', [['tajikistan', 'طاجيكستان']]],
    ['وَرُوسِيَا', [['russia', 'رُوسِيَا']]],
    ['روسيـــا', [['russia', 'روسيـــا']]],
    ['رو\u200Cسيا', [['russia', 'رو\u200Cسيا']]],
    ['\u200Fروسيا\u200F.', [['russia', 'روسيا']]],
    ['افغانستان', [['afghanistan', 'افغانستان']]],
    ['منظمة معاهدة الأمن الجماعي', [['csto', 'منظمة معاهدة الأمن الجماعي']]],
    ['"منظمة معاهدة الأمن الجماعي"،', [['csto', 'منظمة معاهدة الأمن الجماعي']]],
    ['لمنظمة معاهدة الأمن الجماعي', [['csto', 'منظمة معاهدة الأمن الجماعي']]],
    ['معاهدة الأمن الجماعي', [['collective-security-treaty', 'معاهدة الأمن الجماعي']]],
    ['ستانيسلاف زاس', [['zas', 'ستانيسلاف زاس']]],
    ['ولفت شويجو', [['shoigu', 'شويجو']]],
    ['(تاس)', [['tass', 'تاس']]],
    // Russian: case forms, head-word declension, indeclinables
    ['Путина', [['putin', 'Путина']]],
    ['Путину', [['putin', 'Путину']]],
    ['Путиным', [['putin', 'Путиным']]],
    ['о Путине', [['putin', 'Путине']]],
    ['Владимира Путина', [['putin', 'Владимира Путина']]],
    ['Лаврова', [['lavrov', 'Лаврова']]],
    ['России', [['russia', 'России']]],
    ['Россию', [['russia', 'Россию']]],
    ['Россией', [['russia', 'Россией']]],
    ['в Москве', [['moscow', 'Москве']]],
    ['Шойгу', [['shoigu', 'Шойгу']]],
    ['Сергеем Шойгу', [['shoigu', 'Сергеем Шойгу']]],
    ['Лукашенко', [['lukashenko', 'Лукашенко']]],
    ['Касым-Жомарта Токаева', [['tokayev', 'Касым-Жомарта Токаева']]],
    ['ОДКБ', [['csto', 'ОДКБ']]],
    ['Организации Договора о коллективной безопасности', [['csto', 'Организации Договора о коллективной безопасности']]],
    ['Договору о коллективной безопасности', [['collective-security-treaty', 'Договору о коллективной безопасности']]],
    ['Коллективных сил оперативного реагирования', [['csto-crrf', 'Коллективных сил оперативного реагирования']]],
    ['Центральной Азии', [['central-asia', 'Центральной Азии']]],
    ['Соединённых Штатов Америки', [['usa', 'Соединённых Штатов Америки']]],
    ['Соединенных Штатов', [['usa', 'Соединенных Штатов']]],
    ['Ла\u0301врова', [['lavrov', 'Ла\u0301врова']]],
    ['Ро\u0301ссия и Шойгу\u0301', [['russia', 'Ро\u0301ссия'], ['shoigu', 'Шойгу\u0301']]],
    ['cafe\u0301 Ла\u0300врова', [['lavrov', 'Ла\u0300врова']]],
    ['Белоруссии и Беларуси', [['belarus', 'Белоруссии'], ['belarus', 'Беларуси']]],
    ['«ТАСС»', [['tass', 'ТАСС']]],
    ['ПУТИН ЗАЯВИЛ', [['putin', 'ПУТИН']]],
    // English: possessives, hyphenation, both spellings, acronyms
    ["CSTO's", [['csto', 'CSTO']]],
    ['Russia’s', [['russia', 'Russia']]],
    ["Reuters' report", [['reuters', 'Reuters']]],
    ['Russia-led', [['russia', 'Russia']]],
    ['anti-NATO', [['nato', 'NATO']]],
    ['pro-Moscow', [['moscow', 'Moscow']]],
    ['Collective Security Treaty Organization', [['csto', 'Collective Security Treaty Organization']]],
    ['Collective Security Treaty Organisation', [['csto', 'Collective Security Treaty Organisation']]],
    ['the U.S. army', [['usa', 'U.S.']]],
    ['#CSTO', [['csto', 'CSTO']]],
    ['joined the CSTO. Then', [['csto', 'CSTO']]],
    ['the CSTO: members', [['csto', 'CSTO']]],
    ['ended with the CSTO.', [['csto', 'CSTO']]],
    ['RUSSIA', [['russia', 'RUSSIA']]],
    ['Russia/Belarus', [['russia', 'Russia'], ['belarus', 'Belarus']]],
    ['ＣＳＴＯ', [['csto', 'ＣＳＴＯ']]],
    // whitespace inside names
    ['Collective Security\nTreaty  Organization', [['csto', 'Collective Security\nTreaty  Organization']]],
    ['Vladimir\u00A0Putin', [['putin', 'Vladimir\u00A0Putin']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
    expectSlices(text, matcher.scanText(text).mentions);
  });
});

describe('traps: nothing to find', () => {
  it.each([
    ['تاس inside تاسع', 'في اليوم التاسع تاسع'],
    ['a name inside a longer Arabic word', 'الروسية الأفغانية الأفغان روسياني'],
    ['Arabic anaphora and demonyms', 'المنظمة الروسي الأميركيين'],
    ['Зас inside Заседание', 'Заседание засекречено, Засечка'],
    ['Путина inside Путинская', 'Путинская эпоха, путинский'],
    ['lower-case common nouns: путина (fishing season), лавров (laurels)', 'путина началась, почивать на лаврах, венок из лавров'],
    ['case-sensitive acronyms in lower case', 'тасс одкб csto nato us un'],
    ['CSTO in a URL', 'https://en.odkb-csto.org/CSTO/news and www.csto.int'],
    ['CSTO in an e-mail address', 'press@csto.int or CSTO@mail.example'],
    ['a domain', 'see csto.int and tass.ru'],
    ['a handle or identifier', '@CSTO_ODKB CSTO_news'],
    ['letters or digits glued on', 'CSTO2024 2CSTO NATOs Russias'],
    ['inside an English word after an apostrophe', "O'Russia d'NATO"],
    ['a multi-word name broken by punctuation', 'Collective Security. Treaty Organization'],
    ['Latin letters only look alike', 'Rossiya Moskva'],
  ])('%s', (_trap, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('longest match wins, no overlaps', () => {
  it.each([
    ['روسيا البيضاء', [['belarus', 'روسيا البيضاء']]],
    ['وروسيا البيضاء وروسيا', [['belarus', 'روسيا البيضاء'], ['russia', 'روسيا']]],
    ['الولايات المتحدة الأمريكية', [['usa', 'الولايات المتحدة الأمريكية']]],
    ['الولايات المتحدة الأميركية', [['usa', 'الولايات المتحدة الأميركية']]],
    ['روسيا الاتحادية', [['russia', 'روسيا الاتحادية']]],
    ['Российская Федерация', [['russia', 'Российская Федерация']]],
    ['United States of America', [['usa', 'United States of America']]],
    ['United States officials', [['usa', 'United States']]],
    ['United States of Europe', [['usa', 'United States']]],
    ['Collective Security Treaty', [['collective-security-treaty', 'Collective Security Treaty']]],
    ['Collective Security Treaty Organization', [['csto', 'Collective Security Treaty Organization']]],
    ['Vladimir Putin', [['putin', 'Vladimir Putin']]],
    ['Vladimir Lenin and Putin', [['putin', 'Putin']]],
    ['Central Russia', [['russia', 'Russia']]],
    ['حركة طالبان', [['taliban', 'حركة طالبان']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('ambiguous names need support in the document', () => {
  const us = 'Voters in Georgia lined up in Atlanta on Tuesday. The United States Senate race is close.';
  it('"Georgia" in a US-news context is not the country', () => {
    expect(found(us)).toEqual([['usa', 'United States']]);
  });
  it('"Georgia" with a related entity in the same document is the country', () => {
    expect(found('Georgia left the treaty in 1999, while Armenia stayed.')).toEqual([
      ['georgia', 'Georgia'],
      ['armenia', 'Armenia'],
    ]);
  });
  it('support may come from another block of the same document', () => {
    const blocks = ['Tbilisi: Georgia says talks are over.', 'Officials in Moscow did not comment.', 'Russia denied it.'].map(
      (text) => matcher.scanBlock(text).candidates,
    );
    expect(matcher.resolveDocument(blocks).map((m) => [m.entity, m.block])).toEqual([
      ['georgia', 0],
      ['moscow', 1],
      ['russia', 2],
    ]);
    expect(matcher.resolveDocument([blocks[0]!]).map((m) => m.entity)).toEqual([]);
  });
  it('the Arabic ambiguous name follows the same rule', () => {
    expect(found('جورجيا ولاية أمريكية')).toEqual([]);
    expect(found('جورجيا وأرمينيا')).toEqual([
      ['georgia', 'جورجيا'],
      ['armenia', 'أرمينيا'],
    ]);
  });
  it('the unambiguous Russian name needs nothing', () => {
    expect(found('Грузия')).toEqual([['georgia', 'Грузия']]);
  });
});

describe('an ambiguous name after "<Capitalised word>, " is the region of a place, not a mention', () => {
  // Every text names Armenia or Russia, so "Georgia" has support: only the "City, Region" rule can drop it.
  it.each([
    ['Armenia sent a delegation to Atlanta, Georgia last week.', [['armenia', 'Armenia']]],
    ['Armenia sent a delegation to Atlanta,  Georgia last week.', [['armenia', 'Armenia']]],
    ['Russia opened an office in Winston-Salem, Georgia.', [['russia', 'Russia']]],
    // a list of known names stays a list
    ['Russia, Armenia, Georgia and Azerbaijan met.', [['russia', 'Russia'], ['armenia', 'Armenia'], ['georgia', 'Georgia'], ['azerbaijan', 'Azerbaijan']]],
    // no comma, a lower-case word, or a comma not right before the name: the usual rule
    ['Georgia left the treaty in 1999, while Armenia stayed.', [['georgia', 'Georgia'], ['armenia', 'Armenia']]],
    ['Armenia said that, Georgia aside, the talks went well.', [['armenia', 'Armenia'], ['georgia', 'Georgia']]],
    ['Armenia and Georgia, Atlanta aside, met.', [['armenia', 'Armenia'], ['georgia', 'Georgia']]],
    // unambiguous names are never dropped
    ['Officials in Atlanta, Russia and Armenia agreed.', [['russia', 'Russia'], ['armenia', 'Armenia']]],
  ] as Array<[string, Array<[string, string]>]>)('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('document options', () => {
  const text = 'Putin met Lukashenko in Moscow. Putin said Russia and Belarus agree. Moscow was cold.';
  it('first mention only', () => {
    expect(matcher.scanText(text, { firstMentionOnly: true }).mentions.map((m) => m.text)).toEqual(['Putin', 'Lukashenko', 'Moscow', 'Russia', 'Belarus']);
  });
  it('category filter', () => {
    expect(matcher.scanText(text, { categories: ['people'] }).mentions.map((m) => m.entity)).toEqual(['putin', 'lukashenko', 'putin']);
  });
  it('entity filter', () => {
    expect(matcher.scanText(text, { entities: ['moscow'] }).mentions.map((m) => m.start)).toEqual([24, 69]);
  });
  it('filters do not take away the context of ambiguous names', () => {
    expect(matcher.scanText('Georgia and Armenia', { entities: ['georgia'] }).mentions.map((m) => m.entity)).toEqual(['georgia']);
  });
});

describe('language of a block, by script', () => {
  it.each([
    ['قال بوتين إن روسيا (REUTERS)', 'ar'],
    ['Путин заявил, что Россия (Reuters)', 'ru'],
    ['Putin said Russia was ready', 'en'],
    ['2021 — 42!', null],
  ])('%s → %s', (text, lang) => {
    expect(matcher.scanBlock(text).lang).toBe(lang);
  });
  it('a given language wins', () => {
    expect(matcher.scanBlock('Putin', { lang: 'ru' }).lang).toBe('ru');
    expect(matcher.scanBlock('Putin', { lang: 'auto' }).lang).toBe('en');
  });
  it('a document takes the language of most of its words', () => {
    const blocks = ['Headline in English', 'نص عربي طويل في هذا المقال الإخباري', 'قال'].map((t) => matcher.scanBlock(t));
    expect(documentLang(blocks)).toBe('ar');
  });
});

describe('case rules merge as their union', () => {
  const pack = {
    version: 1 as const,
    entities: testPack.entities.map((e) =>
      e.id === 'nato' ? { ...e, names: { ...e.names, en: { name: 'NATO', aliases: [{ text: 'Nato', ambiguous: false, caseSensitive: false, forms: [] }] } } } : e,
    ),
  };
  const m = matcherForPack(pack);
  it.each([
    ['NATO', ['nato']],
    ['Nato', ['nato']],
    ['nato', []],
    ['NaTo', ['nato']],
  ])('%s', (text, entities) => {
    expect(m.scanText(text).mentions.map((x) => x.entity)).toEqual(entities);
  });
});

describe('the lexicon', () => {
  const { lexicon } = buildLexicon(testPack);
  it('carries no summaries, backgrounds or sources', () => {
    const json = JSON.stringify(lexicon);
    expect(json).not.toContain('summary');
    expect(json).not.toContain('example.org');
    expect(Object.keys(lexicon).sort()).toEqual(['cased', 'categories', 'ids', 'keys', 'related', 'senses', 'version']);
  });
  it('survives JSON and compiles to the same matcher', () => {
    const again = compileMatcher(JSON.parse(JSON.stringify(lexicon)));
    const text = 'Путина, وروسيا, CSTO’s and Georgia with Armenia';
    expect(again.scanText(text)).toEqual(matcher.scanText(text));
  });
  it('stores folded keys with their generated forms', () => {
    expect(lexicon.keys).toContain('путина');
    expect(lexicon.keys).toContain('организации договора о коллективной безопасности');
    expect(lexicon.keys).toContain('collective security treaty organization');
    expect(lexicon.keys).toContain('الولايات المتحده');
    expect(lexicon.keys).not.toContain('وروسيا');
  });
});

// ---- properties

const NAMES = ['روسيا', 'وروسيا', 'الناتو', 'للناتو', 'Путина', 'ОДКБ', 'CSTO', 'Russia', 'Georgia', 'روسيا البيضاء', 'Организации Договора о коллективной безопасности', 'United States', 'تاسع', 'Заседание'];
const FILLER = [' ', '  ', '\n', '. ', ', ', 'و', 'ب', 'ال', 'the ', 'и ', '-', "'s", '’', '@', '.org', '\u064E', '\u0640', '\u200C', '\u200F', '\u0301', '\u0300', 'e', 'о', 'ﬁ', 'ﻻ', '𝐂', '😀', '\uD800', 'ё', 'x'];
const newsLike = fc.array(fc.oneof(fc.constantFrom(...NAMES), fc.constantFrom(...FILLER)), { maxLength: 30 }).map((parts) => parts.join(''));
const anyText = fc.oneof(newsLike, fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 }));

describe('properties', () => {
  it('scanning random Unicode never throws, and every mention is a slice of the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { mentions } = matcher.scanText(text);
        expectSlices(text, mentions);
      }),
      { numRuns: 3000 },
    );
  });

  it('the fast path and the NFKC path agree', () => {
    // A ligature at the end sends the whole block through fold(); the mentions before it must not change.
    fc.assert(
      fc.property(newsLike, (text) => {
        const direct = matcher.scanBlock(text).candidates;
        const slow = matcher.scanBlock(`${text} ﬁ`).candidates;
        expect(slow).toEqual(direct);
      }),
      { numRuns: 3000 },
    );
  });

  // The fast pass reads 4,096 units at a time. A stress mark makes it stop in the chunk where it is (or in the chunk
  // before, when a walk crosses into it), and go on from there: the same candidates and word counts as the fold.
  const padding = (length: number) => `${'и заявил министр '.repeat(400).slice(0, length - 1)} `;
  const STRESSED = ['Пу\u0301тина', 'Ро\u0301ссия', 'Шойгу\u0301', 'о\u0301чень', 'Ла\u0300врова'];
  const sameAsFold = (text: string) => {
    const direct = matcher.scanBlock(text);
    const slow = matcher.scanBlock(`${text} ﬁ`);
    expect(slow.candidates).toEqual(direct.candidates);
    // (The ligature is a word of its own: "fi".)
    expect(slow.words).toEqual({ ...direct.words, en: direct.words.en + 1 });
    return direct;
  };

  it.each([1, 2, 3, 4, 5, 6, 7, 9, 12])('a stressed name that starts %i units before a chunk ends', (k) => {
    const text = `${padding(4096 - k)}Пу\u0301тина и ${padding(5000)} Ро\u0301ссия ОДКБ`;
    const direct = sameAsFold(text);
    expect(direct.candidates.map((c) => c.text)).toEqual(['Пу\u0301тина', 'Ро\u0301ссия', 'ОДКБ']);
  });

  it('the fast path and the NFKC path agree on texts of several chunks with stress marks anywhere', () => {
    const part = fc.oneof(fc.constantFrom(...NAMES, ...STRESSED), fc.constantFrom(' ', '\n', '. ', ', ', 'و', 'ال', 'the ', 'и ', '-', '\u064E'), fc.integer({ min: 1, max: 3000 }).map(padding));
    const longText = fc.array(part, { minLength: 10, maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(fc.property(longText, (text) => void sameAsFold(text)), { numRuns: 200 });
  });

  it('the fast pass (known units) and the general pass (first sight) agree', () => {
    // A fresh matcher has seen no unit yet, so its first scan of a text takes the general pass; the second, the fast one.
    const { lexicon } = buildLexicon(testPack);
    fc.assert(
      fc.property(newsLike, (text) => {
        const fresh = compileMatcher(lexicon);
        const general = fresh.scanBlock(text);
        const fast = fresh.scanBlock(text);
        expect(fast.candidates).toEqual(general.candidates);
        expect(fast.lang).toEqual(general.lang);
      }),
      { numRuns: 300 },
    );
  });

  it('a name between separators is always found', () => {
    const names = testPack.entities.flatMap((e) => e.names.en.aliases.filter((a) => !a.ambiguous).map((a) => [e.id, a.text] as const));
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.constantFrom(' ', '. ', ', ', '\n', ' (', ') '), ([id, name], sep) => {
        const text = `Officials${sep}${name}${sep}said`;
        expect(matcher.scanText(text).mentions.map((m) => m.entity)).toContain(id);
      }),
    );
  });
});
