// What the built extension asks for and ships, read from the build output (the browser project runs after
// `npm run build` and `npm run build:firefox:test`): the smallest permissions, the default CSP for extension pages,
// nothing a page can probe, and no remote or generated code. (That src/ never writes HTML from strings is an eslint
// rule: eslint.config.js.)
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, DIST_FIREFOX_TEST } from '../support/paths.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const builds = [
  { name: 'Chromium (dist)', dir: DIST },
  { name: 'Firefox (dist-firefox-test)', dir: DIST_FIREFOX_TEST },
].filter((build) => existsSync(join(build.dir, 'manifest.json')));

describe.each(builds)('the $name build', ({ dir }) => {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const scripts = filesUnder(dir).filter((file) => ['.js', '.mjs'].includes(extname(file)));

  it('asks only for storage and scripting, with host access to the sites its content script runs on and no more', () => {
    // scripting and the host permissions let the background inject the scanner (content-full.js) into a page whose
    // small content script found a possible name (src/background/load-scanner.ts): the same sites, nothing new.
    expect(manifest.permissions).toEqual(['storage', 'scripting']);
    const [content] = manifest.content_scripts as Array<{ matches: string[] }>;
    expect(manifest.host_permissions).toEqual(content!.matches);
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toBeUndefined();
  });

  it('ships the scanner the background injects beside the content script', () => {
    const [content] = manifest.content_scripts as Array<{ js: string[] }>;
    expect(content!.js).toEqual(['content.js']);
    expect(existsSync(join(dir, 'content-full.js'))).toBe(true);
  });

  it('keeps the default CSP for its pages and exposes no resource a page could probe', () => {
    expect(manifest.content_security_policy).toBeUndefined();
    const exposed = (manifest.web_accessible_resources ?? []) as Array<{ use_dynamic_url?: boolean }>;
    for (const entry of exposed) expect(entry.use_dynamic_url).toBe(true);
  });

  it('runs its content script in the top frame of web pages only, once the page is parsed', () => {
    const [content, ...others] = manifest.content_scripts as Array<{ matches: string[]; all_frames?: boolean; run_at?: string }>;
    expect(others).toEqual([]);
    expect(content!.all_frames ?? false).toBe(false);
    expect(content!.run_at).toBe('document_idle');
    for (const pattern of content!.matches) expect(pattern).toMatch(/^(https?|file):\/\//);
  });

  it('ships no remote or generated code: no eval, no Function constructor, no script loaded from a URL', () => {
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) {
      const code = readFileSync(file, 'utf8');
      const where = relative(dir, file);
      expect(code, `${where}: eval`).not.toMatch(/\beval\s*\(/);
      expect(code, `${where}: new Function`).not.toMatch(/\bnew Function\s*\(/);
      expect(code, `${where}: importScripts`).not.toMatch(/\bimportScripts\s*\(/);
      expect(code, `${where}: import() of a URL`).not.toMatch(/\bimport\s*\(\s*["'`]https?:/);
    }
    for (const file of filesUnder(dir).filter((f) => extname(f) === '.html')) {
      expect(readFileSync(file, 'utf8'), relative(dir, file)).not.toMatch(/<script[^>]+src=["']https?:/i);
    }
  });
});
