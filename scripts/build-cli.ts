// Bundle the CLI (src/cli/main.ts and the core it uses, with the compiled entity pack) into dist-cli/csto-lens.mjs.
import { build } from 'esbuild';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
await build({
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile: join(root, 'dist-cli/csto-lens.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
console.log('cli: wrote dist-cli/csto-lens.mjs');
