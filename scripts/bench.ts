// `npm run bench`: the performance budgets (GUIDE.md section 4). Prints a table and merges bench/results.json.
// The matcher half lives in scripts/bench-matcher.ts when present; the page half in scripts/bench-page.ts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPageBench } from './bench-page.ts';

const ROOT = join(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'bench', 'results.json');

function merge(key: string, value: unknown): void {
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  const current = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
  current[key] = value;
  writeFileSync(RESULTS, `${JSON.stringify(current, null, 2)}\n`);
}

const onlyPage = process.argv.includes('--page');
if (!onlyPage && existsSync(join(import.meta.dirname, 'bench-matcher.ts'))) {
  const matcher = (await import('./bench-matcher.ts' as string)) as { runMatcherBench(): Promise<unknown> };
  merge('matcher', await matcher.runMatcherBench());
}

const page = await runPageBench();
merge('page', page);
console.table({
  'ours: main-thread ms to mark everything': page.oursMs,
  'mark.js ms (same names, same page)': page.markJsMs,
  'vsMarkJs (mark.js / ours, budget >= 100)': page.vsMarkJs,
  'longest task ms (budget <= 50)': page.longestTaskMs,
  'our longest slice ms': page.ourLongestSliceMs,
  'first mark ms after start': page.firstMarkMs,
  'all marked ms after start (wall)': page.doneWallMs,
  'memory added MB': page.memoryAddedMB,
  'content script KB gzipped': page.contentScriptGzipKB,
  'no-entity page ms (budget < 5)': page.noEntityMs,
  '  of which matcher compile at start ms': page.matcherBuildMs,
  marks: page.marks,
  words: page.words,
});
