// The seed article (../shared/seed/article-ar.txt) and its expected mentions (gold-ar.json), with the real pack:
// every required mention found (the name part only, without clitics), nothing outside the note's rules marked.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanDocument, textBlocks } from '../../src/cli/scan.ts';
import { buildLexicon } from '../../src/core/lexicon.ts';
import { compileMatcher } from '../../src/core/matcher.ts';
import { foldText } from '../../src/core/normalize.ts';
import { realPack, repoRoot } from './fixtures/real-pack.ts';

const seed = join(repoRoot, '../shared/seed');
const present = existsSync(join(seed, 'gold-ar.json')) && existsSync(join(seed, 'article-ar.txt'));

interface GoldMention {
  entity: string;
  context: string;
  count: number;
  required: boolean;
}

function occurrences(text: string, part: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length)) at.push(i);
  return at;
}

describe.skipIf(!present)('gold: ../shared/seed/article-ar.txt', () => {
  const gold = present ? (JSON.parse(readFileSync(join(seed, 'gold-ar.json'), 'utf8')) as { lang: string; mentions: GoldMention[] }) : { lang: '', mentions: [] };
  const article = present ? readFileSync(join(seed, 'article-ar.txt'), 'utf8') : '';
  const { lexicon } = buildLexicon(realPack());
  const matcher = compileMatcher(lexicon);
  const scan = scanDocument(matcher, article, textBlocks(article), 'auto');
  const names = new Map<string, Set<string>>(); // entity → its folded keys
  lexicon.keys.forEach((key, k) => {
    for (let i = 0; i < lexicon.senses[k]!.length; i += 2) {
      const id = lexicon.ids[lexicon.senses[k]![i]!]!;
      names.set(id, (names.get(id) ?? new Set()).add(key));
    }
  });

  it('is read as Arabic, with offsets into the text as read', () => {
    expect(scan.lang).toBe(gold.lang);
    for (const m of scan.mentions) expect(article.slice(m.start, m.end)).toBe(m.text);
  });

  it.each(gold.mentions.filter((g) => g.required))('required: $entity in "$context" ×$count', (g) => {
    const at = occurrences(article, g.context);
    expect(at).toHaveLength(g.count);
    for (const start of at) {
      const inside = scan.mentions.filter((m) => m.entity === g.entity && m.start >= start && m.end <= start + g.context.length);
      expect(inside, `${g.entity} in "${g.context}" at ${start}`).toHaveLength(1);
      // The mention is the name only: its folded text is one of the entity's names, not a clitic form of it.
      expect(names.get(g.entity)).toContain(foldText(inside[0]!.text));
    }
  });

  it('marks nothing outside the contexts of the gold mentions (required or optional)', () => {
    const allowed = gold.mentions.flatMap((g) => occurrences(article, g.context).map((start) => ({ entity: g.entity, start, end: start + g.context.length })));
    const outside = scan.mentions.filter((m) => !allowed.some((a) => a.entity === m.entity && m.start >= a.start && m.end <= a.end));
    expect(outside).toEqual([]);
  });
});
