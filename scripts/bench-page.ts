// Page half of `npm run bench`: a generated 200,000-word article (names in three languages, inline tags, RTL blocks)
// in Chromium with the built extension. Measures our main-thread time to mark everything, the longest task, the time
// to the first mark in the viewport, memory added and the content script's gzipped size; then mark.js 8.11.1 marks
// the same names on the same page in the same run. Also the cost on a page with no entity.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH, launchWithExtension, type ExtensionBrowser } from './lib/chromium.ts';
import { startStaticServer } from './lib/static-server.ts';

const ROOT = join(import.meta.dirname, '..');

export interface PageBenchResult {
  words: number;
  names: number;
  oursMs: number;
  marks: number;
  markJsMs: number;
  markJsMarks: number;
  vsMarkJs: number;
  longestTaskMs: number;
  ourLongestSliceMs: number;
  firstMarkMs: number;
  doneWallMs: number;
  memoryAddedMB: number;
  /** The content script every page gets (content.js), gzipped. */
  contentScriptGzipKB: number;
  /** The scanner the background injects where a page may name an entity (content-full.js), gzipped. */
  scannerScriptGzipKB: number;
  /**
   * The budget figure (< 5 ms): the whole main-thread time the extension adds to loading a 2,000-word page with no
   * entity (noEntity.taskMs: CDP TaskDuration with the extension minus without, the median over rounds). It counts
   * compiling and evaluating the content script, every callback and microtask of ours, the browser's own
   * content-script plumbing, and anything we make the page do; noEntity.floorMs is the part an empty content script
   * costs too.
   */
  noEntityMs: number;
  /** On that page, loading the matcher (0 when the pre-check found no possible name and it was never loaded). */
  matcherBuildMs: number;
  /** The independent figures for the same page: see NoEntityCost. */
  noEntity: NoEntityCost;
}

/**
 * The whole main-thread cost of the content script on the no-entity page, measured from outside our own accounting.
 * `runs` rounds, each loading the page once in every browser: with the extension (release and test builds), with two
 * reference extensions (an empty content script: the floor any content script pays; the leanest one that reads the
 * page and asks its background) and without extensions. Figures are medians over the rounds.
 */
export interface NoEntityCost {
  runs: number;
  /** Our own account (the content script's measured calls; not compiling or evaluating it), median. */
  busyMs: number;
  /** The least busyMs of the runs: what the page costs us when the shared machine does not get in the way. */
  busyMinMs: number;
  /** Of busyMs: the name filter on the page's main thread, median (0 since it runs in the background, off it). */
  filterMs: number;
  /** From a stamp at the very top of the bundle to the end of its synchronous run: evaluating the IIFE. */
  evalMs: number;
  /** CDP Performance.getMetrics ScriptDuration, test build minus no extension (median over rounds). It leaves out compiling
   * the content script and the promise callbacks (microtasks) where most of our work runs: not the whole cost. */
  scriptMs: number;
  /** CDP TaskDuration, all main-thread task time, release build minus no extension: the whole cost of what users run,
   * and the budget figure (noEntityMs). */
  taskMs: number;
  /** The same for the test build, which the bench's stamps need (it also carries the test hooks). */
  testBuildTaskMs: number;
  scriptOnMs: number;
  scriptOffMs: number;
  taskOnMs: number;
  taskOffMs: number;
  /** TaskDuration with the empty content script minus without: what Chromium charges for any content script. */
  floorMs: number;
  floorTaskMs: number;
  /** The release build minus the empty script, round by round (median): what our content script costs beyond an
   * empty one. */
  overFloorMs: number;
  /** TaskDuration of the leanest reference script (LEANEST_SCRIPT) minus no extension: about the least a content
   * script that reads the page and asks its background can cost. */
  leanestMs: number;
  /** The content script every page gets (content.js), and the scanner injected where a name may be, gzipped KB. */
  bootGzipKB: number;
  scannerGzipKB: number;
}

/** A deterministic pseudo-random sequence, so every run reads the same page. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const FILLER = {
  en: 'the of and to in a that said on for with was as by at from officials government minister talks security region border after would meeting week'.split(' '),
  ru: 'и в на с что по для как это было заявил министр встреча безопасности региона границы после неделе переговоры стороны'.split(' '),
  ar: 'في من على إلى أن التي الذي قال وزير الأمن المنطقة الحدود بعد الاجتماع الأسبوع المحادثات الجانبين الحكومة'.split(' '),
};

interface PackLike {
  entities: Array<{ id: string; names: Record<'en' | 'ar' | 'ru', { name: string; short?: string; aliases: Array<{ text: string }> }> }>;
}

function benchNames(): Record<'en' | 'ar' | 'ru', string[]> {
  const pack = JSON.parse(readFileSync(join(ROOT, 'generated', 'entities.json'), 'utf8')) as PackLike;
  const names = { en: [] as string[], ar: [] as string[], ru: [] as string[] };
  for (const entity of pack.entities) {
    for (const lang of ['en', 'ar', 'ru'] as const) {
      const n = entity.names[lang];
      names[lang].push(n.name, ...(n.short ? [n.short] : []), ...n.aliases.map((a) => a.text));
    }
  }
  for (const lang of ['en', 'ar', 'ru'] as const) names[lang] = [...new Set(names[lang])];
  return names;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** About `targetWords` words in paragraphs of ~100, one name every ~25 words, some in <b>/<a>/<em>, a third RTL. */
export function generateArticle(targetWords: number, withNames = true): { html: string; words: number } {
  const next = random(42);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const names = benchNames();
  const paragraphs: string[] = [];
  let words = 0;
  let index = 0;
  while (words < targetWords) {
    const lang = (['en', 'ru', 'ar'] as const)[index++ % 3]!;
    const parts: string[] = [];
    for (let w = 0; w < 100; w++) {
      if (withNames && w % 25 === 12) {
        const name = escapeHtml(pick(names[lang]));
        const roll = next();
        parts.push(roll < 0.2 ? `<b>${name}</b>` : roll < 0.35 ? `<a href="#n${w}">${name}</a>` : roll < 0.45 ? `<em>${name}</em>` : name);
        words += name.split(' ').length;
      } else {
        parts.push(pick(FILLER[lang]));
        words++;
      }
      if (w % 17 === 16) parts.push(`<span class="s">${pick(FILLER[lang])}</span>`);
    }
    const attrs = lang === 'ar' ? ' dir="rtl" lang="ar"' : ` lang="${lang}"`;
    paragraphs.push(`<p${attrs}>${parts.join(' ')}.</p>`);
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title>
<meta property="article:published_time" content="2024-05-01T10:00:00Z">
<style>body{font:16px/1.5 serif;max-width:46em;margin:1em auto}</style></head>
<body><article><h1>Bench article</h1>${paragraphs.join('\n')}</article></body></html>`;
  return { html, words };
}

interface DoneDetail {
  busyMs: number;
  longestSliceMs: number;
  marks: number;
  matcherBuildMs: number;
  filterMs: number;
}

// The marks below exist only in test builds (dist-test): the release build leaves no trace a page could read.
async function waitForDone(page: Page, timeoutMs = 120_000): Promise<{ eval: number; start: number; first: number | null; done: number; detail: DoneDetail }> {
  await page.waitForFunction(() => performance.getEntriesByName('csto-lens-done').length > 0, undefined, { timeout: timeoutMs, polling: 100 });
  return page.evaluate(() => {
    const start = performance.getEntriesByName('csto-lens-start')[0]!.startTime;
    const evaluated = performance.getEntriesByName('csto-lens-eval')[0]?.startTime ?? start;
    const first = performance.getEntriesByName('csto-lens-first-mark')[0]?.startTime ?? null;
    const doneEntry = performance.getEntriesByName('csto-lens-done')[0] as PerformanceMark;
    return { eval: evaluated, start, first, done: doneEntry.startTime, detail: doneEntry.detail as DoneDetail };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Open `url` in a fresh page with CDP's Performance domain on from the start; the page's cumulative main-thread metrics
 * a while after its load event. Every page is treated alike until the metrics are read: no script of the harness
 * runs in it before (polling the page for our marks would count as main-thread time of the page with the extension).
 */
async function pageMetrics(context: BrowserContext, url: string): Promise<{ scriptMs: number; taskMs: number; page: Page; readAt: number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url);
  await page.waitForLoadState('load');
  // Time for the content script's round trip to the background, its check, and whatever it schedules after.
  await page.waitForTimeout(1000);
  const readAt = Date.now();
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  await cdp.detach();
  const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { scriptMs: value('ScriptDuration'), taskMs: value('TaskDuration'), page, readAt };
}

/**
 * A throwaway extension declared like ours (matches, run_at) with the given content script, and a service worker that
 * answers every message with "the site is on" (launchWithExtension waits for a worker).
 */
function referenceExtension(dist: string, name: string, contentScript: string): string {
  const dir = mkdtempSync(join(tmpdir(), `csto-lens-${name}-`));
  const ours = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { content_scripts: Array<Record<string, unknown>> };
  const content_scripts = ours.content_scripts.map((entry) => ({ ...entry, js: ['content.js'] }));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name, version: '1', background: { service_worker: 'worker.js' }, content_scripts }));
  writeFileSync(join(dir, 'worker.js'), 'chrome.runtime.onMessage.addListener((message, sender, respond) => respond({ active: true }));');
  writeFileSync(join(dir, 'content.js'), contentScript);
  return dir;
}

/** What any content script costs a page: an empty one. */
const EMPTY_SCRIPT = '';

/**
 * The least a content script can do and still serve a design like ours (the page's text judged off the main thread,
 * later changes seen): listen for messages, read the article's text in one native call, watch the page, send the
 * text once. It is not correct (textContent glues blocks together and reads scripts), only a lower bound.
 */
const LEANEST_SCRIPT = [
  'chrome.runtime.onMessage.addListener(() => undefined);',
  'new MutationObserver(() => undefined).observe(document.documentElement, { childList: true, subtree: true, characterData: true });',
  "const root = document.querySelector('article') ?? document.body;",
  'chrome.runtime.sendMessage({ text: root.textContent.slice(0, 100000) });',
].join('\n');

/**
 * The no-entity page, loaded `runs` times in each browser, in turn: the release build (what users run: the budget
 * figure), the test build (its stamps tell our own account, and that it was done before the metrics were read), the
 * empty and the leanest reference scripts, and no extension at all.
 */
async function measureNoEntity(extension: ExtensionBrowser, plainBrowser: Browser, url: string, runs: number): Promise<NoEntityCost & { matcherBuildMs: number }> {
  const on = { task: [] as number[], busy: [] as number[], evaluate: [] as number[], build: [] as number[], filter: [] as number[] };
  const test = { script: [] as number[], task: [] as number[] };
  const off = { script: [] as number[], task: [] as number[] };
  const floorTask: number[] = [];
  const leanestTask: number[] = [];
  const plainContext = await plainBrowser.newContext({ viewport: { width: 1280, height: 900 } });
  const release = await launchWithExtension(join(ROOT, 'dist'));
  const floorDir = referenceExtension(join(ROOT, 'dist'), 'empty', EMPTY_SCRIPT);
  const leanestDir = referenceExtension(join(ROOT, 'dist'), 'leanest', LEANEST_SCRIPT);
  const floor = await launchWithExtension(floorDir);
  const leanest = await launchWithExtension(leanestDir);
  /** The page loaded once in `context`, and closed again: its metrics. */
  const loadIn = async (context: BrowserContext) => {
    const loaded = await pageMetrics(context, url);
    await loaded.page.close();
    return loaded;
  };
  try {
    for (let i = 0; i < runs; i++) {
      on.task.push((await loadIn(release.context)).taskMs);
      const withTestBuild = await pageMetrics(extension.context, url);
      // Read after the metrics (and it should long be there): it must have finished within them to count.
      const done = await waitForDone(withTestBuild.page, 10_000);
      const origin = await withTestBuild.page.evaluate(() => performance.timeOrigin);
      if (origin + done.done > withTestBuild.readAt) throw new Error('no-entity bench: the content script finished after the metrics were read');
      await withTestBuild.page.close();
      test.script.push(withTestBuild.scriptMs);
      test.task.push(withTestBuild.taskMs);
      on.busy.push(done.detail.busyMs);
      on.build.push(done.detail.matcherBuildMs);
      on.filter.push(done.detail.filterMs);
      on.evaluate.push(done.start - done.eval);
      floorTask.push((await loadIn(floor.context)).taskMs);
      leanestTask.push((await loadIn(leanest.context)).taskMs);
      const without = await loadIn(plainContext);
      off.script.push(without.scriptMs);
      off.task.push(without.taskMs);
    }
  } finally {
    await plainContext.close();
    for (const browser of [release, floor, leanest]) await browser.close();
    for (const dir of [floorDir, leanestDir]) rmSync(dir, { recursive: true, force: true });
  }
  const taskOnMs = median(on.task);
  const taskOffMs = median(off.task);
  const floorTaskMs = median(floorTask);
  // What a browser adds: the median of the differences within each round (the machine's speed drifts between rounds,
  // and a page load varies by several ms: pairing loads made close in time takes out most of both).
  const added = (task: number[]) => round(median(task.map((ms, i) => ms - off.task[i]!)));
  const gzipKB = (file: string) => round(gzipSync(readFileSync(join(ROOT, 'dist', file))).length / 1024);
  return {
    runs,
    busyMs: round(median(on.busy)),
    busyMinMs: round(Math.min(...on.busy)),
    filterMs: round(median(on.filter)),
    evalMs: round(median(on.evaluate)),
    scriptMs: round(median(test.script.map((ms, i) => ms - off.script[i]!))),
    taskMs: added(on.task),
    testBuildTaskMs: added(test.task),
    scriptOnMs: round(median(test.script)),
    scriptOffMs: round(median(off.script)),
    taskOnMs: round(taskOnMs),
    taskOffMs: round(taskOffMs),
    floorMs: added(floorTask),
    floorTaskMs: round(floorTaskMs),
    overFloorMs: round(median(on.task.map((ms, i) => ms - floorTask[i]!))),
    leanestMs: added(leanestTask),
    bootGzipKB: gzipKB('content.js'),
    scannerGzipKB: gzipKB('content-full.js'),
    matcherBuildMs: round(median(on.build)),
  };
}

/** A browser without the extension, launched like the one with it: the baseline of the no-entity figures. */
function launchPlainChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: false,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Only the no-entity page (`npm run bench -- --no-entity`): quicker to iterate on than the whole page bench. */
export async function runNoEntityBench(options: { runs?: number } = {}): Promise<NoEntityCost & { matcherBuildMs: number }> {
  const server = await startStaticServer({ '/': join(ROOT, 'bench') });
  server.setPage('/plain.html', generateArticle(2_000, false).html);
  const browser = await launchWithExtension(join(ROOT, 'dist-test'));
  const plainBrowser = await launchPlainChromium();
  try {
    return await measureNoEntity(browser, plainBrowser, server.url('/plain.html'), options.runs ?? 25);
  } finally {
    await plainBrowser.close();
    await browser.close();
    await server.close();
  }
}

async function setEnabled(browser: ExtensionBrowser, enabled: boolean): Promise<void> {
  await browser.worker.evaluate(async (on) => {
    const storage = (globalThis as unknown as { chrome: { storage: { sync: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome.storage.sync;
    const current = ((await storage.get('settings')).settings ?? {}) as Record<string, unknown>;
    await storage.set({ settings: { ...current, enabled: on } });
  }, enabled);
}

async function heapUsedMB(page: Page, browser: ExtensionBrowser): Promise<number> {
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20;
}

export async function runPageBench(options: { words?: number; markJsNames?: number; noEntityRuns?: number; log?: (line: string) => void } = {}): Promise<PageBenchResult> {
  const log = options.log ?? console.log;
  // The release build for its size; the bench build (the same plus test hooks and marks) for the timings.
  const dist = join(ROOT, 'dist');
  const benchDist = join(ROOT, 'dist-test');
  const { html, words } = generateArticle(options.words ?? 200_000);
  const server = await startStaticServer({ '/': join(ROOT, 'bench') });
  server.setPage('/big.html', html);
  server.setPage('/plain.html', generateArticle(2_000, false).html);
  const browser = await launchWithExtension(benchDist);
  try {
    // Ours: long tasks observed from the page itself.
    await browser.context.addInitScript(() => {
      const tasks: Array<{ start: number; duration: number }> = [];
      (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const page = await browser.context.newPage();
    await page.goto(server.url('/big.html'), { timeout: 120_000 });
    const run = await waitForDone(page);
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks);
    // Tasks after our start are ours or interleaved page work; the page's own parse before it is not ours.
    const longestTaskMs = Math.max(0, ...longTasks.filter((t) => t.start + t.duration > run.start).map((t) => t.duration));
    const heapOn = await heapUsedMB(page, browser);
    await setEnabled(browser, false);
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.size === 0, undefined, { timeout: 30_000 });
    const heapOff = await heapUsedMB(page, browser);
    log(`page: ours ${run.detail.busyMs.toFixed(1)} ms main thread for ${run.detail.marks} marks on ${words} words`);

    // mark.js on the same page, extension off, same names (up to markJsNames of them).
    const names = benchNames();
    const all = [...names.en, ...names.ru, ...names.ar];
    const chosen = all.slice(0, options.markJsNames ?? 300);
    const markPage = await browser.context.newPage();
    await markPage.goto(server.url('/big.html'), { timeout: 120_000 });
    await markPage.addScriptTag({ path: join(ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js') });
    // A plain-source function: tsx would add helper calls the page does not have.
    const markJs = (await markPage.evaluate(`new Promise((resolve) => {
      const start = performance.now();
      new window.Mark(document.querySelector('article')).mark(${JSON.stringify(chosen)}, {
        separateWordSearch: false, accuracy: 'exactly', diacritics: false,
        done: (count) => resolve({ ms: performance.now() - start, marks: count }),
      });
    })`)) as { ms: number; marks: number };
    await markPage.close();
    log(`page: mark.js ${markJs.ms.toFixed(0)} ms for ${markJs.marks} marks with ${chosen.length} names`);

    // A page with no entity: the whole cost of our content script there, by our account and from outside.
    await setEnabled(browser, true);
    const plainBrowser = await launchPlainChromium();
    const noEntity = await measureNoEntity(browser, plainBrowser, server.url('/plain.html'), options.noEntityRuns ?? 25).finally(() => plainBrowser.close());
    const { matcherBuildMs, ...noEntityCost } = noEntity;
    log(`page: no entity ${noEntity.taskMs} ms main thread (on - off; ${noEntity.floorMs} ms for an empty content script), ${noEntity.busyMs} ms busy`);

    const content = readFileSync(join(dist, 'content.js'));
    return {
      words,
      names: chosen.length,
      oursMs: round(run.detail.busyMs),
      marks: run.detail.marks,
      markJsMs: round(markJs.ms),
      markJsMarks: markJs.marks,
      vsMarkJs: round(markJs.ms / run.detail.busyMs),
      longestTaskMs: round(longestTaskMs),
      ourLongestSliceMs: round(run.detail.longestSliceMs),
      firstMarkMs: run.first === null ? -1 : round(run.first - run.start),
      doneWallMs: round(run.done - run.start),
      memoryAddedMB: round(heapOn - heapOff),
      contentScriptGzipKB: round(gzipSync(content).length / 1024),
      scannerScriptGzipKB: noEntity.scannerGzipKB,
      noEntityMs: noEntity.taskMs,
      matcherBuildMs,
      noEntity: noEntityCost,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
