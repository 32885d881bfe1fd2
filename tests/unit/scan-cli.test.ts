import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { looksLikeHtml, runScan, textBlocks } from '../../src/cli/scan.ts';
import { matcherForPack } from '../../src/core/matcher.ts';
import { testPack } from './fixtures/test-pack.ts';

const matcher = matcherForPack(testPack);

function fakeIo(files: Record<string, string>, stdin = ''): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    readFile: (path) => {
      if (!(path in files)) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      return files[path]!;
    },
    readStdin: () => stdin,
    today: () => '2026-11-29',
  };
}

async function scanJson(argv: string[], files: Record<string, string>, stdin = '') {
  const io = fakeIo(files, stdin);
  const code = await runScan(['--json', ...argv], io, matcher);
  return { code, io, doc: io.stdout.length ? JSON.parse(io.stdout.join('\n')) : null };
}

const ARTICLE_HTML = `<!doctype html>
<html lang="en"><head>
<title>Putin title is not read</title>
<meta property="article:published_time" content="2021-08-31T10:00:00Z">
<script>var csto = "CSTO in a script";</script>
<style>.Russia { color: red }</style>
</head><body>
<nav><a href="/">Moscow section</a></nav>
<article>
  <h1>CSTO says it will not send troops</h1>
  <p>The <b>Collective</b> Security Treaty <i>Organization</i>, led by Russia, met in Moscow &amp; Minsk.</p>
  <p>Sergei <b>Lavrov</b> spoke to TASS.<br>Kazakhstan agreed.</p>
  <pre>Putin in code</pre>
  <div aria-hidden="true">Belarus hidden</div>
  <p>More text so that the article holds enough text to be the text root of this page; more text, more words.</p>
</article>
</body></html>`;

describe('csto-lens scan --json: the contract', () => {
  it('reports a .txt file with UTF-16 offsets into the text as read', async () => {
    const text = '\uFEFFПутин\r\nи 😀 ОДКБ;\r\n\r\nروسيا وأفغانستان';
    const { code, doc } = await scanJson(['a.txt'], { 'a.txt': text });
    expect(code).toBe(0);
    expect(doc).toEqual({
      files: [
        {
          file: 'a.txt',
          lang: 'ru',
          date: null,
          mentions: [
            { entity: 'putin', start: 1, end: 6, text: 'Путин' },
            { entity: 'csto', start: 13, end: 17, text: 'ОДКБ' },
            { entity: 'russia', start: 22, end: 27, text: 'روسيا' },
            { entity: 'afghanistan', start: 29, end: 38, text: 'أفغانستان' },
          ],
        },
      ],
    });
    for (const m of doc.files[0].mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('reports an .html file with offsets into the extracted article text, and its date', async () => {
    const { code, doc } = await scanJson(['page.html'], { 'page.html': ARTICLE_HTML });
    expect(code).toBe(0);
    const file = doc.files[0];
    expect(file.lang).toBe('en');
    expect(file.date).toBe('2021-08-31');
    expect(file.mentions.map((m: { entity: string; text: string }) => [m.entity, m.text])).toEqual([
      ['csto', 'CSTO'],
      ['csto', 'Collective Security Treaty Organization'],
      ['russia', 'Russia'],
      ['moscow', 'Moscow'],
      ['lavrov', 'Sergei Lavrov'],
      ['tass', 'TASS'],
      ['kazakhstan', 'Kazakhstan'],
    ]);
  });

  it('reads stdin with -, and knows HTML when it sees it', async () => {
    expect((await scanJson(['-'], {}, 'Путин')).doc.files[0]).toEqual({
      file: '-',
      lang: 'ru',
      date: null,
      mentions: [{ entity: 'putin', start: 0, end: 5, text: 'Путин' }],
    });
    expect((await scanJson(['-'], {}, ARTICLE_HTML)).doc.files[0].date).toBe('2021-08-31');
  });

  it('--lang fixes the language, --date is the fallback date', async () => {
    const { doc } = await scanJson(['--lang', 'ar', '--date', '2020-01-02', 'a.txt', 'page.html'], { 'a.txt': 'Putin', 'page.html': ARTICLE_HTML });
    expect(doc.files.map((f: { lang: string; date: string }) => [f.lang, f.date])).toEqual([
      ['ar', '2020-01-02'],
      ['ar', '2021-08-31'],
    ]);
  });

  it('an unreadable file: exit 2 with one line, the other files still reported', async () => {
    const { code, io, doc } = await scanJson(['missing.txt', 'a.txt'], { 'a.txt': 'Russia' });
    expect(code).toBe(2);
    expect(io.stderr).toEqual(['csto-lens scan: cannot read missing.txt: ENOENT']);
    expect(doc.files.map((f: { file: string }) => f.file)).toEqual(['a.txt']);
  });

  it.each([
    [['--json'], 'csto-lens scan: no FILE given; usage: csto-lens scan [--json] [--lang auto|ar|en|ru] [--date YYYY-MM-DD] FILE...'],
    [['--lang', 'fr', 'a.txt'], 'csto-lens scan: --lang must be auto, ar, en or ru, not "fr"'],
    [['--date', '2021-02-30', 'a.txt'], 'csto-lens scan: --date must be a day written YYYY-MM-DD, not "2021-02-30"'],
    [['--date'], 'csto-lens scan: --date needs a value'],
    [['--frobnicate', 'a.txt'], 'csto-lens scan: unknown option --frobnicate'],
  ])('bad usage %j: exit 2, one line, nothing on stdout', async (argv, message) => {
    const io = fakeIo({ 'a.txt': 'x' });
    expect(await runScan(argv, io, matcher)).toBe(2);
    expect(io.stderr).toEqual([message]);
    expect(io.stdout).toEqual([]);
  });

  it('is reached through the dispatcher', async () => {
    const io = fakeIo({});
    expect(await main(['scan', '--lang', 'xx', 'a.txt'], io)).toBe(2);
    expect(io.stderr).toHaveLength(1);
  });
});

describe('csto-lens scan without --json: a readable table', () => {
  it('lists each file and its mentions', async () => {
    const io = fakeIo({ 'a.txt': 'Putin met Lukashenko.', 'b.txt': 'nothing here' });
    expect(await runScan(['a.txt', 'b.txt'], io, matcher)).toBe(0);
    expect(io.stdout.join('\n').split('\n')).toEqual([
      'a.txt  lang en  date -  2 mentions',
      '    start     end  entity      text',
      '        0       5  putin       Putin',
      '       10      20  lukashenko  Lukashenko',
      'b.txt  lang en  date -  0 mentions',
    ]);
  });
});

describe('plain text blocks', () => {
  it('split at blank lines, so a name never spans two paragraphs', async () => {
    expect(textBlocks('a\nb\n\nc\r\n \r\nd')).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 6 },
      { start: 11, end: 12 },
    ]);
    const { doc } = await scanJson(['a.txt'], { 'a.txt': 'United\nStates\n\nUnited\n\nStates' });
    expect(doc.files[0].mentions).toEqual([{ entity: 'usa', start: 0, end: 13, text: 'United\nStates' }]);
  });

  it.each([
    ['<!DOCTYPE html><p>x', true],
    ['  <html lang="ar">', true],
    ['\uFEFF<!-- saved page -->', true],
    ['Putin <b>said</b>', false],
    ['plain text', false],
  ])('looksLikeHtml(%j) = %s', (text, expected) => {
    expect(looksLikeHtml(text)).toBe(expected);
  });
});
