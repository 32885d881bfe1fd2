#!/usr/bin/env node
// The csto-lens command. The CLI is compiled by `npm run build` (scripts/build-cli.ts) into dist-cli/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist-cli/csto-lens.mjs', import.meta.url));
if (!existsSync(built)) {
  console.error('csto-lens: not built yet; run `npm run build` first');
  process.exit(2);
}
const { main } = await import(built);
process.exitCode = await main(process.argv.slice(2));
