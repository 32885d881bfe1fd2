// The bundled demo articles and the shared seed article, read and marked in Chromium: the contract answer matches
// demo/expected.json, and on the seed article every required gold mention is found, nothing else but optional ones.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/lib/chromium.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import { chromiumAvailable } from '../support/browsers.ts';
import { closeChromium, openChromium } from '../support/chromium-session.ts';
import { DEMO, hasSeed, SEED } from '../support/paths.ts';
import { collectPageErrors, settledMentions } from './page-support.ts';

interface GoldMention {
  entity: string;
  context: string;
  count: number;
  required: boolean;
}

const demoExpected = existsSync(join(DEMO, 'expected.json'))
  ? (JSON.parse(readFileSync(join(DEMO, 'expected.json'), 'utf8')) as Record<string, Array<{ entity: string; text: string }>>)
  : {};

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The seed article as a news page: its first line as the headline, every other line a paragraph, dated by meta. */
function seedPage(text: string, published: string): string {
  const [title = '', ...lines] = text.split('\n').filter((line) => line.trim() !== '');
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta property="article:published_time" content="${published}T09:00:00+04:00"></head>
<body><header><a href="/">الشرق</a></header><article><h1>${escapeHtml(title)}</h1>
${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
</article></body></html>`;
}

describe.runIf(chromiumAvailable)('demo and seed articles in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;

  beforeAll(async () => ({ browser, server } = await openChromium({ '/demo/': DEMO })));
  afterAll(() => closeChromium(browser, server));

  it.each(Object.keys(demoExpected))('demo/%s answers demo/expected.json', async (file) => {
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(server.url(`/demo/${file}`));
    const answer = await settledMentions(browser, page);
    expect(answer.mentions).toEqual(demoExpected[file]);
    expect(answer.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.runIf(hasSeed)('the seed article: its date, every required gold mention, nothing but optional ones besides', async () => {
    const gold = JSON.parse(readFileSync(join(SEED, 'gold-ar.json'), 'utf8')) as { published: string; mentions: GoldMention[] };
    const text = readFileSync(join(SEED, 'article-ar.txt'), 'utf8');
    server.setPage('/seed-ar.html', seedPage(text, gold.published));
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(server.url('/seed-ar.html'));
    const answer = await settledMentions(browser, page);
    expect(answer.published).toBe(gold.published);
    expect(answer.lang).toBe('ar');

    // Each gold context is a piece of the article holding one mention; the found mention's text lies in it.
    const found = new Map<string, number>();
    for (const mention of answer.mentions) found.set(`${mention.entity}\u0000${mention.text}`, (found.get(`${mention.entity}\u0000${mention.text}`) ?? 0) + 1);
    const missing: string[] = [];
    const byEntity = new Map<string, number>();
    for (const mention of answer.mentions) byEntity.set(mention.entity, (byEntity.get(mention.entity) ?? 0) + 1);
    const goldCount = new Map<string, { required: number; optional: number }>();
    for (const item of gold.mentions) {
      const count = goldCount.get(item.entity) ?? { required: 0, optional: 0 };
      if (item.required) count.required += item.count;
      else count.optional += item.count;
      goldCount.set(item.entity, count);
      if (!item.required) continue;
      const hits = answer.mentions.filter((m) => m.entity === item.entity && item.context.includes(m.text)).length;
      if (hits === 0) missing.push(`${item.entity}: ${item.context}`);
    }
    expect(missing).toEqual([]);
    const extra: string[] = [];
    for (const [entity, count] of byEntity) {
      const allowed = goldCount.get(entity);
      if (!allowed) extra.push(`${entity} x${count}`);
      else if (count < allowed.required || count > allowed.required + allowed.optional) extra.push(`${entity}: ${count} not in [${allowed.required}, ${allowed.required + allowed.optional}]`);
    }
    expect(extra).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
