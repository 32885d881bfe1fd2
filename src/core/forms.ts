// Build-time form generation: every way a name is written that the press uses and the alias list does not spell out.
//
// - Russian: case endings (genitive, dative, accusative, instrumental, prepositional) for nouns, place names,
//   surnames, given names and patronymics; multi-word names decline their head (leading adjectives and the first
//   noun: "Центральная Азия" → "Центральной Азии", "Организация Договора о …" → "Организации Договора о …"), people
//   decline every part ("Владимир Путин" → "Владимира Путина"). Indeclinables are recognised from their ending or
//   their capitals (ОДКБ, США, Шойгу, Лукашенко, Эмомали); `inflect: false` forbids and `forms` adds forms.
// - English: both spellings of Organisation/Organization, Defence/Defense, Centre/Center. Possessives ("CSTO's",
//   "Reuters'") and hyphenated uses ("Russia-led", "anti-NATO") need no forms: the apostrophe and the hyphen are word
//   boundaries for the matcher, and the mention is the name without the possessive, like an Arabic clitic.
// - Arabic: attached clitics (و ف, then ب ك ل) are handled by the matcher at the left boundary of a word, in the same
//   pass: when a walk that started on a clitic letter finds nothing, the matcher walks again from the next letter (at
//   most twice, and only in the order conjunction, preposition). Generating the clitic forms instead would give every
//   Arabic key twelve copies in the trie: 62,000 states instead of 20,000 for the real pack, and a three times slower
//   compile in every page the content script loads on. Names that take the article are written with it in entities/
//   ("الناتو", "الولايات المتحدة"); the clitics attach before it ("بالناتو", "والولايات المتحدة"), and ل + ال
//   assimilates to لل: arabicArticleVariants adds "لناتو", valid only right after the clitic ل ("للناتو").
import type { Alias, EntityType, Lang } from './pack.ts';

// ---------------------------------------------------------------- Russian

const CYRILLIC_WORD = /^[\p{Script=Cyrillic}-]+$/u;
const VOWELS = 'аеёиоуыэюя';
const HUSHING = 'жчшщ';
const VELAR = 'гкх';

export type RuWordRole = 'noun' | 'adjective' | 'given' | 'patronymic' | 'surname';

/** Alternatives per case: genitive, dative, accusative, instrumental, prepositional. */
export type Paradigm = [gen: string[], dat: string[], acc: string[], ins: string[], prep: string[]];

/** A word all in capitals (an acronym: ОДКБ, США, ТАСС) or with a digit. */
function isAcronym(word: string): boolean {
  return /\d/.test(word) || (word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase());
}

const ADJECTIVE_ENDINGS = ['ый', 'ий', 'ой', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие'];

/** Whether a word of a multi-word name is an adjective agreeing with the noun after it. */
export function isRussianAdjective(word: string): boolean {
  const w = word.toLowerCase();
  if (w.length < 4 || !ADJECTIVE_ENDINGS.some((e) => w.endsWith(e))) return false;
  // Neuter nouns in -ие (Соглашение, Объединение, Командование) are not adjectives.
  return !/(?:ени|ани|ти|ьи|ии)е$/.test(w);
}

/** Plural nouns whose genitive has no ending (силы → сил); other plurals in -ы take -ов (Штаты → Штатов). */
const ZERO_GENITIVE_PLURAL = new Set(['силы', 'группы']);

/**
 * The case forms of one word, or null when it does not decline. `plural` marks a plural head noun; `animate` makes
 * the accusative equal the genitive (people), otherwise a masculine accusative is the nominative.
 */
export function russianParadigm(word: string, role: RuWordRole, plural = false, animate = false, force = false): Paradigm | null {
  // Hyphenated names decline their last part (Касым-Жомарт → Касым-Жомарта).
  const hyphen = word.lastIndexOf('-');
  if (hyphen > 0) {
    const tail = russianParadigm(word.slice(hyphen + 1), role, plural, animate, force);
    const head = word.slice(0, hyphen + 1);
    return tail && (tail.map((forms) => forms.map((f) => head + f)) as Paradigm);
  }
  if (!CYRILLIC_WORD.test(word) || word.length < 2) return null;
  // Acronyms do not decline, unless the author says so (`inflect: true`: МИД → МИДа, МИДу, МИДом, МИДе).
  if (isAcronym(word) && !force) return null;
  const w = word.toLowerCase();
  const upper = word === word.toUpperCase() && !isAcronym(word);
  const stem = (drop: number) => word.slice(0, word.length - drop);
  // p(drop, gen, dat, acc, ins, prep): each a "|"-separated list of endings; "=" is the nominative itself.
  const p = (drop: number, ...cases: string[]): Paradigm =>
    cases.map((list) =>
      list.split('|').map((e) => (e === '=' ? word : stem(drop) + (upper ? e.toUpperCase() : e))),
    ) as Paradigm;
  const l1 = w.slice(-1);
  const l2 = w.slice(-2);
  const pre = w.slice(-2, -1); // the letter before the last
  const hushingOrC = HUSHING.includes(pre) || pre === 'ц';

  if (role === 'adjective') {
    const stemLast = w.slice(-3, -2);
    const softStem = (HUSHING.includes(stemLast) || stemLast === 'н') && !VELAR.includes(stemLast);
    const acc = (gen: string) => (animate ? gen : '=');
    switch (l2) {
      case 'ый':
        return p(2, 'ого', 'ому', acc('ого'), 'ым', 'ом');
      case 'ой':
        return p(2, 'ого', 'ому', acc('ого'), VELAR.includes(stemLast) || HUSHING.includes(stemLast) ? 'им' : 'ым', 'ом');
      case 'ий':
        return softStem ? p(2, 'его', 'ему', acc('его'), 'им', 'ем') : p(2, 'ого', 'ому', acc('ого'), 'им', 'ом');
      case 'ая':
        return HUSHING.includes(stemLast) ? p(2, 'ей|ой', 'ей|ой', 'ую', 'ей|ею|ой', 'ей|ой') : p(2, 'ой', 'ой', 'ую', 'ой|ою', 'ой');
      case 'яя':
        return p(2, 'ей', 'ей', 'юю', 'ей|ею', 'ей');
      case 'ое':
        return p(2, 'ого', 'ому', '=', 'ым', 'ом');
      case 'ее':
        return p(2, 'его', 'ему', '=', 'им', 'ем');
      case 'ые':
        return p(2, 'ых', 'ым', animate ? 'ых' : '=', 'ыми', 'ых');
      case 'ие':
        return p(2, 'их', 'им', animate ? 'их' : '=', 'ими', 'их');
      default:
        return null;
    }
  }

  if (plural) {
    if (l1 !== 'ы' && l1 !== 'и') return null;
    const gen = ZERO_GENITIVE_PLURAL.has(w) ? '' : HUSHING.includes(pre) ? 'ей' : 'ов';
    return p(1, gen, 'ам', animate ? gen : '=', 'ами', 'ах');
  }

  if (role === 'surname') {
    // Feminine surnames decline like adjectives (Захарова: Захаровой, Захарову).
    if (/(?:ов|ев|ёв|ин|ын)а$/.test(w)) return p(1, 'ой', 'ой', 'у', 'ой', 'ой');
    if (/(?:ск|цк)ая$/.test(w)) return p(2, 'ой', 'ой', 'ую', 'ой', 'ой');
    // Russian-type surnames take -ым in the instrumental (Путиным, Лавровым, Токаевым).
    if (/(?:ов|ев|ёв|ин|ын)$/.test(w)) return p(0, 'а', 'у', 'а', 'ым', 'е');
  }
  if (role === 'patronymic') {
    if (/(?:ич)$/.test(w)) return p(0, 'а', 'у', 'а', 'ем', 'е');
    if (/(?:вна|чна|шна)$/.test(w)) return p(1, 'ы', 'е', 'у', 'ой', 'е');
  }

  // Indeclinable: foreign words ending in -о/-е/-и/-у/-ю/-э (Шойгу, Лукашенко, Эмомали, Токио), except the native
  // neuter nouns in -ство/-ие/-ье (Содружество, Соглашение).
  if (l1 === 'о') return (role === 'noun' && /(?:ств|тв)о$/.test(w)) || force ? p(1, 'а', 'у', '=', 'ом', 'е') : null;
  if (l1 === 'е' || l1 === 'ё') {
    if (role === 'noun' && l2 === 'ие') return p(1, 'я', 'ю', '=', 'ем', 'и');
    if (role === 'noun' && l2 === 'ье') return p(1, 'я', 'ю', '=', 'ем', 'е');
    return null;
  }
  // Plural nouns used on their own (талибы → талибов).
  if (l1 === 'ы' && role === 'noun' && w.length > 3) return russianParadigm(word, role, true, animate, force);
  if ('иуюэы'.includes(l1)) return null;

  // First declension -а/-я: Москва, Бордюжа, Валентина, Илья; -ия: Россия, Армения.
  if (l1 === 'а') {
    const gen = VELAR.includes(pre) || HUSHING.includes(pre) ? 'и' : 'ы';
    return p(1, gen, 'е', 'у', hushingOrC ? 'ей|ею|ой' : 'ой|ою', 'е');
  }
  if (l1 === 'я') {
    if (pre === 'и') return p(1, 'и', 'и', 'ю', 'ей|ею', 'и');
    return p(1, 'и', 'е', 'ю', 'ей|ею', 'е');
  }
  const acc = (gen: string) => (animate ? gen : '=');
  // Masculine in -й: Сергей, Николай; -ий: Юрий, Георгий.
  if (l1 === 'й') return l2 === 'ий' ? p(1, 'я', 'ю', acc('я'), 'ем', 'и') : p(1, 'я', 'ю', acc('я'), 'ем', 'е');
  // Soft sign: feminine (Беларусь: Беларуси, Беларусью) or masculine (Кремль, Игорь). People are masculine; places
  // get both, as Russian has both kinds and a form that no text uses costs nothing.
  if (l1 === 'ь') {
    if (role !== 'noun') return p(1, 'я', 'ю', 'я', 'ем', 'е');
    return p(1, 'и|я', 'и|ю', '=', 'ью|ем', 'и|е');
  }
  if (l1 === 'ъ') return p(1, 'а', 'у', acc('а'), 'ом', 'е');
  // Masculine consonant stems: Казахстан, Пашинян, Зас, Владимир.
  if (!VOWELS.includes(l1)) {
    const ins = HUSHING.includes(l1) || l1 === 'ц' ? 'ем|ом' : 'ом';
    return p(0, 'а', 'у', acc('а'), ins, 'е');
  }
  return null;
}

/** The oblique forms of one word (the nominative excluded). */
export function declineRussianWord(word: string, role: RuWordRole, plural = false, animate = false): string[] {
  const paradigm = russianParadigm(word, role, plural, animate);
  return paradigm ? [...new Set(paradigm.flat())].filter((f) => f !== word) : [];
}

function personRoles(words: string[]): RuWordRole[] {
  return words.map((word, k) => {
    if (k === words.length - 1) return 'surname';
    if (k > 0 && /(?:ич|вна|чна)$/.test(word.toLowerCase())) return 'patronymic';
    return 'given';
  });
}

function product(lists: string[][]): string[] {
  return lists.reduce<string[]>((acc, list) => acc.flatMap((prefix) => list.map((item) => prefix + item)), ['']);
}

export interface RussianFormOptions {
  /** People decline every word of their name; other names decline their head. */
  person: boolean;
  /** `inflect: true` in entities/: decline even what the rules take for indeclinable (acronyms, nouns in -о). */
  force?: boolean;
}

/**
 * Oblique forms of a Russian name (the name itself excluded). People decline every word ("Владимира Путина");
 * other names decline their head: the leading adjectives and the first noun ("Центральной Азии", "Организации
 * Договора о коллективной безопасности", "Коллективных сил оперативного реагирования ОДКБ").
 */
export function russianForms(text: string, options: RussianFormOptions): string[] {
  const tokens = text.trim().split(/(\s+)/); // words at even indexes, the spaces between them at odd ones
  const wordAt = (k: number) => tokens[2 * k]!;
  const count = (tokens.length + 1) / 2;
  const paradigms = new Map<number, Paradigm>();

  if (options.person) {
    const roles = personRoles(Array.from({ length: count }, (_, k) => wordAt(k)));
    for (let k = 0; k < count; k++) {
      const paradigm = russianParadigm(wordAt(k), roles[k]!, false, true, options.force);
      if (paradigm) paradigms.set(k, paradigm);
    }
  } else {
    let noun = 0;
    while (noun < count - 1 && isRussianAdjective(wordAt(noun))) noun++;
    const plural = noun > 0 && /[ыи]е$/i.test(wordAt(0));
    const nounRole = isRussianAdjective(wordAt(noun)) ? 'adjective' : 'noun';
    const nounParadigm = russianParadigm(wordAt(noun), nounRole, plural, false, options.force);
    if (nounParadigm) {
      paradigms.set(noun, nounParadigm);
      for (let k = 0; k < noun; k++) {
        const paradigm = russianParadigm(wordAt(k), 'adjective', plural);
        if (paradigm) paradigms.set(k, paradigm);
      }
    }
  }
  if (paradigms.size === 0) return [];

  const result = new Set<string>();
  for (let c = 0; c < 5; c++) {
    const lists = tokens.map((token, i) => (i % 2 === 0 ? (paradigms.get(i / 2)?.[c] ?? [token]) : [token]));
    for (const form of product(lists)) result.add(form);
  }
  result.delete(text.trim());
  return [...result];
}

// ---------------------------------------------------------------- English

/** British and American spellings of words found in names. */
const ENGLISH_SPELLINGS: Array<[string, string]> = [
  ['organisation', 'organization'],
  ['organisations', 'organizations'],
  ['defence', 'defense'],
  ['centre', 'center'],
];

function withCaseOf(sample: string, word: string): string {
  if (sample.length > 1 && sample === sample.toUpperCase()) return word.toUpperCase();
  if (sample[0] !== sample[0]!.toLowerCase()) return word[0]!.toUpperCase() + word.slice(1);
  return word;
}

/** British/American spelling variants of an English name (the name itself excluded). */
export function englishForms(text: string): string[] {
  const tokens = text.split(/(\p{L}+)/u);
  const lists = tokens.map((token) => {
    const lower = token.toLowerCase();
    const pair = ENGLISH_SPELLINGS.find(([a, b]) => a === lower || b === lower);
    if (!pair) return [token];
    return [token, withCaseOf(token, pair[0] === lower ? pair[1] : pair[0])];
  });
  return product(lists).filter((form) => form !== text);
}

// ---------------------------------------------------------------- Arabic

/** Conjunctions that attach first (وروسيا, فروسيا), written folded. */
export const ARABIC_CONJUNCTIONS = ['و', 'ف'] as const;
/** Prepositions that attach after them (بروسيا, وبروسيا, لروسيا, كروسيا). */
export const ARABIC_PREPOSITIONS = ['ب', 'ك', 'ل'] as const;

/** The attached-clitic prefixes a name may carry: none, a conjunction, a preposition, or both in that order. */
export const ARABIC_CLITIC_PREFIXES: readonly string[] = [
  '',
  ...ARABIC_CONJUNCTIONS,
  ...ARABIC_PREPOSITIONS,
  ...ARABIC_CONJUNCTIONS.flatMap((c) => ARABIC_PREPOSITIONS.map((p) => c + p)),
];

export interface ArticleVariant {
  /** The text to match (folded). */
  text: string;
  /** Only valid right after the clitic ل: the article's alef is dropped (ل + الناتو → للناتو). */
  afterLam: boolean;
}

/**
 * The forms of a folded Arabic key that the matcher needs besides the key: a key with the article "ال" also
 * appears as "ل…" after the preposition ل, which absorbs the article's alef (للناتو, وللولايات المتحدة). The other
 * clitics attach without change (بالناتو, والولايات المتحدة) and are handled by the matcher at the word's start.
 */
export function arabicArticleVariants(key: string): ArticleVariant[] {
  const variants: ArticleVariant[] = [{ text: key, afterLam: false }];
  if (key.startsWith('ال') && key.length > 3) variants.push({ text: `ل${key.slice(2)}`, afterLam: true });
  return variants;
}

// ---------------------------------------------------------------- all languages

/** What a form needs from its entity. */
export interface FormContext {
  lang: Lang;
  type: EntityType;
}

/**
 * Every written form of one alias: the alias, the author's extra `forms`, and the generated ones (unless
 * `inflect: false`). Arabic clitics are the matcher's business; see arabicArticleVariants.
 */
export function aliasForms(alias: Pick<Alias, 'text' | 'forms' | 'inflect'>, context: FormContext): string[] {
  const forms = new Set<string>([alias.text, ...alias.forms]);
  if (alias.inflect !== false) {
    if (context.lang === 'ru' || /\p{Script=Cyrillic}/u.test(alias.text)) {
      const options = { person: context.type === 'person', force: alias.inflect === true };
      for (const f of russianForms(alias.text, options)) forms.add(f);
    }
    if (/^[\p{Script=Latin}\s\p{P}\d]+$/u.test(alias.text)) {
      for (const f of englishForms(alias.text)) forms.add(f);
    }
  }
  return [...forms];
}
