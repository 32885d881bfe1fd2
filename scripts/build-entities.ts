// Validate entities/*.yaml and compile them into generated/entities.json.
// `--check` validates only. Any error exits 1, naming the file and the field.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileEntities, formatError } from '../src/kb/compile.ts';
import { readEntityFiles } from '../src/kb/read-entities.ts';

const root = join(import.meta.dirname, '..');
const result = compileEntities(readEntityFiles(join(root, 'entities')));
if (!result.ok) {
  for (const error of result.errors) console.error(formatError(error));
  console.error(`\n${result.errors.length} error(s) in entities/; nothing was compiled.`);
  process.exit(1);
}
if (process.argv.includes('--check')) {
  console.log(`entities: ${result.pack.entities.length} files valid`);
} else {
  mkdirSync(join(root, 'generated'), { recursive: true });
  writeFileSync(join(root, 'generated', 'entities.json'), JSON.stringify(result.pack));
  console.log(`entities: compiled ${result.pack.entities.length} entities into generated/entities.json`);
}
