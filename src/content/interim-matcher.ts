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
  next: Map<number, TrieNode>;
  terminals?: Terminal[];
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

function isWordUnit(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c < 0xc0) return false;
  if (c >= 0x2000 && c <= 0x206f) return false;
  if (c === 0x060c || c === 0x061b || c === 0x061f || c === 0x06d4 || (c >= 0x066a && c <= 0x066d)) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c === 0xfeff) return false;
  return true;
}

const ARABIC_PREFIXES = ['', 'و', 'ف', 'ب', 'ك', 'ل', 'ال', 'وال', 'فال', 'بال', 'كال', 'لل', 'وب', 'ول', 'وك', 'فب', 'فل', 'وبال', 'ولل'];
const RUSSIAN_ENDINGS = ['', 'а', 'у', 'ом', 'е', 'ы', 'ой', 'ю', 'и', 'ию', 'ией', 'ии', 'ей', 'ым', 'ого', 'ому', 'ом', 'ем', 'ью'];

function isCyrillic(text: string): boolean {
  return /[\u0400-\u04ff]/.test(text);
}

export function createInterimMatcher(): PageMatcher {
  const root: TrieNode = { next: new Map() };
  const categories = new Map<string, Category>();

  const add = (text: string, terminal: Terminal) => {
    let node = root;
    for (let i = 0; i < text.length; i++) {
      const c = foldUnit(text.charCodeAt(i));
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map() }));
      node = child;
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

  const prefixNodes = ARABIC_PREFIXES.map((prefix) => ({ prefix, length: prefix.length }));

  function longestAt(text: string, from: number, bodyStart: number): { end: number; terminal: Terminal } | null {
    let node: TrieNode | undefined = root;
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
      node = node.next.get(foldUnit(text.charCodeAt(i)));
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

  return {
    scanBlock(text: string): Candidate[] {
      const found: Candidate[] = [];
      let i = 0;
      while (i < text.length) {
        const c = text.charCodeAt(i);
        if (!isWordUnit(c) || (i > 0 && isWordUnit(text.charCodeAt(i - 1)))) {
          i++;
          continue;
        }
        let hit: Candidate | null = null;
        const arabic = c >= 0x0600 && c <= 0x06ff;
        for (const { prefix, length } of arabic ? prefixNodes : prefixNodes.slice(0, 1)) {
          if (length > 0 && !text.startsWith(prefix, i)) continue;
          const match = longestAt(text, i + length, i + length);
          if (match && (!hit || match.end > hit.end)) hit = { entity: match.terminal.entity, start: i + length, end: match.end, ambiguous: match.terminal.ambiguous };
        }
        if (hit) {
          found.push(hit);
          i = hit.end;
        } else {
          i++;
        }
      }
      return found;
    },

    resolve(blocks: ReadonlyArray<readonly Candidate[]>, options: ResolveOptions): boolean[][] {
      const sure = new Set<string>();
      for (const block of blocks) for (const candidate of block) if (!candidate.ambiguous) sure.add(candidate.entity);
      const seen = new Set<string>();
      return blocks.map((block) =>
        block.map((candidate) => {
          if (candidate.ambiguous && sure.size === 0) return false;
          if (options.firstMentionOnly) {
            if (seen.has(candidate.entity)) return false;
            seen.add(candidate.entity);
          }
          return true;
        }),
      );
    },

    categoryOf: (entity) => categories.get(entity),
  };
}
