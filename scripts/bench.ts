// `npm run bench`: the performance budgets (GUIDE.md section 4). Prints a table per half and merges
// bench/results.json: `matcher` (scripts/bench-matcher.ts) and `page` (scripts/bench-page.ts, in Chromium).
// `--matcher` or `--page` runs one half only; `--no-entity` only the page half's no-entity page (updating those
// figures in `page`); other keys in the file are kept.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMatcherBench } from './bench-matcher.ts';
import { runNoEntityBench, runPageBench, type NoEntityCost } from './bench-page.ts';

const ROOT = join(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'bench', 'results.json');

function merge(key: string, value: unknown): void {
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  const current = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
  current[key] = value;
  writeFileSync(RESULTS, `${JSON.stringify(current, null, 2)}\n`);
}

const onlyPage = process.argv.includes('--page');
const onlyMatcher = process.argv.includes('--matcher');
const onlyNoEntity = process.argv.includes('--no-entity');

function noEntityTable(cost: NoEntityCost, matcherBuildMs: number): Record<string, unknown> {
  return {
    [`no-entity page, ${cost.runs} rounds of loads: main-thread ms the extension (release build) adds, median of the rounds (budget < 5)`]: `${cost.taskMs} (TaskDuration medians ${cost.taskOnMs} on, ${cost.taskOffMs} off)`,
    '  of which any content script (an empty one) ms': `${cost.floorMs} (median ${cost.floorTaskMs})`,
    '  ours beyond an empty content script ms': cost.overFloorMs,
    '  the leanest script that reads the page and asks its background ms': cost.leanestMs,
    '  the test build (stamps, test hooks) ms': cost.testBuildTaskMs,
    '  our own account (busy) ms, median / least': `${cost.busyMs} / ${cost.busyMinMs}`,
    '  of busy: matcher load ms': matcherBuildMs,
    '  of busy: name filter ms (it runs in the background)': cost.filterMs,
    '  evaluating the content script ms (stamp at its top to its end)': cost.evalMs,
    '  CDP ScriptDuration ms, on - off (no compile, no microtasks)': `${cost.scriptMs} (${cost.scriptOnMs} - ${cost.scriptOffMs})`,
    '  content.js / content-full.js KB gzipped': `${cost.bootGzipKB} / ${cost.scannerGzipKB}`,
  };
}

if (onlyNoEntity) {
  const { matcherBuildMs, ...cost } = await runNoEntityBench();
  const current = existsSync(RESULTS) ? ((JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>).page as Record<string, unknown> | undefined) : undefined;
  merge('page', { ...current, noEntityMs: cost.taskMs, matcherBuildMs, noEntity: cost });
  console.table(noEntityTable(cost, matcherBuildMs));
}

if (!onlyPage && !onlyNoEntity) {
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
}

if (!onlyMatcher && !onlyNoEntity) {
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
    'content script KB gzipped (every page: content.js)': page.contentScriptGzipKB,
    'scanner KB gzipped (pages that may name someone: content-full.js)': page.scannerScriptGzipKB,
    ...noEntityTable(page.noEntity, page.matcherBuildMs),
    marks: page.marks,
    words: page.words,
  });
}
