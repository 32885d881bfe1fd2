// The store packages: scripts/lib/package-check.ts on made-up packages (each rule can fail), on the store listing in
// store/, and on what `npm run package` wrote to artifacts/ and the test build, when they are there.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionProblems, listingProblems, pngSize, readZip, zipProblems, type Files } from '../../scripts/lib/package-check.ts';
import { ARTIFACTS, ROOT } from '../support/paths.ts';

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const bytes = (value: string) => new TextEncoder().encode(value);

function filesOf(dir: string): Files {
  const out: Files = {};
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path).split('\\').join('/')] = readFileSync(path);
    }
  };
  walk(dir);
  return out;
}

function madeUp(browser: 'chrome' | 'firefox', change: (manifest: Record<string, unknown>, files: Files) => void = () => undefined): Files {
  const manifest: Record<string, unknown> = {
    manifest_version: 3,
    version,
    default_locale: 'en',
    icons: { 16: 'icons/icon-16.png' },
    action: { default_popup: 'src/popup/index.html' },
    background: browser === 'chrome' ? { service_worker: 'sw.js' } : { scripts: ['sw.js'] },
    content_scripts: [{ matches: ['https://*/*'], js: ['content.js'] }],
    permissions: ['storage'],
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'x@y', data_collection_permissions: { required: ['none'] } } } } : {}),
  };
  const files: Files = {
    'icons/icon-16.png': bytes('png'),
    'src/popup/index.html': bytes('<!doctype html>'),
    'sw.js': bytes('console.log(1)'),
    'content.js': bytes('(()=>{})()'),
    '_locales/en/messages.json': bytes('{}'),
  };
  change(manifest, files);
  files['manifest.json'] = bytes(JSON.stringify(manifest));
  return files;
}

describe('package checks, on made-up packages', () => {
  it('a sound package passes, for each store', () => {
    expect(extensionProblems(madeUp('chrome'), 'chrome', version)).toEqual([]);
    expect(extensionProblems(madeUp('firefox'), 'firefox', version)).toEqual([]);
  });

  it.each([
    ['a source map', (_m: Record<string, unknown>, f: Files) => void (f['content.js.map'] = bytes('{}')), /source map/],
    ['a sourceMappingURL', (_m: Record<string, unknown>, f: Files) => void (f['content.js'] = bytes('x\n//# sourceMappingURL=content.js.map')), /source map/],
    ['test hooks', (_m: Record<string, unknown>, f: Files) => void (f['content.js'] = bytes('postMessage({source:"csto-lens-test"})')), /test-build code/],
    ['a missing file', (_m: Record<string, unknown>, f: Files) => void delete f['src/popup/index.html'], /not in the package/],
    ['web-accessible resources', (m: Record<string, unknown>) => void (m.web_accessible_resources = [{ resources: ['a.js'], matches: ['<all_urls>'] }]), /web_accessible_resources/],
    ['a tabs permission', (m: Record<string, unknown>) => void (m.permissions = ['storage', 'tabs']), /permission tabs/],
    ['another version', (m: Record<string, unknown>) => void (m.version = '9.9.9'), /version/],
  ])('%s is a problem', (_name, change, message) => {
    expect(extensionProblems(madeUp('chrome', change), 'chrome', version).join('\n')).toMatch(message);
  });

  it('Firefox needs its gecko settings and background scripts; Chrome its service worker', () => {
    expect(extensionProblems(madeUp('firefox', (m) => delete m.browser_specific_settings), 'firefox', version).join('\n')).toMatch(/gecko\.id/);
    expect(extensionProblems(madeUp('chrome'), 'firefox', version).join('\n')).toMatch(/background\.scripts/);
    expect(extensionProblems(madeUp('firefox'), 'chrome', version).join('\n')).toMatch(/service_worker/);
    expect(extensionProblems({}, 'chrome', version)).toEqual(['no manifest.json at the root']);
  });

  it('a zip over the size budget is a problem', () => {
    expect(zipProblems(new Uint8Array(10))).toEqual([]);
    expect(zipProblems(new Uint8Array(3 * 1024 * 1024))).toHaveLength(1);
  });
});

describe('the store listing in store/', () => {
  const listing = filesOf(join(ROOT, 'store'));

  it('has a description in each language and screenshots in a size the stores take', () => {
    expect(listingProblems(listing)).toEqual([]);
    const shots = Object.keys(listing).filter((path) => path.startsWith('screenshots/'));
    expect(shots).toEqual(expect.arrayContaining(['screenshots/article-ar-card.png', 'screenshots/article-en-card.png', 'screenshots/article-ru-card.png']));
    for (const shot of shots) expect(pngSize(listing[shot]!)).toBe('1280x800');
  });

  it('a listing without a language or with an odd screenshot is a problem', () => {
    const { ['ru.md']: _ru, ...withoutRussian } = listing;
    expect(listingProblems(withoutRussian).join('\n')).toMatch(/ru\.md/);
    expect(listingProblems({ ...listing, 'screenshots/x.png': bytes('not a png') }).join('\n')).toMatch(/not a PNG/);
  });
});

const zips = (['chrome', 'firefox'] as const).map((browser) => [browser, join(ARTIFACTS, `csto-lens-${browser}-${version}.zip`)] as const);

describe.skipIf(!zips.every(([, path]) => existsSync(path)))('what `npm run package` wrote to artifacts/', () => {
  it.each(zips)('the %s zip has its manifest, every file it names, no source map, no test hook, a sane size', (browser, path) => {
    const zip = readFileSync(path);
    const files = readZip(zip);
    expect(Object.keys(files)).toContain('manifest.json');
    expect(Object.keys(files)).toContain('content.js');
    expect(extensionProblems(files, browser, version)).toEqual([]);
    expect(zipProblems(zip)).toEqual([]);
  });

  it('the store listing is there as a folder and a zip', () => {
    expect(listingProblems(filesOf(join(ARTIFACTS, 'store-listing')))).toEqual([]);
    const zipped = readZip(readFileSync(join(ARTIFACTS, `csto-lens-store-listing-${version}.zip`)));
    expect(Object.keys(zipped).sort()).toEqual(Object.keys(filesOf(join(ROOT, 'store'))).sort());
  });
});

const testBuilds = [['dist-test', 'chrome'], ['dist-firefox-test', 'firefox']] as const;
const builtTestBuilds = testBuilds.filter(([dir]) => existsSync(join(ROOT, dir, 'manifest.json')));

describe.skipIf(builtTestBuilds.length === 0)('a test build', () => {
  it.each(builtTestBuilds)('%s would be refused as a release: the check sees its test hooks', (dir, browser) => {
    expect(extensionProblems(filesOf(join(ROOT, dir)), browser, version).join('\n')).toMatch(/test-build code/);
  });
});
