// `npm start` (after `npm run build`): serve the demo articles on 127.0.0.1 and open Chromium with the extension on
// the Arabic one. With a display it stays open; without one (no DISPLAY, or --headless) it runs headless, saves a
// screenshot under artifacts/, prints what the extension found, and exits 0.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_INSTALL_HINT, hasChromium, launchWithExtension } from './lib/chromium.ts';
import { startStaticServer } from './lib/static-server.ts';
import { settledMentions } from './lib/settled-mentions.ts';
import { hoverAMark } from './lib/hover-mark.ts';
import { bundledPack } from '../src/core/bundled-pack.ts';
import type { MentionsResponse } from '../src/shared/messages.ts';

const root = join(import.meta.dirname, '..');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;

if (!hasChromium()) {
  console.error(CHROMIUM_INSTALL_HINT);
  process.exit(1);
}

const server = await startStaticServer({ '/': join(root, 'demo') });
const browser = await launchWithExtension(join(root, 'dist'), { headless, viewport: { width: 1280, height: 900 } });
const page = await browser.context.newPage();
await page.goto(server.url('/article-ar.html'));
for (const other of browser.context.pages()) if (other !== page) await other.close();

const found: MentionsResponse | null = await settledMentions(browser, page).catch(() => null);

console.log(`CSTO Lens on ${server.url('/article-ar.html')}`);
if (found) {
  const counts = new Map<string, number>();
  for (const mention of found.mentions) counts.set(mention.entity, (counts.get(mention.entity) ?? 0) + 1);
  console.log(`language: ${found.lang ?? 'unknown'}, published: ${found.published ?? 'unknown'}, mentions: ${found.mentions.length}`);
  for (const [entity, count] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${entity.padEnd(32)} ${count}`);
} else {
  console.log('the content script did not answer');
}

if (headless) {
  const dir = join(root, 'artifacts');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'start-article-ar.png');
  // A person's card where one is in view.
  const people = new Set(bundledPack.entities.filter((e) => e.category === 'people').map((e) => e.id));
  await hoverAMark(page, found?.mentions.filter((m) => people.has(m.entity)).map((m) => m.text));
  await page.screenshot({ path: file });
  console.log(`screenshot: ${file}`);
  await browser.close();
  await server.close();
  process.exit(found ? 0 : 1);
} else {
  console.log('The browser stays open; close it (or press Ctrl+C) to stop.');
  browser.context.on('close', () => void server.close().then(() => process.exit(0)));
}
