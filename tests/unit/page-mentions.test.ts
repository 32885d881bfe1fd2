// "On this page": mentions counted per entity and grouped by category in a fixed order.
import { describe, expect, it } from 'vitest';
import { bundledPack } from '../../src/core/bundled-pack.ts';
import { lookupOf } from '../../src/core/card.ts';
import { groupMentions } from '../../src/core/page-mentions.ts';

const lookup = lookupOf(bundledPack.entities);

describe('groupMentions', () => {
  it('counts and groups in category order, entities by first appearance', () => {
    const mentions = ['putin', 'csto', 'armenia', 'putin', 'pashinyan', 'csto', 'putin', 'tass', 'no-such-id'].map((entity) => ({ entity }));
    const groups = groupMentions(mentions, lookup);
    expect(groups.map((g) => g.category)).toEqual(['csto-bodies', 'member-states', 'people', 'media']);
    expect(groups.find((g) => g.category === 'people')?.items.map((i) => [i.entity.id, i.count])).toEqual([
      ['putin', 3],
      ['pashinyan', 1],
    ]);
    expect(groups[0]?.items.map((i) => [i.entity.id, i.count])).toEqual([['csto', 2]]);
  });

  it('is empty for no mentions', () => expect(groupMentions([], lookup)).toEqual([]));
});
