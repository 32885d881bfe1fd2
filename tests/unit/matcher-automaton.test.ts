// The automaton built ahead of time (what the content script ships) must give a matcher identical to a compiled one.
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPack } from '../../src/core/bundled-pack.ts';
import { htmlToText } from '../../src/core/html-text.ts';
import { buildLexicon } from '../../src/core/lexicon.ts';
import { compileMatcher, loadMatcher, type Automaton } from '../../src/core/matcher.ts';
import { testPack } from './fixtures/test-pack.ts';

const root = join(import.meta.dirname, '../..');
const { lexicon } = buildLexicon(bundledPack);
const compiled = compileMatcher(lexicon);
// Through JSON, as the build ships it.
const shipped = JSON.parse(JSON.stringify(compiled.automaton())) as Automaton;
const loaded = loadMatcher(lexicon, shipped);

const demoPages = readdirSync(join(root, 'demo')).filter((name) => /^article-.*\.html$/.test(name));

/** Every block's candidates and the document's mentions, with both first-mention settings. */
function everything(matcher: ReturnType<typeof compileMatcher>, blocks: string[]) {
  const scans = blocks.map((block) => matcher.scanBlock(block));
  const candidates = scans.map((scan) => scan.candidates);
  return {
    scans,
    all: matcher.resolveDocument(candidates),
    first: matcher.resolveDocument(candidates, { firstMentionOnly: true }),
  };
}

describe('the automaton built ahead of time', () => {
  it('is plain JSON of numbers and has the compiled trie size', () => {
    expect(loaded.states).toBe(compiled.states);
    expect(JSON.stringify(shipped)).toMatch(/^[{}[\]",:\w-]*$/);
    expect(loaded.automaton()).toEqual(shipped);
  });

  it.each(demoPages)('finds exactly the same mentions as a compiled matcher in demo/%s', (name) => {
    const page = htmlToText(readFileSync(join(root, 'demo', name), 'utf8'));
    const blocks = page.blocks.map((b) => page.text.slice(b.start, b.end));
    const expected = everything(compiled, blocks);
    expect(expected.all.length).toBeGreaterThan(0); // the comparison means something
    expect(everything(loaded, blocks)).toEqual(expected);
  });

  it('finds exactly the same mentions as a compiled matcher in random text', () => {
    const names = bundledPack.entities.flatMap((e) => [...e.names.en.aliases, ...e.names.ru.aliases, ...e.names.ar.aliases].map((a) => a.text));
    const filler = [' ', '\n', '. ', ', ', 'و', 'ب', 'ل', 'ال', 'the ', 'и ', '-', '@', '.org', '\u064E', '\u0640', '\u200F', '\u0301', 'ﬁ', '😀', 'ё', 'x'];
    const text = fc.oneof(
      fc.array(fc.oneof(fc.constantFrom(...names), fc.constantFrom(...filler)), { maxLength: 30 }).map((parts) => parts.join('')),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (blocks) => {
        expect(everything(loaded, blocks)).toEqual(everything(compiled, blocks));
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips a small lexicon too', () => {
    const small = buildLexicon(testPack).lexicon;
    const fresh = compileMatcher(small);
    const again = loadMatcher(small, JSON.parse(JSON.stringify(fresh.automaton())) as Automaton);
    const text = 'Путина, وروسيا, CSTO’s and Georgia with Armenia, للناتو';
    expect(again.scanText(text)).toEqual(fresh.scanText(text));
    expect(again.scanText(text).mentions.length).toBeGreaterThan(0);
  });
});

describe('loading guards', () => {
  it('refuses an automaton built from another lexicon', () => {
    const small = buildLexicon(testPack).lexicon;
    expect(() => loadMatcher(small, shipped)).toThrow(/another lexicon/);
  });
});
