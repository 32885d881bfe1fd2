// The name filter's patterns as the extension ships them, for the background (which answers the boot script's text
// checks) and the scanner. Apart from shipped-lexicon.ts so that the background carries these patterns without the
// lexicon and the automaton. The builds replace this module with the patterns built ahead of time, as JSON text
// (scripts/lib/shipped-modules.ts).
import { buildNameFilter, type NameFilterData } from '../core/name-filter.ts';
import { shippedLexicon } from './shipped-lexicon.ts';

export function shippedNameFilter(): NameFilterData {
  return buildNameFilter(shippedLexicon());
}
