// What a store package must be: checked by `npm run package` on what it wrote, and by tests/unit/package.test.ts.
// Pure functions over file maps (path → bytes), so a test can feed them small made-up packages too.
import { unzipSync } from 'fflate';

export type Files = Record<string, Uint8Array>;
export type Browser = 'chrome' | 'firefox';

/** Strings only a test build carries (test hooks, the card probe, the test-only open message, timing marks). */
export const TEST_ONLY_STRINGS = [
  'csto-lens-test', 'csto-lens/test-open', 'csto-lens/test-settings', 'csto-lens-wrapper',
  // The scanner's timing marks for the bench: a page can read performance entries.
  'csto-lens-start', 'csto-lens-first-mark', 'csto-lens-done', 'csto-lens-eval',
];
/** A zip larger than this is a mistake (source maps, the bench, a second copy of the pack). */
export const MAX_ZIP_BYTES = 2 * 1024 * 1024;
/** Screenshot sizes the Chrome Web Store accepts (AMO takes any). */
export const SCREENSHOT_SIZES = ['1280x800', '640x400'];

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Every packaged file the manifest names. */
function referencedFiles(manifest: Record<string, unknown>): string[] {
  const out: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === 'string') out.push(value.replace(/^\//, ''));
    else if (value && typeof value === 'object') for (const v of Object.values(value)) add(v);
  };
  add(manifest.icons);
  const action = manifest.action as Record<string, unknown> | undefined;
  add(action?.default_popup);
  add(action?.default_icon);
  add((manifest.options_ui as Record<string, unknown> | undefined)?.page);
  const background = manifest.background as Record<string, unknown> | undefined;
  add(background?.service_worker);
  add(background?.scripts);
  for (const entry of (manifest.content_scripts as Array<Record<string, unknown>> | undefined) ?? []) {
    add(entry.js);
    add(entry.css);
  }
  if (typeof manifest.default_locale === 'string') out.push(`_locales/${manifest.default_locale}/messages.json`);
  return out;
}

/** Problems with one extension package (empty when it is fine for its store). */
export function extensionProblems(files: Files, browser: Browser, version: string): string[] {
  const problems: string[] = [];
  const manifestBytes = files['manifest.json'];
  if (!manifestBytes) return ['no manifest.json at the root'];
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(text(manifestBytes)) as Record<string, unknown>;
  } catch {
    return ['manifest.json is not JSON'];
  }
  if (manifest.manifest_version !== 3) problems.push('manifest_version is not 3');
  if (manifest.version !== version) problems.push(`manifest version ${String(manifest.version)} is not ${version}`);
  for (const file of referencedFiles(manifest)) if (!files[file]) problems.push(`manifest names ${file}, which is not in the package`);
  if (manifest.web_accessible_resources) problems.push('web_accessible_resources: pages could probe for the extension');
  const permissions = (manifest.permissions as string[] | undefined) ?? [];
  for (const p of ['tabs', 'history', 'webRequest', 'cookies', '<all_urls>']) if (permissions.includes(p)) problems.push(`permission ${p} is not needed`);
  const background = (manifest.background ?? {}) as Record<string, unknown>;
  if (browser === 'chrome' && typeof background.service_worker !== 'string') problems.push('Chrome needs background.service_worker');
  if (browser === 'firefox') {
    if (!Array.isArray(background.scripts)) problems.push('Firefox needs background.scripts');
    const gecko = (manifest.browser_specific_settings as { gecko?: { id?: string; data_collection_permissions?: unknown } } | undefined)?.gecko;
    if (!gecko?.id) problems.push('Firefox needs browser_specific_settings.gecko.id');
    if (!gecko?.data_collection_permissions) problems.push('Firefox needs gecko.data_collection_permissions');
  }
  for (const [path, bytes] of Object.entries(files)) {
    if (path.endsWith('.map')) problems.push(`${path}: a source map in a release package`);
    if (!/\.(js|html|json|css)$/.test(path)) continue;
    const content = text(bytes);
    if (/sourceMappingURL=/.test(content)) problems.push(`${path}: points to a source map`);
    for (const marker of TEST_ONLY_STRINGS) if (content.includes(marker)) problems.push(`${path}: test-build code ("${marker}")`);
  }
  return problems;
}

/** Width×height of a PNG (from its IHDR chunk), or null when it is not a PNG. */
export function pngSize(bytes: Uint8Array): string | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return `${view.getUint32(16)}x${view.getUint32(20)}`;
}

/** Problems with the store listing material: a description per language, screenshots the stores accept. */
export function listingProblems(files: Files): string[] {
  const problems: string[] = [];
  for (const lang of ['en', 'ar', 'ru']) {
    const description = files[`${lang}.md`];
    if (!description || text(description).trim().length < 200) problems.push(`no store description in ${lang}.md`);
  }
  const shots = Object.keys(files).filter((path) => path.startsWith('screenshots/'));
  if (shots.length === 0) problems.push('no screenshots');
  for (const path of shots) {
    const size = pngSize(files[path]!);
    if (!size) problems.push(`${path}: not a PNG`);
    else if (!SCREENSHOT_SIZES.includes(size)) problems.push(`${path}: ${size}, the Chrome Web Store takes ${SCREENSHOT_SIZES.join(' or ')}`);
  }
  return problems;
}

export function zipProblems(zip: Uint8Array): string[] {
  return zip.length > MAX_ZIP_BYTES ? [`${(zip.length / 1024).toFixed(0)} KiB, over ${MAX_ZIP_BYTES / 1024} KiB`] : [];
}

export function readZip(zip: Uint8Array): Files {
  return unzipSync(zip);
}
