import fc from 'fast-check';
import { editedForestArbitrary, applyEdits, modelRuns, describeForest } from '../tests/support/dom-trees.ts';
import { tail } from '../tests/support/dom-tree-checks.ts';
import { bundledPack } from '../src/core/bundled-pack.ts';
import { buildLexicon } from '../src/core/lexicon.ts';
import { compileMatcher } from '../src/core/matcher.ts';
const m = compileMatcher(buildLexicon(bundledPack).lexicon);
const [{ forest, edits }] = fc.sample(editedForestArbitrary(), { seed: 20261129, numRuns: 1 });
console.log(JSON.stringify(edits, null, 1).slice(0, 3000));
const edited = applyEdits(forest, edits);
for (const run of modelRuns({ nodes: [...edited.nodes, ...tail(1)] })) {
  if (run.text.includes('Кочарян')) {
    console.log(JSON.stringify(run.text));
    console.log(m.scanBlock(run.text).candidates.map((c) => [c.text, c.senses.map((s) => s.entity + (s.ambiguous ? '?' : ''))]));
  }
}
import { predicted } from '../tests/support/dom-tree-checks.ts';
console.log('before', predicted(forest, tail(1)).map((x) => x.entity).join(' '));
console.log('after ', predicted(edited, tail(1)).map((x) => x.entity).join(' '));
