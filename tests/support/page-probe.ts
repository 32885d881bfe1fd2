// What the hostile-page suites (Chromium and Firefox) observe from inside a page.
import type { MentionsResponse } from '../../src/shared/messages.ts';

/** Either driver's page: playwright's and puppeteer's both evaluate a plain function in the page. */
interface Evaluating {
  evaluate<T>(fn: () => T): Promise<T>;
}

/** The entities of a mentions answer, in document order. */
export const entitiesOf = (answer: MentionsResponse | null): string[] => answer?.mentions.map((m) => m.entity) ?? [];

/** Boxes of the page's key elements ([data-key]), to compare with the extension on and off. */
export function layoutBoxes(page: Evaluating): Promise<Record<string, number[]>> {
  return page.evaluate(() => {
    const boxes: Record<string, number[]> = {};
    for (const element of document.querySelectorAll('[data-key]')) {
      const r = element.getBoundingClientRect();
      boxes[element.getAttribute('data-key')!] = [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 10) / 10);
    }
    return boxes;
  });
}

/**
 * Installed before any page script (playwright addInitScript, puppeteer evaluateOnNewDocument): kept
 * away from the page's own globals. It writes arrays by index and keeps the real CSS namespace, so a page that
 * overrides Array.prototype.push or window.CSS does not blind it.
 */
export function installPageProbe(): void {
  if (window !== window.top) return;
  const realCSS = window.CSS as unknown as { highlights: Map<string, Set<AbstractRange>> };
  const probe = {
    longTasks: [] as Array<{ start: number; duration: number }>,
    before: null as string | null,
    /** Number of ranges in every CSS highlight (the registry is shared with the content script). */
    highlights(): number {
      let total = 0;
      realCSS.highlights.forEach((highlight) => (total += highlight.size));
      return total;
    },
    /** The text under each highlighted range, in document order, and how many ranges lie in detached nodes. */
    highlighted(): { texts: string[]; stale: number } {
      const ranges: AbstractRange[] = [];
      realCSS.highlights.forEach((highlight) => highlight.forEach((range) => (ranges[ranges.length] = range)));
      let stale = 0;
      const live: Range[] = [];
      for (const r of ranges) {
        if (!r.startContainer.isConnected || !r.endContainer.isConnected) {
          stale++;
          continue;
        }
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        live[live.length] = range;
      }
      live.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const texts: string[] = [];
      for (const range of live) texts[texts.length] = range.toString();
      return { texts, stale };
    },
    /** Anything of ours in the DOM: wrapper marks, the card host, UI hosts. */
    ownElements(): number {
      return document.querySelectorAll('csto-lens-mark, csto-lens-card, [data-csto-lens-ui]').length;
    },
  };
  Object.defineProperty(window, '__probe', { value: probe });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks[probe.longTasks.length] = { start: entry.startTime, duration: entry.duration };
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this engine.
  }
  document.addEventListener('DOMContentLoaded', () => (probe.before = document.documentElement.outerHTML));
}

export interface PageProbe {
  longTasks: Array<{ start: number; duration: number }>;
  before: string | null;
  highlights(): number;
  highlighted(): { texts: string[]; stale: number };
  ownElements(): number;
}
