// The store screenshots: the built extension (dist/) in Chromium on the bundled demo articles, with a person's card
// open. Run once after `npm run build` and commit the PNGs: `tsx scripts/store-screenshots.ts [ar] [en] [ru]`
// (default: all three). 1280×800, the size the Chrome Web Store asks for (AMO takes any).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_INSTALL_HINT, hasChromium, launchWithExtension } from './lib/chromium.ts';
import { hoverAMark } from './lib/hover-mark.ts';
import { settledMentions } from './lib/settled-mentions.ts';
import { startStaticServer } from './lib/static-server.ts';
import { bundledPack } from '../src/core/bundled-pack.ts';

const root = join(import.meta.dirname, '..');
const langs = process.argv.slice(2).filter((arg) => ['ar', 'en', 'ru'].includes(arg));
const LOCALES = { ar: 'ar', en: 'en-US', ru: 'ru-RU' } as const;

if (!hasChromium()) {
  console.error(CHROMIUM_INSTALL_HINT);
  process.exit(1);
}

const people = new Set(bundledPack.entities.filter((e) => e.category === 'people').map((e) => e.id));
const server = await startStaticServer({ '/': join(root, 'demo') });
const outDir = join(root, 'store', 'screenshots');
mkdirSync(outDir, { recursive: true });
let failed = false;
for (const lang of (langs.length > 0 ? langs : ['ar', 'en', 'ru']) as Array<keyof typeof LOCALES>) {
  // The browser's locale is the article's, so the card speaks the article's language (card language: auto).
  const browser = await launchWithExtension(join(root, 'dist'), { viewport: { width: 1280, height: 800 }, locale: LOCALES[lang] });
  const page = await browser.context.newPage();
  await page.goto(server.url(`/article-${lang}.html`));
  const found = await settledMentions(browser, page);
  const hovered = await hoverAMark(page, found.mentions.filter((m) => people.has(m.entity)).map((m) => m.text));
  const file = join(outDir, `article-${lang}-card.png`);
  await page.screenshot({ path: file });
  console.log(`${hovered ? 'card' : 'NO CARD'}: ${file} (${found.mentions.length} mentions)`);
  failed ||= !hovered;
  await browser.close();
}
await server.close();
process.exit(failed ? 1 : 0);
