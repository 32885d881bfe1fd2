// A small stand-in for the core matcher (issue 4) until it lands on main: a trie over case- and spelling-folded
// names with word boundaries, Arabic attached clitics and a few Russian case endings. Replace by the core matcher.
import { bundledPack } from '../core/bundled-pack.ts';
import type { Category } from '../core/pack.ts';
import type { Candidate, PageMatcher, ResolveOptions } from './matching.ts';

interface Terminal {
  entity: string;
  ambiguous: boolean;
  /** The exact spelling when the alias is case-sensitive (CSTO, NATO…). */
  exact?: string;
  cyrillic: boolean;
  /** A Russian stem (Москв- of Москва): counts only with a case ending after it. */
  stem?: boolean;
}
interface TrieNode {
  /** Folded UTF-16 units of the children, as a string: indexOf over a few characters beats a Map lookup. */
  keys: string;
  kids: TrieNode[];
  terminals?: Terminal[];
}

function child(node: TrieNode, unit: number): TrieNode | undefined {
  const keys = node.keys;
  for (let k = 0; k < keys.length; k++) if (keys.charCodeAt(k) === unit) return node.kids[k];
  return undefined;
}

/** One UTF-16 unit in, one out, so offsets never move: case, Arabic letter variants, ё. */
function foldUnit(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return c + 32;
  if (c < 0x80) return c;
  if (c >= 0x0410 && c <= 0x042f) return c + 32;
  if (c === 0x0401 || c === 0x0451) return 0x0435;
  if (c === 0x0622 || c === 0x0623 || c === 0x0625 || c === 0x0671) return 0x0627;
  if (c === 0x0649) return 0x064a;
  if (c === 0x0629) return 0x0647;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32;
  return c;
}

// Folding as a table for Latin, Cyrillic and Arabic (the units names are made of); other units fold through the function.
const FOLD_LIMIT = 0x0700;
const FOLD_TABLE = new Uint16Array(FOLD_LIMIT);
for (let c = 0; c < FOLD_LIMIT; c++) FOLD_TABLE[c] = foldUnit(c);
const fold = (c: number): number => (c < FOLD_LIMIT ? FOLD_TABLE[c]! : foldUnit(c));

function isWordUnit(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c < 0xc0) return false;
  if (c >= 0x2000 && c <= 0x206f) return false;
  if (c === 0x060c || c === 0x061b || c === 0x061f || c === 0x06d4 || (c >= 0x066a && c <= 0x066d)) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c === 0xfeff) return false;
  return true;
}

const ARABIC_PREFIXES = ['و', 'ف', 'ب', 'ك', 'ل', 'ال', 'وال', 'فال', 'بال', 'كال', 'لل', 'وب', 'ول', 'وك', 'فب', 'فل', 'وبال', 'ولل'];
const ARABIC_PREFIX_CODES = ARABIC_PREFIXES.map((prefix) => [...prefix].map((ch) => ch.charCodeAt(0)));
function startsWithCodes(text: string, at: number, codes: number[]): boolean {
  for (let k = 0; k < codes.length; k++) if (text.charCodeAt(at + k) !== codes[k]) return false;
  return true;
}
const ARABIC_PREFIX_FIRST = new Set(ARABIC_PREFIXES.map((prefix) => prefix.charCodeAt(0)));
const RUSSIAN_ENDINGS = ['', 'а', 'у', 'ом', 'е', 'ы', 'ой', 'ю', 'и', 'ию', 'ией', 'ии', 'ей', 'ым', 'ого', 'ому', 'ом', 'ем', 'ью'];

function isCyrillic(text: string): boolean {
  return /[\u0400-\u04ff]/.test(text);
}

export function createInterimMatcher(): PageMatcher {
  const root: TrieNode = { keys: '', kids: [] };
  const categories = new Map<string, Category>();

  const add = (text: string, terminal: Terminal) => {
    let node = root;
    for (let i = 0; i < text.length; i++) {
      const c = foldUnit(text.charCodeAt(i));
      let next = child(node, c);
      if (!next) {
        next = { keys: '', kids: [] };
        node.keys += String.fromCharCode(c);
        node.kids.push(next);
      }
      node = next;
    }
    (node.terminals ??= []).push(terminal);
  };

  // Russian nouns in -а/-я/-ь/-й change that letter when they decline: Москва, Москве; Россия, России.
  const addWithStem = (text: string, terminal: Terminal) => {
    add(text, terminal);
    if (terminal.cyrillic && /[аяьй]$/i.test(text) && text.length > 3) add(text.slice(0, -1), { ...terminal, stem: true });
  };

  for (const entity of bundledPack.entities) {
    categories.set(entity.id, entity.category);
    for (const lang of ['en', 'ar', 'ru'] as const) {
      const names = entity.names[lang];
      const plain = [names.name, ...(names.short ? [names.short] : [])];
      for (const text of plain) {
        const acronym = /^[A-ZА-ЯЁ]{2,6}$/.test(text);
        addWithStem(text, { entity: entity.id, ambiguous: false, cyrillic: isCyrillic(text), ...(acronym ? { exact: text } : {}) });
      }
      for (const alias of names.aliases) {
        for (const text of [alias.text, ...alias.forms]) {
          addWithStem(text, {
            entity: entity.id,
            ambiguous: alias.ambiguous,
            cyrillic: isCyrillic(text),
            ...(alias.caseSensitive ? { exact: text } : {}),
          });
        }
      }
    }
  }


  function longestAt(text: string, from: number, bodyStart: number): { end: number; terminal: Terminal } | null {
    if (from >= text.length) return null;
    let node: TrieNode | undefined = rootKids.get(fold(text.charCodeAt(from)));
    from++;
    let best: { end: number; terminal: Terminal } | null = null;
    for (let i = from; i <= text.length && node; i++) {
      if (node.terminals) {
        for (const terminal of node.terminals) {
          if (terminal.exact !== undefined && text.slice(bodyStart, i) !== terminal.exact) continue;
          const end = endWithEnding(text, i, terminal.cyrillic);
          if (terminal.stem && end === i) continue;
          if (end >= 0 && (!best || end > best.end)) best = { end, terminal };
        }
      }
      if (i === text.length) break;
      node = child(node, fold(text.charCodeAt(i)));
    }
    return best;
  }

  /** Whether a word boundary follows `at` (after an optional Russian case ending): the end offset, or -1. */
  function endWithEnding(text: string, at: number, cyrillic: boolean): number {
    if (at >= text.length || !isWordUnit(text.charCodeAt(at))) return at;
    if (!cyrillic) return -1;
    for (const ending of RUSSIAN_ENDINGS) {
      if (!ending) continue;
      const stop = at + ending.length;
      if (text.slice(at, stop).toLowerCase() === ending && (stop >= text.length || !isWordUnit(text.charCodeAt(stop)))) return stop;
    }
    return -1;
  }

  // The root has a hundred-odd children: index them directly.
  const rootKids = new Map<number, TrieNode>();
  for (let k = 0; k < root.keys.length; k++) rootKids.set(root.keys.charCodeAt(k), root.kids[k]!);

  return {
    scanBlock(text: string): Candidate[] {
      const found: Candidate[] = [];
      const length = text.length;
      let i = 0;
      while (i < length) {
        // Matches start at word starts only: skip to the next one.
        while (i < length && !isWordUnit(text.charCodeAt(i))) i++;
        if (i >= length) break;
        const c = text.charCodeAt(i);
        let hitEntity = '';
        let hitStart = 0;
        let hitEnd = -1;
        let hitAmbiguous = false;
        if (rootKids.has(fold(c))) {
          const match = longestAt(text, i, i);
          if (match) {
            hitEntity = match.terminal.entity;
            hitStart = i;
            hitEnd = match.end;
            hitAmbiguous = match.terminal.ambiguous;
          }
        }
        if (c >= 0x0600 && c <= 0x06ff && ARABIC_PREFIX_FIRST.has(c)) {
          for (const prefix of ARABIC_PREFIX_CODES) {
            if (!startsWithCodes(text, i, prefix)) continue;
            const match = longestAt(text, i + prefix.length, i + prefix.length);
            if (match && match.end > hitEnd) {
              hitEntity = match.terminal.entity;
              hitStart = i + prefix.length;
              hitEnd = match.end;
              hitAmbiguous = match.terminal.ambiguous;
            }
          }
        }
        if (hitEnd > 0) {
          found.push({ entity: hitEntity, start: hitStart, end: hitEnd, ambiguous: hitAmbiguous });
          i = hitEnd;
        } else {
          while (i < length && isWordUnit(text.charCodeAt(i))) i++;
        }
      }
      return found;
    },

    resolve(blocks: ReadonlyArray<readonly Candidate[]>, options: ResolveOptions): Array<Array<string | null>> {
      const sure = new Set<string>();
      for (const block of blocks) for (const candidate of block) if (!candidate.ambiguous) sure.add(candidate.entity);
      const seen = new Set<string>();
      return blocks.map((block) =>
        block.map((candidate) => {
          if (candidate.ambiguous && sure.size === 0) return null;
          if (options.firstMentionOnly) {
            if (seen.has(candidate.entity)) return null;
            seen.add(candidate.entity);
          }
          return candidate.entity;
        }),
      );
    },

    categoryOf: (entity) => categories.get(entity),
  };
}
