// Our own articles in Arabic, English and Russian (tests/fixtures/corpus/, written for these tests) with the mentions
// a reader expects, written by hand. Scanned with the real pack; precision and recall per language.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { textBlocks, scanDocument } from '../../src/cli/scan.ts';
import { matcherForPack, type Matcher } from '../../src/core/matcher.ts';
import type { Lang } from '../../src/core/pack.ts';
import { realPack, repoRoot } from './fixtures/real-pack.ts';

const dir = join(repoRoot, 'tests/fixtures/corpus');
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
  files: Record<string, { lang: Lang; mentions: Array<[string, string]> }>;
};

interface Score {
  tp: number;
  fp: number;
  fn: number;
  extra: string[];
  missing: string[];
}

/** Compare found and expected mentions as multisets of "entity|text". */
function score(found: string[], wanted: string[]): Score {
  const left = [...wanted];
  const extra: string[] = [];
  for (const f of found) {
    const k = left.indexOf(f);
    if (k >= 0) left.splice(k, 1);
    else extra.push(f);
  }
  return { tp: found.length - extra.length, fp: extra.length, fn: left.length, extra, missing: left };
}

let matcher: Matcher;
const results = new Map<string, Score & { lang: Lang }>();

beforeAll(() => {
  matcher = matcherForPack(realPack());
});

describe('our corpus, with the real pack', () => {
  it.each(Object.entries(expected.files))('%s', (file, want) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const scan = scanDocument(matcher, text, textBlocks(text), 'auto');
    expect(scan.lang).toBe(want.lang);
    for (const m of scan.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    const s = score(
      scan.mentions.map((m) => `${m.entity}|${m.text}`),
      want.mentions.map(([entity, t]) => `${entity}|${t}`),
    );
    results.set(file, { ...s, lang: want.lang });
    expect({ extra: s.extra, missing: s.missing }).toEqual({ extra: [], missing: [] });
  });

  it('precision and recall per language', () => {
    const rows: string[] = [];
    for (const lang of ['ar', 'en', 'ru'] as const) {
      const files = [...results.values()].filter((r) => r.lang === lang);
      const tp = files.reduce((a, r) => a + r.tp, 0);
      const fp = files.reduce((a, r) => a + r.fp, 0);
      const fn = files.reduce((a, r) => a + r.fn, 0);
      const precision = tp / (tp + fp || 1);
      const recall = tp / (tp + fn || 1);
      rows.push(`${lang}: ${files.length} articles, ${tp + fn} expected mentions, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
      expect(files.length).toBeGreaterThan(0);
      expect(precision).toBeGreaterThanOrEqual(0.95);
      expect(recall).toBeGreaterThanOrEqual(0.95);
    }
    console.log(`corpus (tests/fixtures/corpus):\n  ${rows.join('\n  ')}`);
  });
});
