// The page's view of the core matcher (src/content/core-matcher.ts): candidates per block, and the document-level
// resolve mapped back onto them, including first-mention-only and ambiguous names that need context.
import { describe, expect, it } from 'vitest';
import { createCoreMatcher } from '../../src/content/core-matcher.ts';
import { shippedLexicon } from '../../src/content/shipped-lexicon.ts';

const matcher = createCoreMatcher(shippedLexicon());

function resolveTexts(texts: string[], firstMentionOnly = false): Array<Array<string | null>> {
  return matcher.resolve(texts.map((text) => matcher.scanBlock(text, null)), { firstMentionOnly });
}

describe('core matcher behind the page interface', () => {
  it('finds candidates with offsets into each block', () => {
    const text = 'Президент Владимир Путин прибыл в Москву.';
    const found = matcher.scanBlock(text, 'ru').map((c) => [c.entity, text.slice(c.start, c.end)]);
    expect(found).toEqual([
      ['putin', 'Владимир Путин'],
      ['moscow', 'Москву'],
    ]);
  });

  it('maps every resolved mention back to its candidate, block by block', () => {
    expect(resolveTexts(['The CSTO met.', 'Russia and Kazakhstan agreed.', 'No names here.'])).toEqual([['csto'], ['russia', 'kazakhstan'], []]);
  });

  it('keeps only the first mention of each entity when asked', () => {
    expect(resolveTexts(['Russia and the CSTO.', 'Russia again, and Armenia.'], true)).toEqual([['russia', 'csto'], [null, 'armenia']]);
  });

  it('drops an ambiguous name without support and keeps it with support elsewhere in the document', () => {
    const alone = resolveTexts(['Georgia voted today.']);
    expect(alone).toEqual([[null]]);
    const supported = resolveTexts(['Georgia voted today.', 'Tbilisi and Georgia left the CSTO in 1999.']);
    expect(supported[0]).toEqual(['georgia']);
  });

  it('knows the category of every entity', () => {
    expect(matcher.categoryOf('putin')).toBe('people');
    expect(matcher.categoryOf('csto')).toBe('csto-bodies');
    expect(matcher.categoryOf('nobody')).toBeUndefined();
  });
});
