import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import chromeManifest from './manifest.json' with { type: 'json' };
import { nameFilterModule, SHIPPED_NAME_FILTER } from './scripts/lib/shipped-modules.ts';

export const FIREFOX_ID = 'csto-lens@csto-lens.example';

// The content script is bundled apart by scripts/build-content.ts into one self-contained file: crxjs would load
// it through dynamic imports of web-accessible chunks, which lets any page detect the extension.
const { content_scripts: _contentScripts, ...extensionManifest } = chromeManifest;

/** Firefox takes MV3 with background scripts (no service worker) and needs its gecko settings. */
function firefoxManifest(): ManifestV3Export {
  const { background, ...rest } = extensionManifest;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: FIREFOX_ID,
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  } as unknown as ManifestV3Export;
}

/**
 * The name filter's patterns built here, at build time, as content-full.js gets them from scripts/build-content.ts:
 * the background answers the content script's text checks and must not build the lexicon (150 ms) each time the
 * service worker starts.
 */
function prebuiltNameFilter(): Plugin {
  return {
    name: 'prebuilt-name-filter',
    async load(id) {
      if (!SHIPPED_NAME_FILTER.test(id)) return null;
      const { bundledPack } = await import('./src/core/bundled-pack.ts');
      const { buildLexicon } = await import('./src/core/lexicon.ts');
      return nameFilterModule(buildLexicon(bundledPack).lexicon);
    },
  };
}

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  return {
    plugins: [
      prebuiltNameFilter(),
      preact(),
      crx({ manifest: firefox ? firefoxManifest() : (extensionManifest as ManifestV3Export), browser: firefox ? 'firefox' : 'chrome' }),
    ],
    define: {
      __TEST_BUILD__: JSON.stringify(process.env.CSTO_LENS_TEST_BUILD === '1'),
    },
    build: {
      outDir: process.env.CSTO_LENS_OUT_DIR ?? (firefox ? 'dist-firefox' : 'dist'),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      minify: true,
      modulePreload: false,
    },
  };
});
