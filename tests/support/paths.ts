import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const DIST = join(ROOT, 'dist');
/** The Chromium test build (`npm run build:test`): test hooks, the scanner's timing marks, and the wrapper fallback on
 * request (#csto-lens-wrapper). */
export const DIST_TEST = join(ROOT, 'dist-test');
export const DIST_FIREFOX_TEST = join(ROOT, 'dist-firefox-test');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const DEMO = join(ROOT, 'demo');
export const ARTIFACTS = join(ROOT, 'artifacts');
/** The shared seed article and gold mentions, present beside the repo on developer machines and in CI. */
export const SEED = join(ROOT, '..', 'shared', 'seed');
export const hasSeed = existsSync(join(SEED, 'gold-ar.json'));
