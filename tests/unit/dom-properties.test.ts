// Property tests over generated DOM trees, the pure half: the runs the collector reads from a tree (modelled in
// tests/support/dom-trees.ts), the offset mapping of a run back to its Text nodes (collect.ts pointAt/segmentsOf),
// and the core matcher on those runs. The browser half (tests/browser/dom-properties.test.ts) checks the same trees
// in Chromium with the built extension.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledPack } from '../../src/core/bundled-pack.ts';
import { buildLexicon } from '../../src/core/lexicon.ts';
import { compileMatcher } from '../../src/core/matcher.ts';
import { fold } from '../../src/core/normalize.ts';
import { pointAt, segmentsOf, type TextRun } from '../../src/content/collect.ts';
import { describeText, forestArbitrary, modelRuns, textData } from '../support/dom-trees.ts';

const { lexicon } = buildLexicon(bundledPack);
const matcher = compileMatcher(lexicon);
const keyIndex = new Map(lexicon.keys.map((key, k) => [key, k]));
const SEED = 20261129;

/** The lexicon key a mention's text folds to (as buildLexicon folds aliases: single spaces, trimmed). */
const keyOf = (text: string) => fold(text).text.replace(/ +/g, ' ').trim();

/** A run of fake Text nodes: pointAt and segmentsOf read only `data`, so no DOM is needed. */
function runOf(datas: string[]): TextRun {
  const nodes = datas.map((data) => ({ data }) as unknown as Text);
  const starts: number[] = [];
  let text = '';
  for (const data of datas) {
    starts.push(text.length);
    text += data;
  }
  return { block: null as unknown as Element, text, nodes, starts };
}

describe('a run maps its offsets back to its Text nodes (collect.ts)', () => {
  const runAndRange = fc
    .array(textData.filter((data) => data.length > 0), { minLength: 1, maxLength: 6 })
    .chain((datas) => {
      const length = datas.join('').length;
      return fc.tuple(fc.constant(datas), fc.integer({ min: 0, max: length }), fc.integer({ min: 0, max: length }));
    })
    .map(([datas, a, b]) => ({ datas, start: Math.min(a, b), end: Math.max(a, b) }));

  it('the segments of [start, end) are that slice of the run, node by node, in order', () => {
    fc.assert(
      fc.property(runAndRange, ({ datas, start, end }) => {
        const run = runOf(datas);
        const segments = segmentsOf(run, start, end);
        expect(segments.map((s) => s.node.data.slice(s.start, s.end)).join('')).toBe(run.text.slice(start, end));
        const order = segments.map((s) => run.nodes.indexOf(s.node));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        for (const s of segments) expect(s.end).toBeGreaterThan(s.start);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('pointAt lands on the same offset; a start at a node boundary belongs to the next node, an end to the previous', () => {
    fc.assert(
      fc.property(runAndRange, ({ datas, start, end }) => {
        const run = runOf(datas);
        for (const [offset, preferEnd] of [[start, false], [end, true]] as const) {
          const point = pointAt(run, offset, preferEnd);
          const index = run.nodes.indexOf(point.node);
          expect(run.starts[index]! + point.offset).toBe(offset);
          expect(point.offset).toBeGreaterThanOrEqual(0);
          expect(point.offset).toBeLessThanOrEqual(point.node.data.length);
          if (!preferEnd && offset < run.text.length) expect(point.offset).toBeLessThan(point.node.data.length);
          if (preferEnd && offset > 0) expect(point.offset).toBeGreaterThan(0);
        }
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

describe('the core on the runs of generated trees (matcher.ts scanBlock, resolveDocument)', () => {
  it('never throws; candidates and mentions are slices of their run, in order, without overlaps, and fold to a key of their entity', () => {
    fc.assert(
      fc.property(forestArbitrary(), (forest) => {
        const runs = modelRuns(forest);
        const scans = runs.map((run) => matcher.scanBlock(run.text));
        scans.forEach((scan, b) => {
          let taken = 0;
          for (const c of scan.candidates) {
            expect(c.start).toBeGreaterThanOrEqual(taken);
            expect(c.end).toBeGreaterThan(c.start);
            expect(runs[b]!.text.slice(c.start, c.end)).toBe(c.text);
            taken = c.end;
          }
        });
        for (const firstMentionOnly of [false, true]) {
          const mentions = matcher.resolveDocument(scans.map((scan) => scan.candidates), { firstMentionOnly });
          let lastBlock = -1;
          let lastEnd = 0;
          for (const m of mentions) {
            expect(runs[m.block]!.text.slice(m.start, m.end), `mention in run ${m.block}`).toBe(m.text);
            // Document order: block by block, and within a block after the mention before.
            expect(m.block > lastBlock || (m.block === lastBlock && m.start >= lastEnd)).toBe(true);
            lastBlock = m.block;
            lastEnd = m.end;
            const key = keyOf(m.text);
            const k = keyIndex.get(key);
            expect(k, `"${describeText(m.text)}" folds to "${describeText(key)}", not a key`).toBeDefined();
            const entities = lexicon.senses[k!]!.filter((_, i) => i % 2 === 0).map((e) => lexicon.ids[e]);
            expect(entities, `key "${key}"`).toContain(m.entity);
          }
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('a generated tree has names in it: the property above is not vacuous', () => {
    const samples = fc.sample(forestArbitrary(), { seed: SEED, numRuns: 100 });
    const withMentions = samples.filter((forest) => modelRuns(forest).some((run) => matcher.scanText(run.text).mentions.length > 0));
    expect(withMentions.length).toBeGreaterThan(50);
  });
});
