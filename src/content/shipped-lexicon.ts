// The lexicon the content script ships: names and their forms only, no card texts. Here it is built from the pack
// (so node and the type checker see one module); scripts/build-content.ts replaces this module with the lexicon
// built ahead of time as plain JSON, so the page neither carries the pack nor pays for building forms.
import { bundledPack } from '../core/bundled-pack.ts';
import { buildLexicon, type Lexicon } from '../core/lexicon.ts';
import type { Automaton } from '../core/matcher.ts';

export const shippedLexicon: Lexicon = buildLexicon(bundledPack).lexicon;

/**
 * The matcher's automaton compiled from shippedLexicon. In node it is null (the matcher compiles at run time); the
 * build ships it as JSON text parsed by this function, so the page only decodes it (compiling takes 40–100 ms).
 */
export function shippedAutomaton(): Automaton | null {
  return null;
}
