// A page that names no entity: the content script rules it out with the name filter, without loading the matcher, and
// still answers the contract message (language, publication day read on demand). Names that arrive later are marked
// (the matcher loads then), including names the filter only lets through unit by unit (tashkeel).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { chromiumAvailable } from '../support/browsers.ts';
import { closeChromium } from '../support/chromium-session.ts';
import { DIST, FIXTURES } from '../support/paths.ts';
import { collectPageErrors, highlightSizes, mentions, resetSettings, totalHighlights } from './page-support.ts';

// Our own prose, in the three languages, with no name the pack knows.
const PLAIN_PAGE = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Без имён</title>
<meta property="article:published_time" content="2024-03-05T08:00:00Z"></head>
<body><article>
<h1>Переговоры закончились поздно</h1>
<p>Переговоры закончились поздно вечером. Стороны обсудили <b>вопросы</b> границы, торговли и воды, но заявлений не было.</p>
<p>The talks ended late; officials said little about the <a href="#b">border</a> or the week ahead.</p>
<p dir="rtl" lang="ar">انتهت المحادثات في وقت متأخر، ولم يصدر أي بيان عن الجانبين بشأن الحدود.</p>
</article></body></html>`;

describe.runIf(chromiumAvailable)('a page with no entity in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await startStaticServer({ '/': FIXTURES });
    server.setPage('/plain.html', PLAIN_PAGE);
    browser = await launchWithExtension(DIST);
  });
  afterAll(() => closeChromium(browser, server));
  beforeEach(async () => {
    await resetSettings(browser);
  });

  it('answers with no mention, its language and its day, marks nothing, and marks names that come later', async () => {
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(server.url('/plain.html'));
    await expect.poll(async () => (await mentions(browser, page))?.lang, { timeout: 10_000 }).toBe('ru');
    const answer = await mentions(browser, page);
    expect(answer?.mentions).toEqual([]);
    expect(answer?.published).toBe('2024-03-05');
    expect(totalHighlights(await highlightSizes(page))).toBe(0);

    await page.evaluate(() => {
      const article = document.querySelector('article')!;
      const ru = document.createElement('p');
      ru.textContent = 'Позже в Минске выступил Лукашенко.';
      // Tashkeel: the filter's unit-by-unit path.
      const ar = Object.assign(document.createElement('p'), { dir: 'rtl', lang: 'ar', textContent: 'وقالت رُوسْيَا إن المحادثات ستستمر.' });
      article.append(ru, ar);
    });
    await expect
      .poll(async () => (await mentions(browser, page))?.mentions.map((m) => m.entity), { timeout: 10_000 })
      .toEqual(['minsk', 'lukashenko', 'russia']);
    expect(totalHighlights(await highlightSizes(page))).toBe(3);
    expect(errors).toEqual([]);
    await page.close();
  });
});
