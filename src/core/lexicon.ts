// The lexicon: every written form of every name, folded, with what the matcher needs to decide on a match and
// nothing else (no summaries, backgrounds, roles or sources). It is plain JSON, built once from the pack
// (buildLexicon) and shipped to the content script; the matcher compiles it into its automaton (compileMatcher in
// matcher.ts), adding the Arabic clitic forms there. The content script gets that automaton built ahead of time.
import { aliasForms } from './forms.ts';
import { fold } from './normalize.ts';
import type { Category, Pack } from './pack.ts';
import { CATEGORIES, LANGS } from './pack.ts';

/** Sense flags. */
export const SENSE_AMBIGUOUS = 1; // counts only with supporting context in the document
export const SENSE_CASE = 2; // the text must have the key's own capitals (CSTO, ТАСС; lexicon.cased holds them)
export const SENSE_CAP = 4; // the text must start with a capital (Лавров, not лавров "laurels"; Путина, not путина)

export interface Lexicon {
  version: 1;
  /** Entity ids; senses refer to entities by their index here. */
  ids: string[];
  /** Index into CATEGORIES, per entity. */
  categories: number[];
  /** Related entities per entity, in both directions (an ambiguous name needs one of them, or itself, nearby). */
  related: number[][];
  /** Folded keys, sorted. */
  keys: string[];
  /** Per key: [entity, flags, entity, flags, …]. */
  senses: number[][];
  /** Case-sensitive keys (by index in keys): the key folded without case folding. */
  cased: Record<string, string>;
}

export interface LexiconBuild {
  lexicon: Lexicon;
  /** Problems worth telling the authors of entities/ about (collisions, names that cannot be matched). */
  warnings: string[];
}

interface SenseDraft {
  entity: number;
  ambiguous: boolean;
  caseSensitive: boolean;
  cap: boolean;
  cased: string;
}

const INITIAL_CAPITAL = /^[\p{Lu}\p{Lt}]/u;

/**
 * A key starts with a letter or digit (matches start at word starts), has single spaces, and no quote left open:
 * «Талибан» → талибан, but движение «Талибан» keeps its closing quote (движение "талибан").
 */
function tidy(folded: string): string {
  let key = folded.replace(/^[^\p{L}\p{N}]+/u, '').replace(/ +/g, ' ').trim();
  if ((key.match(/"/g) ?? []).length % 2 === 1) key = key.replace(/"+$/, '').trim();
  return key;
}
const CASED_SCRIPT = /^[\p{Script=Latin}\p{Script=Cyrillic}]/u;

/** Build the lexicon of a pack: names and aliases in every language, with their generated forms. */
export function buildLexicon(pack: Pack): LexiconBuild {
  const warnings: string[] = [];
  const ids = pack.entities.map((e) => e.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const related = ids.map(() => new Set<number>());
  pack.entities.forEach((entity, i) => {
    for (const other of entity.related) {
      const j = index.get(other);
      if (j === undefined) continue;
      related[i]!.add(j);
      related[j]!.add(i);
    }
  });

  const drafts = new Map<string, SenseDraft[]>();
  pack.entities.forEach((entity, entityIndex) => {
    for (const lang of LANGS) {
      const names = entity.names[lang];
      const aliases = [{ text: names.name, ambiguous: false, caseSensitive: /^[\p{Lu}\d]{2,}$/u.test(names.name), forms: [] as string[] }, ...names.aliases];
      for (const alias of aliases) {
        for (const form of aliasForms(alias, { lang, type: entity.type })) {
          const key = tidy(fold(form).text);
          if (key.length < 2) {
            warnings.push(`${entity.id}: "${form}" is too short to match`);
            continue;
          }
          if (/[\ud800-\udfff]/.test(key)) {
            warnings.push(`${entity.id}: "${form}" has characters outside the BMP; it is not matched`);
            continue;
          }
          const cased = tidy(fold(form, true).text);
          const draft: SenseDraft = {
            entity: entityIndex,
            ambiguous: alias.ambiguous,
            caseSensitive: alias.caseSensitive,
            // A case-sensitive single word has a capital too: merged with a capitalised alias ("NATO" and "Nato"),
            // the capital is what both ask for.
            cap: !/\s/.test(key) && CASED_SCRIPT.test(form) && INITIAL_CAPITAL.test(form),
            cased,
          };
          const list = drafts.get(key) ?? [];
          const same = list.find((d) => d.entity === entityIndex);
          if (same) {
            // The same string twice for one entity (its name, and an alias that flags it): ambiguous if either says
            // so; case-sensitive or capitalised only if both say so (NATO + Nato: a capital; NATO + nato: nothing).
            same.ambiguous ||= draft.ambiguous;
            if (same.caseSensitive && !draft.caseSensitive) same.caseSensitive = false;
            same.cap &&= draft.cap;
          } else {
            list.push(draft);
          }
          drafts.set(key, list);
        }
      }
    }
  });

  const keys = [...drafts.keys()].sort();
  const senses: number[][] = [];
  const cased: Record<string, string> = {};
  keys.forEach((key, k) => {
    const list = drafts.get(key)!;
    const clear = list.filter((d) => !d.ambiguous);
    if (clear.length > 1) {
      warnings.push(`"${key}" names ${clear.map((d) => ids[d.entity]).join(' and ')} without being marked ambiguous`);
    }
    senses.push(list.flatMap((d) => [d.entity, (d.ambiguous ? SENSE_AMBIGUOUS : 0) | (d.caseSensitive ? SENSE_CASE : 0) | (d.cap ? SENSE_CAP : 0)]));
    const sensitive = list.find((d) => d.caseSensitive);
    if (sensitive) cased[String(k)] = sensitive.cased;
  });

  const lexicon: Lexicon = {
    version: 1,
    ids,
    categories: pack.entities.map((e) => CATEGORIES.indexOf(e.category)),
    related: related.map((set) => [...set].sort((a, b) => a - b)),
    keys,
    senses,
    cased,
  };
  return { lexicon, warnings };
}

/** The category of an entity of the lexicon. */
export function categoryOf(lexicon: Lexicon, entity: number): Category {
  return CATEGORIES[lexicon.categories[entity]!]!;
}
