// `csto-lens scan [--json] [--lang auto|ar|en|ru] [--date YYYY-MM-DD] FILE...` — the mentions in text and HTML files.
// FILE is .txt or .html (or - for stdin, sniffed). Offsets are UTF-16: into the file's text as read for .txt, into the
// extracted article text for .html (src/core/html-text.ts reads a page like the content script does).
// Exit 0; 2 on bad usage or an unreadable file, with a one-line reason; the other files are still reported.
import { isIsoDay } from '../core/dates.ts';
import { htmlToText } from '../core/html-text.ts';
import { documentLang, matcherForPack, type Matcher } from '../core/matcher.ts';
import type { Lang } from '../core/pack.ts';
import { LANGS } from '../core/pack.ts';
import { langFromTag } from '../core/script-lang.ts';
import { parseArgs } from './args.ts';
import type { CliIo } from './io.ts';

const USAGE = 'usage: csto-lens scan [--json] [--lang auto|ar|en|ru] [--date YYYY-MM-DD] FILE...';

export interface ScannedFile {
  file: string;
  lang: Lang | null;
  date: string | null;
  mentions: Array<{ entity: string; start: number; end: number; text: string }>;
}

let defaultMatcher: Matcher | undefined;

async function bundledMatcher(): Promise<Matcher> {
  if (!defaultMatcher) {
    const { bundledPack } = await import('../core/bundled-pack.ts');
    defaultMatcher = matcherForPack(bundledPack);
  }
  return defaultMatcher;
}

/** Whether a text (stdin, or a file without a known extension) is an HTML page. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<meta[\s>]|<!--)/i.test(text.replace(/^\ufeff/, ''));
}

/** Paragraphs of a plain text (split at blank lines): the blocks a multi-word name never crosses. */
export function textBlocks(text: string): Array<{ start: number; end: number }> {
  const blocks: Array<{ start: number; end: number }> = [];
  const re = /\r?\n[ \t\r\f\v]*\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    blocks.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  blocks.push({ start, end: text.length });
  return blocks.filter((b) => b.end > b.start);
}

/** Scan one document given as blocks of one text; offsets in the result index that text. */
export function scanDocument(
  matcher: Matcher,
  text: string,
  blocks: Array<{ start: number; end: number }>,
  lang: Lang | 'auto',
): { lang: Lang | null; mentions: ScannedFile['mentions'] } {
  const scans = blocks.map((b) => matcher.scanBlock(text.slice(b.start, b.end), { lang }));
  const mentions = matcher.resolveDocument(scans.map((s) => s.candidates)).map((m) => {
    const offset = blocks[m.block]!.start;
    return { entity: m.entity, start: m.start + offset, end: m.end + offset, text: m.text };
  });
  return { lang: documentLang(scans, lang), mentions };
}

function formatTable(files: ScannedFile[]): string {
  const lines: string[] = [];
  for (const f of files) {
    lines.push(`${f.file}  lang ${f.lang ?? '-'}  date ${f.date ?? '-'}  ${f.mentions.length} mention${f.mentions.length === 1 ? '' : 's'}`);
    if (f.mentions.length === 0) continue;
    const width = Math.max(6, ...f.mentions.map((m) => m.entity.length));
    lines.push(`  ${'start'.padStart(7)} ${'end'.padStart(7)}  ${'entity'.padEnd(width)}  text`);
    for (const m of f.mentions) {
      lines.push(`  ${String(m.start).padStart(7)} ${String(m.end).padStart(7)}  ${m.entity.padEnd(width)}  ${m.text.replace(/\s+/g, ' ')}`);
    }
  }
  return lines.join('\n');
}

export async function runScan(argv: string[], io: CliIo, matcher?: Matcher): Promise<number> {
  let json = false;
  let lang: Lang | 'auto' = 'auto';
  let fallbackDate: string | null = null;
  let files: string[];
  try {
    const parsed = parseArgs(argv, { boolean: ['json'], value: ['lang', 'date'] });
    json = parsed.flags.get('json') === true;
    const langFlag = parsed.flags.get('lang');
    if (typeof langFlag === 'string') {
      if (langFlag !== 'auto' && !(LANGS as readonly string[]).includes(langFlag)) throw new Error(`--lang must be auto, ar, en or ru, not "${langFlag}"`);
      lang = langFlag as Lang | 'auto';
    }
    const dateFlag = parsed.flags.get('date');
    if (typeof dateFlag === 'string') {
      if (!isIsoDay(dateFlag)) throw new Error(`--date must be a day written YYYY-MM-DD, not "${dateFlag}"`);
      fallbackDate = dateFlag;
    }
    files = parsed.positional;
    if (files.length === 0) throw new Error(`no FILE given; ${USAGE}`);
  } catch (error) {
    io.err(`csto-lens scan: ${(error as Error).message}`);
    return 2;
  }

  const scanner = matcher ?? (await bundledMatcher());
  const results: ScannedFile[] = [];
  let status = 0;
  for (const file of files) {
    let content: string;
    try {
      content = file === '-' ? io.readStdin() : io.readFile(file);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      io.err(`csto-lens scan: cannot read ${file}: ${String(reason).split('\n')[0]}`);
      status = 2;
      continue;
    }
    const html = /\.x?html?$/i.test(file) || (!/\.txt$/i.test(file) && looksLikeHtml(content));
    if (html) {
      const page = htmlToText(content);
      const scanned = scanDocument(scanner, page.text, page.blocks, lang);
      results.push({
        file,
        lang: lang !== 'auto' ? lang : (langFromTag(page.langTag) ?? scanned.lang),
        date: page.date ?? fallbackDate,
        mentions: scanned.mentions,
      });
    } else {
      const scanned = scanDocument(scanner, content, textBlocks(content), lang);
      results.push({ file, lang: scanned.lang, date: fallbackDate, mentions: scanned.mentions });
    }
  }
  io.out(json ? JSON.stringify({ files: results }) : formatTable(results));
  return status;
}
