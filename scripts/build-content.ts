// Bundle the content script into one self-contained classic script and declare it in the built manifest.
// Usage: tsx scripts/build-content.ts dist|dist-firefox
import { build, type Plugin } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const outDir = join(root, process.argv[2] ?? 'dist');
const testBuild = process.env.CSTO_LENS_TEST_BUILD === '1';

// The content script carries names for matching only: card texts (summaries, backgrounds, roles, sources) stay in
// the background, which builds card models on request. Whatever imports the pack here gets the stripped copy.
const namesOnlyPack: Plugin = {
  name: 'names-only-pack',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]generated[\\/]entities\.json$/ }, (args) => {
      const pack = JSON.parse(readFileSync(args.path, 'utf8')) as { entities: Array<Record<string, unknown>> };
      const entities = pack.entities.map(({ id, type, category, names }) => ({ id, type, category, names }));
      return { contents: JSON.stringify({ ...pack, entities }), loader: 'json' };
    });
  },
};

// The content script's lexicon is built here, ahead of time: the page gets plain JSON instead of the pack plus the
// work of generating every form (src/content/shipped-lexicon.ts is the node-side twin of this module).
const { bundledPack } = await import('../src/core/bundled-pack.ts');
const { buildLexicon } = await import('../src/core/lexicon.ts');
const { compileMatcher } = await import('../src/core/matcher.ts');
// The matcher's automaton is compiled here too: the page decodes it instead of laying out the double array (40–100 ms
// on every page). It is all numbers, given to JSON.parse, which reads them faster than a JS array literal.
const prebuiltLexicon: Plugin = {
  name: 'prebuilt-lexicon',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]src[\\/]content[\\/]shipped-lexicon\.ts$/ }, () => {
      const lexicon = buildLexicon(bundledPack).lexicon;
      const automaton = compileMatcher(lexicon).automaton();
      return {
        contents: [
          `export const shippedLexicon = ${JSON.stringify(lexicon)};`,
          // Parsed on first use, like the matcher: a page where the extension is off does not pay for it.
          `const automaton = ${JSON.stringify(JSON.stringify(automaton))};`,
          'export function shippedAutomaton() { return JSON.parse(automaton); }',
        ].join('\n'),
        loader: 'js',
      };
    });
  },
};

const result = await build({
  entryPoints: [join(root, 'src/content/index.ts')],
  outfile: join(outDir, 'content.js'),
  bundle: true,
  format: 'iife',
  target: ['chrome120', 'firefox142'],
  minify: process.env.CSTO_LENS_NO_MINIFY !== "1",
  legalComments: 'none',
  // Names in Arabic and Cyrillic stay as UTF-8 rather than six-byte \u escapes.
  charset: 'utf8',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  define: { __TEST_BUILD__: JSON.stringify(testBuild) },
  logLevel: 'warning',
  plugins: [prebuiltLexicon, namesOnlyPack],
  metafile: process.env.CSTO_LENS_METAFILE === "1",
  // Test builds stamp the very start of the bundle, so the bench can time evaluating it (release builds: no trace).
  ...(testBuild ? { banner: { js: 'performance.mark("csto-lens-eval");' } } : {}),
});

if (result.metafile) writeFileSync(join(outDir, 'content.meta.json'), JSON.stringify(result.metafile));

const source = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
const manifestPath = join(outDir, 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
manifest.content_scripts = source.content_scripts.map((entry: { js: string[] }) => ({ ...entry, js: ['content.js'] }));
writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`content: wrote ${process.argv[2] ?? 'dist'}/content.js`);
