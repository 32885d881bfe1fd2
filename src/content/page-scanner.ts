// The engine: reads the page's text runs (viewport first), asks the matcher for candidates per run, resolves them
// for the whole document, and keeps the painter and the hit index in step. All heavy work runs in scheduler slices.
import type { Category, Lang } from '../core/pack.ts';
import { changedBlocks, lightAnchor } from './changed-blocks.ts';
import { blockOf, findTextRoot, isInline, isInsideSkipped, rangeOf, walkRuns, type TextRun } from './collect.ts';
import { textSample } from './page-info.ts';
import { createHitIndex, markAtPoint } from './hit-index.ts';
import { compareRanges, type Mark, type Painter } from './mark-types.ts';
import type { Candidate, PageMatcher } from './matching.ts';
import { AFTER_PAINT, type Job, type Scheduler } from './scheduler.ts';

export interface ScannedRun extends TextRun {
  candidates: Candidate[];
  /** marks[i] is the mark shown for candidates[i], if any. */
  marks: Array<Mark | undefined>;
}

export interface MarkOptions {
  categories: Record<Category, boolean>;
  firstMentionOnly: boolean;
}

export interface ScannerEvents {
  /** Marks were added or removed (called once per finished piece of work). */
  onMarksChanged(): void;
  /** An open shadow root was read (its later changes are not seen by an observer of the document). */
  onShadowRoot?(root: ShadowRoot): void;
}

let nextMarkId = 1;

/** The parent element, or the host when `element` is at the top of a shadow tree. */
function parentAcrossShadow(element: Element): Element | null {
  const parent = element.parentNode;
  return parent instanceof ShadowRoot ? parent.host : element.parentElement;
}

/**
 * The blocks on screen, to read first: a few points sampled over the viewport find some; their siblings that still
 * intersect the viewport fill the gaps between the samples (short paragraphs, margins).
 */
function viewportBlocks(doc: Document, root: Element): Element[] {
  const view = doc.defaultView;
  if (!view) return [];
  const width = view.innerWidth;
  const height = view.innerHeight;
  const found = new Set<Element>();
  const usable = (block: Element | null): block is Element =>
    block !== null && block !== root && root.contains(block) && !isInline(block) && !isInsideSkipped(block, root);
  const ROWS = 8;
  const sampled: Element[] = [];
  for (let row = 0; row < ROWS; row++) {
    for (const column of [0.25, 0.5, 0.75]) {
      const hit = doc.elementFromPoint(width * column, (height * (row + 0.5)) / ROWS);
      if (!hit || hit === root || !root.contains(hit)) continue;
      const block = blockOf(hit);
      if (usable(block) && !found.has(block)) {
        found.add(block);
        sampled.push(block);
      }
    }
  }
  const LIMIT = 300;
  for (const block of sampled) {
    for (const step of ['previousElementSibling', 'nextElementSibling'] as const) {
      for (let sibling = block[step]; sibling && found.size < LIMIT; sibling = sibling[step]) {
        const rect = sibling.getBoundingClientRect();
        if (rect.bottom < 0 || rect.top > height) break;
        if (usable(sibling)) found.add(sibling);
      }
    }
  }
  // Keep only the outermost, so no run is read twice.
  return [...found].filter((block) => {
    for (let parent = block.parentElement; parent && parent !== root; parent = parent.parentElement) if (found.has(parent)) return false;
    return true;
  });
}

export function createPageScanner(doc: Document, matcher: PageMatcher, scheduler: Scheduler, painter: Painter, events: ScannerEvents) {
  const index = createHitIndex();
  const liveMarks = new Set<Mark>();
  let root: Element | null = null;
  let lang: Lang | null = null;
  let runs: ScannedRun[] = [];
  /** Runs read but not yet placed in `runs` (the viewport ones, during the first pass). */
  let unplaced: ScannedRun[] = [];
  let options: MarkOptions | null = null;
  let job: Job | null = null;
  const queue: Array<() => Generator<unknown>> = [];
  let changed = false;
  let firstMarkSeen = false;
  let passComplete = false;

  const categoryOn = (entity: string) => {
    const category = matcher.categoryOf(entity);
    return category === undefined || options?.categories[category] !== false;
  };

  function addMark(run: ScannedRun, i: number, entity = run.candidates[i]!.entity): void {
    const candidate = run.candidates[i]!;
    const range = rangeOf(run, candidate.start, candidate.end);
    const mark: Mark = {
      id: nextMarkId++,
      entity,
      category: matcher.categoryOf(entity),
      text: run.text.slice(candidate.start, candidate.end),
      run,
      start: candidate.start,
      end: candidate.end,
      range,
    };
    run.marks[i] = mark;
    if (painter.kind === 'highlight') index.add(mark);
    painter.add(mark);
    liveMarks.add(mark);
    changed = true;
    if (!firstMarkSeen) {
      firstMarkSeen = true;
      if (__TEST_BUILD__) performance.mark('csto-lens-first-mark');
    }
  }

  function removeMark(run: ScannedRun, i: number): void {
    const mark = run.marks[i];
    if (!mark) return;
    run.marks[i] = undefined;
    if (painter.kind === 'highlight') index.remove(mark);
    painter.remove(mark);
    liveMarks.delete(mark);
    changed = true;
  }

  function scanRun(run: TextRun): ScannedRun {
    const scanned = run as ScannedRun;
    scanned.candidates = matcher.scanBlock(run.text, lang);
    scanned.marks = [];
    // Show what cannot change at resolve time right away, so the reader sees marks before the page is done.
    if (painter.kind === 'highlight' && options && !options.firstMentionOnly) {
      scanned.candidates.forEach((candidate, i) => {
        if (!candidate.ambiguous && categoryOn(candidate.entity)) addMark(scanned, i);
      });
    }
    return scanned;
  }

  function* reconcile(): Generator<unknown> {
    if (!options) return;
    // Nothing found and nothing shown (a page that names no one): nothing to decide.
    if (liveMarks.size === 0 && runs.every((run) => run.candidates.length === 0)) return;
    const keep = matcher.resolve(
      runs.map((run) => run.candidates),
      { firstMentionOnly: options.firstMentionOnly },
    );
    if (painter.kind === 'wrapper') {
      // Wrapping splits Text nodes: undo everything, then wrap from the end of each run so earlier offsets hold.
      for (const run of runs) run.marks = [];
      liveMarks.clear();
      painter.clear();
      for (let r = runs.length - 1; r >= 0; r--) {
        const run = runs[r]!;
        for (let i = run.candidates.length - 1; i >= 0; i--) {
          const entity = keep[r]![i];
          if (entity && categoryOn(entity)) addMark(run, i, entity);
        }
        yield;
      }
      changed = true;
      return;
    }
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r]!;
      const wanted = keep[r]!;
      for (let i = 0; i < run.candidates.length; i++) {
        const entity = wanted[i] ?? null;
        const want = entity !== null && categoryOn(entity);
        const shown = run.marks[i];
        if (shown && (!want || shown.entity !== entity)) removeMark(run, i);
        if (want && !run.marks[i]) addMark(run, i, entity);
      }
      yield;
    }
  }

  function* fullPass(): Generator<unknown> {
    // The matcher is not loaded here: it loads in the step of the first block that may name someone (a page that names
    // no one never loads it). The viewport sampling gets a step of its own, so no slice adds up costly preparations.
    root = findTextRoot(doc);
    if (!root) return;
    const textRoot = root;
    const ordered: ScannedRun[] = [];
    const early = new Map<Element, ScannedRun[]>();
    // A short page is read whole in a few milliseconds: sampling the viewport first would only add to its cost.
    const shortPage = textRoot.getElementsByTagName('*').length < 400;
    // The first hit test of the viewport sampling may have to wait for the page's own layout.
    const onScreen = shortPage ? [] : viewportBlocks(doc, textRoot);
    yield;
    for (const block of onScreen) {
      const list: ScannedRun[] = [];
      for (const run of walkRuns(block, undefined, events.onShadowRoot)) {
        list.push(scanRun(run));
        unplaced.push(list[list.length - 1]!);
        yield;
      }
      early.set(block, list);
    }
    if (changed) notify();
    // Let the viewport's marks paint before the rest of the page is read.
    if (onScreen.length > 0) yield AFTER_PAINT;
    for (const run of walkRuns(textRoot, (element) => {
      const list = early.get(element);
      if (!list) return false;
      ordered.push(...list);
      early.delete(element);
      return true;
    }, events.onShadowRoot)) {
      ordered.push(scanRun(run));
      yield;
    }
    for (const list of early.values()) ordered.push(...list);
    runs = ordered;
    unplaced = [];
    passComplete = true;
    yield* reconcile();
    // For the bench; the page can read marks, so release builds set none.
    if (__TEST_BUILD__) performance.mark('csto-lens-done', { detail: { ...scheduler.stats, marks: liveMarks.size } });
  }

  function notify(): void {
    if (!changed) return;
    changed = false;
    events.onMarksChanged();
  }

  function pump(): void {
    if (job || queue.length === 0) return;
    const next = queue.shift()!;
    job = scheduler.run(next());
    void job.done.then(() => {
      job = null;
      notify();
      pump();
    });
  }

  function enqueue(work: () => Generator<unknown>): void {
    queue.push(work);
    pump();
  }

  function clearAll(): void {
    job?.cancel();
    job = null;
    queue.length = 0;
    painter.clear();
    index.clear();
    liveMarks.clear();
    runs = [];
    unplaced = [];
    passComplete = false;
    changed = true;
    notify();
  }

  /** Re-read the parts of the page that changed. */
  function* applyChanges(dirty: Element[], removed: boolean): Generator<unknown> {
    if (!root) return;
    const textRoot = root;
    const dirtySet = new Set(dirty);
    const affected = (run: ScannedRun) => {
      // Up through shadow roots too: re-reading a block re-reads the shadow trees inside it, so their runs go as well.
      for (let element: Element | null = run.block; element; element = parentAcrossShadow(element)) {
        if (dirtySet.has(element)) return true;
        if (element === textRoot) break;
      }
      return removed && (!run.nodes[0]!.isConnected || !run.nodes[run.nodes.length - 1]!.isConnected);
    };
    const kept: ScannedRun[] = [];
    for (const run of runs) {
      if (affected(run)) {
        for (let i = 0; i < run.marks.length; i++) removeMark(run, i);
      } else {
        kept.push(run);
      }
    }
    runs = kept;
    yield;
    for (const element of dirty) {
      if (!element.isConnected) continue;
      const fresh: ScannedRun[] = [];
      for (const run of walkRuns(element, undefined, events.onShadowRoot)) {
        fresh.push(scanRun(run));
        yield;
      }
      if (fresh.length > 0) insertInOrder(fresh);
    }
    yield* reconcile();
  }

  /** Insert runs (in document order among themselves) at their place in `runs`. */
  function insertInOrder(fresh: ScannedRun[]): void {
    // Compared by their place in the document: a node in a shadow tree is placed by its host (compareDocumentPosition
    // calls nodes of different trees disconnected, which would make the search wander).
    const first = lightAnchor(fresh[0]!.nodes[0]!);
    let low = 0;
    let high = runs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const other = lightAnchor(runs[mid]!.nodes[0]!);
      if (other.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING) low = mid + 1;
      else high = mid;
    }
    runs.splice(low, 0, ...fresh);
  }

  /** The blocks to re-read for a batch of mutation records; null when the whole page must be read again. */
  function dirtyBlocks(records: MutationRecord[]): { dirty: Element[]; removed: boolean } | null {
    if (!root || !root.isConnected) return null;
    return changedBlocks(records, root);
  }

  return {
    /** Read and mark the whole page (again). */
    start(markOptions: MarkOptions): void {
      clearAll();
      options = markOptions;
      firstMarkSeen = false;
      enqueue(fullPass);
    },
    stop(): void {
      options = null;
      clearAll();
    },
    /** The page changed: re-read what changed (or everything, when the text root went away). */
    pageChanged(records: MutationRecord[]): void {
      if (!options) return;
      const plan = painter.kind === 'wrapper' ? null : dirtyBlocks(records);
      if (!plan) {
        this.start(options);
        return;
      }
      if (plan.dirty.length === 0 && !plan.removed) return;
      enqueue(() => applyChanges(plan.dirty, plan.removed));
    },
    setOptions(markOptions: MarkOptions): void {
      options = markOptions;
      enqueue(reconcile);
    },
    setLang(value: Lang | null): void {
      lang = value;
    },
    get root(): Element | null {
      return root;
    },
    get busy(): boolean {
      return job !== null || queue.length > 0;
    },
    /** Every mark shown, in document order. */
    marks(): Mark[] {
      if (passComplete && unplaced.length === 0) {
        const ordered: Mark[] = [];
        for (const run of runs) for (const mark of run.marks) if (mark) ordered.push(mark);
        return ordered;
      }
      return [...liveMarks].sort((a, b) => compareRanges(a.range, b.range));
    },
    markAt(x: number, y: number): Mark | null {
      return markAtPoint(doc, index, x, y, painter.markOfElement?.bind(painter));
    },
    /** A sample of the page text for language detection. */
    textSample(): string {
      return root ? textSample(root) : '';
    },
  };
}

export type PageScanner = ReturnType<typeof createPageScanner>;
