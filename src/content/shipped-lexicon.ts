// The lexicon the content script ships: names and their forms only, no card texts. Here it is built from the pack
// (so node and the type checker see one module); scripts/build-content.ts replaces this module with the lexicon and
// the automaton built ahead of time as JSON text, parsed on first use. Only the scanner (content-full.js) holds them:
// a page where the name filter (shipped-name-filter.ts) finds no possible name never loads them.
import { bundledPack } from '../core/bundled-pack.ts';
import { buildLexicon, type Lexicon } from '../core/lexicon.ts';
import type { Automaton } from '../core/matcher.ts';

let lexicon: Lexicon | null = null;

export function shippedLexicon(): Lexicon {
  return (lexicon ??= buildLexicon(bundledPack).lexicon);
}

/**
 * The matcher's automaton compiled from shippedLexicon. In node it is null (the matcher compiles at run time); the
 * build ships it as JSON text parsed by this function, so the page only decodes it (compiling takes 40–100 ms).
 */
export function shippedAutomaton(): Automaton | null {
  return null;
}
