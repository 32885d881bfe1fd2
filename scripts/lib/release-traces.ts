// What a release build of the content script must not carry: names a page could read (performance marks, which the
// bench uses) or talk to (the test hooks). Test and bench builds have them (CSTO_LENS_TEST_BUILD=1); `npm run package`
// and tests/unit/release-build.test.ts check the release builds.
export const TEST_ONLY_TRACES = ['csto-lens-start', 'csto-lens-first-mark', 'csto-lens-done', 'csto-lens-eval', 'csto-lens-test', 'performance.mark('];

/** The test-only traces found in a built content script (none in a release build). */
export function testTracesIn(source: string): string[] {
  return TEST_ONLY_TRACES.filter((trace) => source.includes(trace));
}
