// The release builds leave no trace a page could see: no timing marks, no test hooks (issue 8). Checks the built
// content scripts when they exist (after `npm run build` / `npm run build:firefox`).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_ONLY_STRINGS } from '../../scripts/lib/package-check.ts';

const testTracesIn = (source: string) => TEST_ONLY_STRINGS.filter((marker) => source.includes(marker));

const root = join(import.meta.dirname, '../..');
// Both scripts a page can get: the small one every page runs, and the scanner injected where a name may be.
const SCRIPTS = ['content.js', 'content-full.js'];
const builds = (dirs: string[]) => dirs.flatMap((dir) => SCRIPTS.map((file) => [dir, file] as const));

describe('the built content scripts', () => {
  it.each(builds(['dist', 'dist-firefox']))('%s/%s (release) has no test-only marks or hooks', (dir, file) => {
    const path = join(root, dir, file);
    if (!existsSync(path)) {
      console.warn(`release-build: ${dir}/${file} is not built; nothing to check`);
      return;
    }
    expect(testTracesIn(readFileSync(path, 'utf8'))).toEqual([]);
  });

  it.each(builds(['dist-test', 'dist-firefox-test']))('%s/%s (test build) has them, so the check above can fail', (dir, file) => {
    const path = join(root, dir, file);
    if (!existsSync(path)) return;
    expect(testTracesIn(readFileSync(path, 'utf8'))).toContain('csto-lens-done');
  });
});
