// The release builds leave no trace a page could see: no timing marks, no test hooks (issue 8). Checks the built
// content scripts when they exist (after `npm run build` / `npm run build:firefox`).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_ONLY_STRINGS } from '../../scripts/lib/package-check.ts';

const testTracesIn = (source: string) => TEST_ONLY_STRINGS.filter((marker) => source.includes(marker));

const root = join(import.meta.dirname, '../..');
const contentScript = (dir: string) => join(root, dir, 'content.js');

describe('the built content script', () => {
  it.each(['dist', 'dist-firefox'])('%s (release) has no test-only marks or hooks', (dir) => {
    if (!existsSync(contentScript(dir))) {
      console.warn(`release-build: ${dir}/content.js is not built; nothing to check`);
      return;
    }
    expect(testTracesIn(readFileSync(contentScript(dir), 'utf8'))).toEqual([]);
  });

  it.each(['dist-test', 'dist-firefox-test'])('%s (test build) has them, so the check above can fail', (dir) => {
    if (!existsSync(contentScript(dir))) return;
    expect(testTracesIn(readFileSync(contentScript(dir), 'utf8'))).toContain('csto-lens-done');
  });
});
