// `npm run package` (after both builds): zip dist/ and dist-firefox/ into artifacts/ for the stores.
import { zipSync } from 'fflate';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { testTracesIn } from './lib/release-traces.ts';

const root = join(import.meta.dirname, '..');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

function filesOf(dir: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
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

mkdirSync(join(root, 'artifacts'), { recursive: true });
for (const [dir, name] of [
  ['dist', `csto-lens-chrome-${version}.zip`],
  ['dist-firefox', `csto-lens-firefox-${version}.zip`],
] as const) {
  // A store build made with CSTO_LENS_TEST_BUILD=1 would let pages see the extension (marks, test hooks).
  const traces = testTracesIn(readFileSync(join(root, dir, 'content.js'), 'utf8'));
  if (traces.length > 0) throw new Error(`package: ${dir}/content.js is a test build (has ${traces.join(', ')}); rebuild it`);
  const zip = zipSync(filesOf(join(root, dir)), { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
  writeFileSync(join(root, 'artifacts', name), zip);
  console.log(`package: artifacts/${name} (${(zip.length / 1024).toFixed(1)} KiB)`);
}
