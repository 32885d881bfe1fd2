// `npm run bench`: the performance budgets (GUIDE.md section 4). Prints a table and merges bench/results.json, one key
// per half: `matcher` here (scripts/bench-matcher.ts); the page half adds `page`. Existing keys are kept.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMatcherBench } from './bench-matcher.ts';

const ROOT = join(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'bench', 'results.json');

function merge(key: string, value: unknown): void {
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  const current = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
  current[key] = value;
  writeFileSync(RESULTS, `${JSON.stringify(current, null, 2)}\n`);
}

const matcher = await runMatcherBench();
merge('matcher', matcher);
console.table({
  [`text: ${(matcher.textBytes / 1e6).toFixed(2)} MB of ar/en/ru prose (the pack's), ${matcher.textChars} UTF-16 units`]: '',
  [`lexicon: ${matcher.entities} entities, ${matcher.keys} keys, ${matcher.states} trie states`]: '',
  'lexicon shipped, KB (gzipped)': `${(matcher.lexiconBytes / 1024).toFixed(1)} (${(matcher.lexiconGzipBytes / 1024).toFixed(1)})`,
  'compile at load, ms': matcher.compileMs,
  'ours: scan + resolve, ms': matcher.oursMs,
  'floor: read every character, ms': matcher.floorMs,
  'regex: one alternation of all aliases, ms': matcher.regexMs,
  'vsFloor = ours / floor (budget <= 3)': matcher.vsFloor,
  'vsRegex = regex / ours (budget >= 20)': matcher.vsRegex,
  [`mentions (1 per ${Math.round(matcher.textChars / matcher.mentions)} units)`]: matcher.mentions,
  [`ours paragraph by paragraph (${matcher.blocks} blocks), ms`]: matcher.perBlockMs,
  [`word salad (1 mention per ${Math.round(matcher.textChars / matcher.salad.mentions)} units): ours / per block / floor / regex ms`]: `${matcher.salad.oursMs} / ${matcher.salad.perBlockMs} / ${matcher.salad.floorMs} / ${matcher.salad.regexMs}`,
  'word salad: vsFloor, vsRegex': `${matcher.salad.vsFloor}, ${matcher.salad.vsRegex}`,
});
