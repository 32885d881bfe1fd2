// Render icons/*.svg to the PNG sizes the stores and the toolbar need, into public/icons/ (copied into dist/).
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, 'public', 'icons');
mkdirSync(out, { recursive: true });
const variants = [
  ['icon.svg', 'icon'],
  ['icon-off.svg', 'icon-off'],
] as const;
for (const [svgFile, name] of variants) {
  const svg = readFileSync(join(root, 'icons', svgFile), 'utf8');
  for (const size of [16, 32, 48, 128]) {
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
    writeFileSync(join(out, `${name}-${size}.png`), png);
  }
}
console.log('icons: rendered public/icons/*.png');
