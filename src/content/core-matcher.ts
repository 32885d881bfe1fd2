// The core matcher (src/core/matcher.ts) behind the page's PageMatcher interface: candidates per block, and the
// document-level resolve step that decides on ambiguous names and first-mention-only.
import type { Candidate as CoreCandidate } from '../core/matcher.ts';
import { compileMatcher, loadMatcher, type Automaton } from '../core/matcher.ts';
import type { Lexicon } from '../core/lexicon.ts';
import { CATEGORIES, type Category } from '../core/pack.ts';
import type { Candidate, PageMatcher, ResolveOptions } from './matching.ts';

interface CoreBacked extends Candidate {
  source: CoreCandidate;
}

const NONE: readonly CoreCandidate[] = Object.freeze([]);

/** With the automaton built ahead of time from this lexicon, the matcher loads it instead of compiling. */
export function createCoreMatcher(lexicon: Lexicon, automaton: Automaton | null = null): PageMatcher {
  const matcher = automaton ? loadMatcher(lexicon, automaton) : compileMatcher(lexicon);
  const categories = new Map<string, Category>();
  lexicon.ids.forEach((id, i) => categories.set(id, CATEGORIES[lexicon.categories[i]!]!));

  return {
    scanBlock(text) {
      return matcher.scanBlock(text).candidates.map(
        (source): CoreBacked => ({ entity: source.senses[0]!.entity, start: source.start, end: source.end, ambiguous: source.senses[0]!.ambiguous, source }),
      );
    },
    resolve(blocks, options: ResolveOptions) {
      // Most blocks of a long page name nothing: they share one empty list of sources.
      const mentions = matcher.resolveDocument(
        blocks.map((block) => (block.length === 0 ? NONE : block.map((candidate) => (candidate as CoreBacked).source))),
        { firstMentionOnly: options.firstMentionOnly },
      );
      const result = blocks.map((block) => new Array<string | null>(block.length).fill(null));
      // Mentions come in block order, and in text order within a block, like the candidates they come from.
      let block = -1;
      let at = 0;
      for (const mention of mentions) {
        if (mention.block !== block) {
          block = mention.block;
          at = 0;
        }
        const candidates = blocks[block]!;
        while (at < candidates.length && candidates[at]!.start < mention.start) at++;
        if (at < candidates.length && candidates[at]!.start === mention.start) result[block]![at] = mention.entity;
      }
      return result;
    },
    categoryOf: (entity) => categories.get(entity),
  };
}
