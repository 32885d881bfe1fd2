// Read the entity files of a folder (build time, node only) in a stable order, for compileEntities.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from './compile.ts';

/** Every *.yaml, *.yml and *.json file of `dir`, sorted by name, each named `<label>/<file>` in errors. */
export function readEntityFiles(dir: string, label = 'entities'): SourceFile[] {
  return readdirSync(dir)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => ({ file: `${label}/${name}`, text: readFileSync(join(dir, name), 'utf8') }));
}
