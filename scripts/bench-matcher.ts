// Matcher half of `npm run bench` (GUIDE.md section 4): on about 1 MB of mixed Arabic, English and Russian news-like
// text with the full alias set of entities/, time in the same run
//   - ours: the whole matcher pass (fold, walk, checks, document resolution) on the original text, as one block;
//     also, for information, paragraph by paragraph (as the content script and the CLI scan), where every block is
//     a short string of its own (one-byte or two-byte, sliced from the text) and the reading loop sees them all,
//   - floor: a bare loop that reads every character of the same text,
//   - regex: one alternation RegExp of every alias form (the same keys as ours, longest first), given the easier job:
//     the text already folded and lower-cased for it (not timed), no word boundaries, no offset mapping.
// Budgets: vsFloor = ours / floor <= 3, vsRegex = regex / ours >= 20.
import { gzipSync } from 'node:zlib';
import { buildLexicon, type Lexicon } from '../src/core/lexicon.ts';
import { compileMatcher, type Matcher } from '../src/core/matcher.ts';
import { foldText } from '../src/core/normalize.ts';
import type { Lang, Pack } from '../src/core/pack.ts';

/** One text's figures: ours (as one block and paragraph by paragraph), the floor, the regex, and their ratios. */
export interface Figures {
  oursMs: number;
  perBlockMs: number;
  blocks: number;
  floorMs: number;
  regexMs: number;
  /** ours / floor (budget <= 3) and regex / ours (budget >= 20). */
  vsFloor: number;
  vsRegex: number;
  /** Mentions ours found; raw matches the regex found (it has no word boundaries, so more). */
  mentions: number;
  regexMatches: number;
}

/** The figures on the pack's prose, with the sizes and load times; the same figures on word salad under `salad`. */
export interface MatcherBench extends Figures {
  /** Size of the text: UTF-8 bytes and UTF-16 units. */
  textBytes: number;
  textChars: number;
  entities: number;
  /** Folded keys in the lexicon (aliases and their generated forms). */
  keys: number;
  /** Trie states of the compiled automaton. */
  states: number;
  /** The serialised lexicon the content script ships: JSON bytes, and gzipped. */
  lexiconBytes: number;
  lexiconGzipBytes: number;
  /** Building the lexicon from the pack (build time) and compiling the matcher from it (load time). */
  buildLexiconMs: number;
  compileMs: number;
  /** Each time is the fastest of this many interleaved rounds. */
  rounds: number;
  /** The same contenders on word salad (small news vocabularies, a name every 25 words: fewer mentions, more walks). */
  salad: Figures;
}

// ---- the text

/** A small deterministic generator (mulberry32), so every run times the same text. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON: Record<Lang, string> = {
  en: `the of and to in a that for on was with he it as at by from his have an be this are or which but not has had were
    they its after also their who new been one two more first last year years government said minister president talks
    security military forces troops country countries border region would will could against between during since under
    over about into than other officials meeting summit week sources told reporters agency statement capital defence
    foreign state states united treaty alliance exercises leaders council agreed situation according spokesman Tuesday
    Thursday bloc member members deployment peacekeeping economic cooperation organisation session declaration`,
  ru: `и в не на что с по как он из это к за от для о но так уже был была были года году заявил сообщил министр президент
    встреча саммит безопасности сил войск страны стран границы региона будет может против между после также их который
    которые является глава сообщает агентство заявление столице обороны иностранных дел государства союз договора
    организации учения заседание заседания стороны вопросы ситуации переговоры делегации участники решение председатель
    путинская лавры путина засекреченный тасовать`,
  ar: `في من على إلى أن التي الذي عن مع هذا هذه كان وقال وأضاف خلال بعد قبل بين الرئيس وزير الدفاع الخارجية الأمن القوات
    الدول المنطقة الحدود اجتماع قمة وكالة الأنباء بيان العاصمة الأمنية العسكرية تعاون معاهدة الجماعي تاسع ولكن حيث أيضا
    لها لهم عام يوم الثلاثاء الأربعاء المنظمة الروسي الروسية الأمريكية التحالف المناورات القادة المجلس الوضع وأكد مشيرا
    إطار العلاقات الجانبين الحكومة الشعب اتفاق`,
};

function namesByLang(pack: Pack): Record<Lang, string[]> {
  const names: Record<Lang, string[]> = { en: [], ar: [], ru: [] };
  for (const entity of pack.entities) {
    for (const lang of ['en', 'ar', 'ru'] as const) {
      const n = entity.names[lang];
      names[lang].push(n.name, ...n.aliases.filter((a) => !a.ambiguous).map((a) => a.text));
    }
  }
  // Russian names in other cases, Arabic names with clitics, English possessives: as the press writes them.
  names.ru.push(...names.ru.filter((n) => !/[А-ЯЁ]{2}/.test(n)).flatMap((n) => [`${n}а`, `${n}ой`, `${n}у`]).slice(0, 200));
  names.ar.push(...names.ar.flatMap((n) => [`و${n}`, `ب${n}`, `ل${n}`]).slice(0, 300));
  names.en.push(...names.en.map((n) => `${n}'s`).slice(0, 100));
  return names;
}

/**
 * About `bytes` UTF-8 bytes of news-like paragraphs in the three languages: sentences of the pack's own summaries and
 * backgrounds (prose about the CSTO, its members and people, with their names in the forms the press uses), shuffled
 * into paragraphs of 3 to 8 sentences of one language.
 */
export function proseText(pack: Pack, bytes = 1_000_000, seed = 2026): string {
  const next = random(seed);
  const sentences: Record<Lang, string[]> = { en: [], ar: [], ru: [] };
  for (const entity of pack.entities) {
    for (const lang of ['en', 'ar', 'ru'] as const) {
      for (const prose of [entity.summary[lang], entity.background[lang]]) {
        sentences[lang].push(...prose.split(/(?<=[.!?؟])\s+/).map((x) => x.trim()).filter((x) => x.length > 20));
      }
    }
  }
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const lang = (['en', 'ar', 'ru'] as const)[Math.floor(next() * 3)]!;
    const list = sentences[lang];
    const count = 3 + Math.floor(next() * 6);
    const paragraph = Array.from({ length: count }, () => list[Math.floor(next() * list.length)]!).join(' ');
    paragraphs.push(paragraph);
    size += Buffer.byteLength(paragraph) + 1;
  }
  return paragraphs.join('\n');
}

/**
 * About `bytes` of word salad from small news vocabularies in which 1 word in 25 is a name or alias of any entity,
 * drawn uniformly (so long official names come up far more often than in the press).
 */
export function saladText(pack: Pack, bytes = 1_000_000, seed = 2026): string {
  const next = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!;
  const names = namesByLang(pack);
  const common = Object.fromEntries(Object.entries(COMMON).map(([lang, words]) => [lang, words.split(/\s+/).filter(Boolean)])) as Record<Lang, string[]>;
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const lang = pick(['en', 'ar', 'ru'] as const);
    const words: string[] = [];
    const length = 40 + Math.floor(next() * 80);
    for (let w = 0; w < length; w++) {
      let word = next() < 0.04 ? pick(names[lang]) : pick(common[lang]);
      const r = next();
      if (r < 0.08) word += ',';
      else if (r < 0.12) word += '.';
      else if (r < 0.13) word = `«${word}»`;
      words.push(word);
    }
    const paragraph = `${words.join(' ')}.`;
    paragraphs.push(paragraph);
    size += Buffer.byteLength(paragraph) + 1;
  }
  return paragraphs.join('\n');
}

// ---- timing

/** The bare loop: read every character (its sum, so the work cannot be skipped). */
export function readEveryCharacter(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  return sum;
}

function alternation(lexicon: Lexicon): RegExp {
  const escaped = [...lexicon.keys].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.join('|'), 'g');
}

function countMatches(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let count = 0;
  while (re.exec(text)) count++;
  return count;
}

function fastest(times: number[]): number {
  return Math.min(...times);
}

function timeOnce(run: () => unknown, repeat = 1): number {
  const start = performance.now();
  for (let k = 0; k < repeat; k++) run();
  return (performance.now() - start) / repeat;
}

const round = (x: number, digits = 2) => Number(x.toFixed(digits));

/** Time ours, the floor and the regex on one text: warm up, then interleaved rounds; the fastest of each. */
function race(matcher: Matcher, regex: RegExp, text: string, rounds: number): Figures {
  const folded = foldText(text);
  const blocks = text.split('\n');
  const ours = () => matcher.scanText(text).mentions.length;
  const perBlock = () => matcher.resolveDocument(blocks.map((block) => matcher.scanBlock(block).candidates)).length;
  const floor = () => readEveryCharacter(text);
  const regexRun = () => countMatches(regex, folded);
  for (let k = 0; k < 3; k++) {
    ours();
    perBlock();
    floor();
  }
  regexRun();
  const oursTimes: number[] = [];
  const blockTimes: number[] = [];
  const floorTimes: number[] = [];
  const regexTimes: number[] = [];
  for (let r = 0; r < rounds; r++) {
    floorTimes.push(timeOnce(floor, 5));
    oursTimes.push(timeOnce(ours, 3));
    blockTimes.push(timeOnce(perBlock, 3));
    if (r % 3 === 0) regexTimes.push(timeOnce(regexRun));
    floorTimes.push(timeOnce(floor, 5));
  }
  const oursMs = fastest(oursTimes);
  const floorMs = fastest(floorTimes);
  const regexMs = fastest(regexTimes);
  return {
    oursMs: round(oursMs),
    perBlockMs: round(fastest(blockTimes)),
    blocks: blocks.length,
    floorMs: round(floorMs),
    regexMs: round(regexMs, 1),
    vsFloor: round(oursMs / floorMs),
    vsRegex: round(regexMs / oursMs, 1),
    mentions: ours(),
    regexMatches: regexRun(),
  };
}

/** The matcher half of the bench, with the compiled pack (generated/entities.json: `npm run bench` builds it first). */
export async function runMatcherBench(options: { bytes?: number; rounds?: number } = {}): Promise<MatcherBench> {
  const rounds = options.rounds ?? 15;
  const { bundledPack: pack } = await import('../src/core/bundled-pack.ts');
  const t0 = performance.now();
  const { lexicon } = buildLexicon(pack);
  const buildLexiconMs = performance.now() - t0;
  const json = JSON.stringify(lexicon);
  // Compile as the content script does, from the shipped JSON; the first compile is cold, so take the fastest of a few.
  const compiles: number[] = [];
  let matcher: Matcher | undefined;
  for (let k = 0; k < 5; k++) {
    const parsed = JSON.parse(json) as Lexicon;
    const start = performance.now();
    matcher = compileMatcher(parsed);
    compiles.push(performance.now() - start);
  }
  const regex = alternation(lexicon);
  const text = proseText(pack, options.bytes);
  return {
    ...race(matcher!, regex, text, rounds),
    textBytes: Buffer.byteLength(text),
    textChars: text.length,
    entities: pack.entities.length,
    keys: lexicon.keys.length,
    states: matcher!.states,
    lexiconBytes: Buffer.byteLength(json),
    lexiconGzipBytes: gzipSync(json).length,
    buildLexiconMs: round(buildLexiconMs, 1),
    compileMs: round(fastest(compiles), 1),
    rounds,
    salad: race(matcher!, regex, saladText(pack, options.bytes), rounds),
  };
}
