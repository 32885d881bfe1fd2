// Bundle the content scripts, each into one self-contained classic script, and declare the first in the built manifest:
// content.js (src/content/boot.ts), the small script every page gets, and content-full.js (src/content/index.ts), the
// scanner the background injects once a page may name an entity (src/background/load-scanner.ts).
// Usage: tsx scripts/build-content.ts dist|dist-firefox
import { build, type Plugin } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nameFilterModule, SHIPPED_NAME_FILTER, singleQuoted } from './lib/shipped-modules.ts';

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
// on every page). Lexicon and automaton ship as JSON text (a string literal costs the page nothing to evaluate; an
// object literal of that size costs milliseconds) and are parsed on first use, which on a page where the name filter
// finds no possible name never comes. The name filter's hashes too (native JSON.parse beats any decoding loop).

const prebuiltLexicon: Plugin = {
  name: 'prebuilt-lexicon',
  setup(pluginBuild) {
    const lexicon = buildLexicon(bundledPack).lexicon;
    pluginBuild.onLoad({ filter: /[\\/]src[\\/]content[\\/]shipped-lexicon\.ts$/ }, () => {
      const automaton = compileMatcher(lexicon).automaton();
      return {
        contents: [
          `const lexiconText = ${singleQuoted(JSON.stringify(lexicon))};`,
          `const automatonText = ${singleQuoted(JSON.stringify(automaton))};`,
          'let lexicon = null;',
          'export function shippedLexicon() { return (lexicon ??= JSON.parse(lexiconText)); }',
          'export function shippedAutomaton() { return JSON.parse(automatonText); }',
        ].join('\n'),
        loader: 'js',
      };
    });
    // The scanner's name filter (the same module the background gets from vite.config.ts).
    pluginBuild.onLoad({ filter: SHIPPED_NAME_FILTER }, () => ({ contents: nameFilterModule(lexicon), loader: 'js' }));
  },
};

// esbuild's CommonJS interop copies every property of the polyfill's export onto a new object, and in Chromium that
// export is the browser's own `browser` object: each API it touches is set up (about 3 ms on every page). Read as an
// ES module with a default export, the object is used as it is. Where the browser has its own promise-based `browser`
// (Firefox; Chromium since it added the namespace) the polyfill exports exactly that object, so its body (1,200 lines
// that V8 compiles when called: about 2 ms of every page) only runs where it is needed.
const polyfillAsModule: Plugin = {
  name: 'polyfill-as-module',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill\.js$/ }, (args) => ({
      contents: [
        'function polyfill() {',
        'const module = { exports: {} };',
        'const exports = module.exports;',
        readFileSync(args.path, 'utf8').replace(/\/\/# sourceMappingURL=.*$/m, ''),
        'return module.exports;',
        '}',
        // Pure: a bundle that never uses the default export (the boot script, which calls the runtime itself: see
        // src/content/boot-runtime.ts) drops the whole module.
        "export default /* @__PURE__ */ (() => (globalThis.browser?.runtime?.id ? globalThis.browser : polyfill()))();",
      ].join('\n'),
      loader: 'js',
    }));
  },
};

async function bundle(entry: string, outfile: string, banner: string | null): Promise<void> {
  const result = await build({
    entryPoints: [join(root, entry)],
    outfile: join(outDir, outfile),
    bundle: true,
    format: 'iife',
    target: ['chrome120', 'firefox142'],
    minify: process.env.CSTO_LENS_NO_MINIFY !== '1',
    legalComments: 'none',
    // Names in Arabic and Cyrillic stay as UTF-8 rather than six-byte \u escapes.
    charset: 'utf8',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { __TEST_BUILD__: JSON.stringify(testBuild) },
    logLevel: 'warning',
    plugins: [prebuiltLexicon, namesOnlyPack, polyfillAsModule],
    metafile: process.env.CSTO_LENS_METAFILE === '1',
    ...(banner ? { banner: { js: banner } } : {}),
  });
  if (result.metafile) writeFileSync(join(outDir, outfile.replace(/\.js$/, '.meta.json')), JSON.stringify(result.metafile));
}

// Test builds stamp the very start of the boot script, so the bench can time evaluating it (release builds: no trace).
await bundle('src/content/boot.ts', 'content.js', testBuild ? 'performance.mark("csto-lens-eval");' : null);
await bundle('src/content/index.ts', 'content-full.js', null);

const source = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
const manifestPath = join(outDir, 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
manifest.content_scripts = source.content_scripts.map((entry: { js: string[] }) => ({ ...entry, js: ['content.js'] }));
writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`content: wrote ${process.argv[2] ?? 'dist'}/content.js and content-full.js`);
