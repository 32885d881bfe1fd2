// Search over the entity pack by name and alias in all three languages: "шойгу", "شويغو", "shoigu" and "Shoygu"
// find the same card. Pure. Folding is the matcher's (src/core/normalize.ts: case, Arabic letter variants and
// tashkeel, ё), plus what suits a search box: Latin accents dropped and punctuation read as spaces.
import { foldText } from './normalize.ts';
import { CATEGORIES, LANGS, type Entity, type Lang } from './pack.ts';

/** Fold text for search: the matcher's folding, then accents off Latin letters and punctuation as spaces. */
export function foldForSearch(text: string): string {
  return foldText(text)
    .replace(/й/g, '\ue000') // keep й apart from и: NFD would split it into и + breve
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\ue000/g, 'й')
    .replace(/[\s\-–—'’"«»().,:;!?/]+/g, ' ')
    .trim();
}

interface Key {
  folded: string;
  /** Where the key comes from: a name ranks above an alias. */
  weight: number;
}

export interface SearchIndex {
  entries: Array<{ entity: Entity; keys: Key[] }>;
}

export interface SearchHit {
  entity: Entity;
  score: number;
  /** The language whose name or alias matched best. */
  lang: Lang | null;
}

export function buildSearchIndex(entities: readonly Entity[]): SearchIndex {
  return {
    entries: entities.map((entity) => {
      const keys = new Map<string, number>();
      const add = (text: string | undefined, weight: number) => {
        if (!text) return;
        const folded = foldForSearch(text);
        if (folded && (keys.get(folded) ?? 0) < weight) keys.set(folded, weight);
      };
      add(entity.id.replace(/-/g, ' '), 2);
      for (const lang of LANGS) {
        const names = entity.names[lang];
        add(names.name, 3);
        add(names.short, 3);
        for (const alias of names.aliases) {
          add(alias.text, 2);
          for (const form of alias.forms) add(form, 1);
        }
      }
      return { entity, keys: [...keys].map(([folded, weight]) => ({ folded, weight })) };
    }),
  };
}

/** How well one folded key answers a folded query: whole key, start of the key, start of a word, anywhere. */
function keyScore(key: string, query: string): number {
  if (key === query) return 100;
  if (key.startsWith(query)) return 80;
  if (key.includes(` ${query}`)) return 60;
  // Arabic writes the definite article and some prepositions onto the word: "الناتو", "وشويغو".
  if (/^[\u0600-\u06ff]/.test(query) && key.includes(query)) return 40;
  if (query.length >= 3 && key.includes(query)) return 30;
  return 0;
}

function scriptOf(text: string): Lang | null {
  if (/[\u0600-\u06ff]/.test(text)) return 'ar';
  if (/[\u0400-\u04ff]/.test(text)) return 'ru';
  if (/[a-z]/.test(text)) return 'en';
  return null;
}

/**
 * Entities whose names or aliases match `query`, best first (ties in pack order). Every word of the query must match
 * some key of the entity. An empty query returns every entity, grouped by category.
 */
export function searchEntities(index: SearchIndex, query: string, limit = Infinity): SearchHit[] {
  const folded = foldForSearch(query);
  if (!folded) {
    const order = (entity: Entity) => CATEGORIES.indexOf(entity.category);
    return index.entries
      .map(({ entity }) => ({ entity, score: 0, lang: null }))
      .sort((a, b) => order(a.entity) - order(b.entity))
      .slice(0, limit);
  }
  const words = folded.split(' ');
  const hits: SearchHit[] = [];
  for (const { entity, keys } of index.entries) {
    let best = 0;
    // The whole query against each key first: "sergei shoigu" should match the full name as one.
    for (const key of keys) {
      const score = keyScore(key.folded, folded);
      if (score > 0) best = Math.max(best, score * 10 + key.weight);
    }
    if (best === 0 && words.length > 1) {
      let total = 0;
      for (const word of words) {
        let wordBest = 0;
        for (const key of keys) wordBest = Math.max(wordBest, keyScore(key.folded, word));
        if (wordBest === 0) {
          total = 0;
          break;
        }
        total += wordBest;
      }
      best = Math.floor((total / words.length) * 5);
    }
    if (best > 0) hits.push({ entity, score: best, lang: scriptOf(folded) });
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}
