// `npm run package` (after both builds): zip dist/ and dist-firefox/ into artifacts/ for the stores, with the store
// listing (store/: descriptions in three languages, screenshots) as artifacts/store-listing/ and a zip of it. What
// it wrote is read back and checked (scripts/lib/package-check.ts); any problem fails the command.
import { zipSync } from 'fflate';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { extensionProblems, listingProblems, readZip, zipProblems, type Browser } from './lib/package-check.ts';

const root = join(import.meta.dirname, '..');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const artifacts = join(root, 'artifacts');
// Fixed timestamps: the same build gives the same zip.
const MTIME = new Date('2026-01-01T00:00:00Z');

function filesOf(dir: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path).split('\\').join('/')] = readFileSync(path);
    }
  };
  walk(dir);
  return out;
}

const problems: string[] = [];
mkdirSync(artifacts, { recursive: true });
for (const [dir, browser] of [
  ['dist', 'chrome'],
  ['dist-firefox', 'firefox'],
] as Array<[string, Browser]>) {
  const name = `csto-lens-${browser}-${version}.zip`;
  const zip = zipSync(filesOf(join(root, dir)), { level: 9, mtime: MTIME });
  writeFileSync(join(artifacts, name), zip);
  const found = [...extensionProblems(readZip(zip), browser, version), ...zipProblems(zip)];
  problems.push(...found.map((problem) => `${name}: ${problem}`));
  console.log(`package: artifacts/${name} (${(zip.length / 1024).toFixed(1)} KiB)`);
}

// The listing as a folder (to read) and a zip (to hand over): what the store forms ask for, in one place.
const listingDir = join(artifacts, 'store-listing');
rmSync(listingDir, { recursive: true, force: true });
cpSync(join(root, 'store'), listingDir, { recursive: true });
const listing = filesOf(listingDir);
const listingName = `csto-lens-store-listing-${version}.zip`;
writeFileSync(join(artifacts, listingName), zipSync(listing, { level: 9, mtime: MTIME }));
problems.push(...listingProblems(listing).map((problem) => `store listing: ${problem}`));
console.log(`package: artifacts/store-listing/ and artifacts/${listingName} (${Object.keys(listing).length} files: ${Object.keys(listing).join(', ')})`);

if (problems.length > 0) {
  for (const problem of problems) console.error(`package: ${problem}`);
  process.exit(1);
}
console.log('package: checked (manifests, referenced files, no source maps, no test hooks, sizes, listing)');
