// The name filter's patterns as the content script ships them. Apart from shipped-lexicon.ts so that the small
// content script every page gets (boot.ts) carries these patterns without the lexicon and the automaton.
// scripts/build-content.ts replaces this module with the patterns built ahead of time, as JSON text.
import { buildNameFilter, type NameFilterData } from '../core/name-filter.ts';
import { shippedLexicon } from './shipped-lexicon.ts';

export function shippedNameFilter(): NameFilterData {
  return buildNameFilter(shippedLexicon());
}
