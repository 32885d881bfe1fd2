// The modules the builds put in place of src/content/shipped-*.ts: data made ahead of time and shipped as JSON text
// (a string literal costs a script nothing to evaluate; an object literal of that size costs milliseconds), parsed on
// first use. The name filter's module is written by both builds: esbuild's for content-full.js
// (scripts/build-content.ts) and vite's for the background (vite.config.ts).
import type { Lexicon } from '../../src/core/lexicon.ts';
import { buildNameFilter } from '../../src/core/name-filter.ts';

/** The module id of the name filter's patterns. */
export const SHIPPED_NAME_FILTER = /[\\/]src[\\/]content[\\/]shipped-name-filter\.ts$/;

/** A JS string literal of `text` in single quotes: JSON text then needs no escape for each of its many '"'. */
export function singleQuoted(text: string): string {
  const escaped = text.replace(/[\\'\n\r\u2028\u2029]/g, (ch) => (ch === '\\' || ch === "'" ? `\\${ch}` : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return `'${escaped}'`;
}

/** The source of src/content/shipped-name-filter.ts with the lexicon's patterns built in. */
export function nameFilterModule(lexicon: Lexicon): string {
  return [`const nameFilterText = ${singleQuoted(JSON.stringify(buildNameFilter(lexicon)))};`, 'export function shippedNameFilter() { return JSON.parse(nameFilterText); }', ''].join('\n');
}
