// The article text of an HTML page, read the way the content script reads a live page (src/content/collect.ts):
// the text root is the one <article>, <main>, [itemprop=articleBody] or [role=main] with some text, else <body>;
// script, style, code, form controls, hidden (aria-hidden) and editable parts are skipped; inline elements (<b>, <a>,
// <span>…) are stitched into their block's text and every other element starts a new block. Blocks are joined with
// "\n", whitespace inside a block collapsed to one space (as the page shows it). Also the publication day, from the
// same evidence the content script uses: date metas, JSON-LD, <time> in the article, then the page's URL.
// Pure: a small hand-written tokenizer (no DOM), so the CLI needs no browser and no dependency.
import { dateMetaContents, dayFromUrl, publishedDay } from './published-date.ts';

export interface HtmlBlock {
  /** Offsets of the block in `text`. */
  start: number;
  end: number;
}

export interface HtmlText {
  /** The article's blocks joined by "\n". */
  text: string;
  blocks: HtmlBlock[];
  /** The publication day (YYYY-MM-DD) or null. */
  date: string | null;
  /** The lang attribute of the text root or the document, as written (may be empty). */
  langTag: string;
}

// ---------------------------------------------------------------- a tolerant HTML tree builder

interface Element {
  tag: string;
  attrs: Map<string, string>;
  children: Node[];
  parent: Element | null;
}
type Node = Element | string;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen']);
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'textarea', 'title', 'plaintext']);
const ESCAPABLE_RAW = new Set(['textarea', 'title']);
/** Opening one of these closes an open <p> (HTML's "close a p element"). */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'dialog', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p',
  'pre', 'section', 'table', 'ul', 'li', 'dd', 'dt',
]);
/** Elements that close an open one of the same family, up to a boundary. */
const AUTO_CLOSE: Record<string, { closes: string[]; stop: string[] }> = {
  li: { closes: ['li'], stop: ['ul', 'ol', 'menu'] },
  dt: { closes: ['dt', 'dd'], stop: ['dl'] },
  dd: { closes: ['dt', 'dd'], stop: ['dl'] },
  tr: { closes: ['tr', 'td', 'th'], stop: ['table', 'thead', 'tbody', 'tfoot'] },
  td: { closes: ['td', 'th'], stop: ['tr', 'table'] },
  th: { closes: ['td', 'th'], stop: ['tr', 'table'] },
  option: { closes: ['option'], stop: ['select', 'datalist'] },
  thead: { closes: ['thead', 'tbody', 'tfoot'], stop: ['table'] },
  tbody: { closes: ['thead', 'tbody', 'tfoot'], stop: ['table'] },
  tfoot: { closes: ['thead', 'tbody', 'tfoot'], stop: ['table'] },
};

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad', zwnj: '\u200c', zwj: '\u200d',
  lrm: '\u200e', rlm: '\u200f', ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»', ldquo: '“', rdquo: '”',
  lsquo: '‘', rsquo: '’', bdquo: '„', sbquo: '‚', prime: '′', copy: '©', reg: '®', trade: '™', middot: '·', bull: '•',
  deg: '°', euro: '€', pound: '£', times: '×', divide: '÷', minus: '−', thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003',
  hyphen: '‐', dash: '‐', sect: '§', para: '¶', frac12: '½', eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç',
  ouml: 'ö', uuml: 'ü', auml: 'ä', szlig: 'ß', iexcl: '¡', iquest: '¿', larr: '←', rarr: '→', uarr: '↑', darr: '↓',
};

/** Decode character references (&amp; &#1585; &#x631; and the common named ones). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));?/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined || hex !== undefined) {
      const cp = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
      if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(cp);
    }
    const value = NAMED_ENTITIES[name!] ?? NAMED_ENTITIES[name!.toLowerCase()];
    return value ?? whole;
  });
}

function parseAttributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const name = m[1]!.toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

/** Parse HTML into a small tree. Tolerant: unknown end tags are ignored, open elements close at the end. */
export function parseHtml(html: string): Element {
  const root: Element = { tag: '#document', attrs: new Map(), children: [], parent: null };
  const stack: Element[] = [root];
  const current = () => stack[stack.length - 1]!;
  const addText = (text: string) => {
    if (text.length === 0) return;
    const kids = current().children;
    const lastKid = kids[kids.length - 1];
    if (typeof lastKid === 'string') kids[kids.length - 1] = lastKid + text;
    else kids.push(text);
  };
  const popUntil = (tag: string, stop: string[] = []) => {
    for (let k = stack.length - 1; k > 0; k--) {
      const t = stack[k]!.tag;
      if (t === tag) {
        stack.length = k;
        return true;
      }
      if (stop.includes(t)) return false;
    }
    return false;
  };

  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      addText(decodeEntities(html.slice(i)));
      break;
    }
    if (lt > i) addText(decodeEntities(html.slice(i, lt)));
    i = lt;
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      i = close < 0 ? n : close + 3;
      continue;
    }
    if (html.startsWith('<![CDATA[', i)) {
      const close = html.indexOf(']]>', i);
      addText(html.slice(i + 9, close < 0 ? n : close));
      i = close < 0 ? n : close + 3;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      const close = html.indexOf('>', i);
      i = close < 0 ? n : close + 1;
      continue;
    }
    const tagMatch = /^<(\/?)([A-Za-z][^\s/>]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/.exec(html.slice(i, i + 4096));
    if (!tagMatch) {
      addText('<');
      i++;
      continue;
    }
    i += tagMatch[0].length;
    const closing = tagMatch[1] === '/';
    const tag = tagMatch[2]!.toLowerCase();
    if (closing) {
      if (tag === 'p' && !stack.some((e) => e.tag === 'p')) continue;
      if (tag === 'br') continue; // </br> is read as <br>; a break is a break either way
      popUntil(tag);
      continue;
    }
    if (CLOSES_P.has(tag)) popUntil('p', ['button', 'table', 'td', 'th', 'article', 'section', 'div', 'main', 'body', 'html', 'li', 'blockquote']);
    const auto = AUTO_CLOSE[tag];
    if (auto) {
      for (const t of auto.closes) if (popUntil(t, auto.stop)) break;
    }
    const element: Element = { tag, attrs: parseAttributes(tagMatch[3] ?? ''), children: [], parent: current() };
    current().children.push(element);
    const selfClosing = /\/\s*$/.test(tagMatch[3] ?? '') && !RAW_TEXT.has(tag);
    if (VOID.has(tag) || selfClosing) continue;
    if (RAW_TEXT.has(tag)) {
      // Raw text up to the matching end tag (script, style, textarea…).
      const endRe = new RegExp(`</${tag}[\\s/>]`, 'ig');
      endRe.lastIndex = i;
      const end = tag === 'plaintext' ? null : endRe.exec(html);
      const body = html.slice(i, end ? end.index : n);
      element.children.push(ESCAPABLE_RAW.has(tag) ? decodeEntities(body) : body);
      if (!end) {
        i = n;
      } else {
        const close = html.indexOf('>', end.index);
        i = close < 0 ? n : close + 1;
      }
      continue;
    }
    stack.push(element);
  }
  return root;
}

// ---------------------------------------------------------------- reading it like the content script

/** Elements whose text is never read (as src/content/collect.ts). */
export const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'code', 'pre', 'svg', 'math',
  'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'button', 'kbd', 'samp', 'head', 'title',
]);
/** Elements that flow inside a line: their text belongs to the enclosing block. */
export const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'mark', 'nobr', 'q',
  's', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'label', 'wbr',
]);
/** Candidates for the text root, in order; the first that matches exactly one element with text wins. */
export const TEXT_ROOT_SELECTORS = ['article', 'main', '[itemprop="articleBody"]', '[role="main"]'] as const;
const ROOT_MIN_TEXT = 200;

function isSkipped(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tag)) return true;
  if (element.attrs.get('aria-hidden') === 'true') return true;
  const editable = element.attrs.get('contenteditable');
  return editable !== undefined && editable !== 'false';
}

function* elements(root: Element): Generator<Element> {
  const stack: Node[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'string') continue;
    yield node;
    for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]!);
  }
}

function matchesSelector(element: Element, selector: (typeof TEXT_ROOT_SELECTORS)[number]): boolean {
  switch (selector) {
    case 'article':
    case 'main':
      return element.tag === selector;
    case '[itemprop="articleBody"]':
      return element.attrs.get('itemprop') === 'articleBody';
    case '[role="main"]':
      return element.attrs.get('role') === 'main';
  }
}

function textLength(element: Element, min: number): number {
  let total = 0;
  const stack: Node[] = [element];
  while (stack.length > 0 && total < min) {
    const node = stack.pop()!;
    if (typeof node === 'string') total += node.trim().length;
    else if (node.tag !== 'script' && node.tag !== 'style') for (const child of node.children) stack.push(child);
  }
  return total;
}

function findTextRoot(document: Element): Element {
  for (const selector of TEXT_ROOT_SELECTORS) {
    const found = [...elements(document)].filter((e) => matchesSelector(e, selector));
    if (found.length === 1 && textLength(found[0]!, ROOT_MIN_TEXT) >= ROOT_MIN_TEXT) return found[0]!;
  }
  return [...elements(document)].find((e) => e.tag === 'body') ?? document;
}

/** The blocks of text under `root`: inline elements stitched, every other element a boundary. */
function readBlocks(root: Element): string[] {
  const blocks: string[] = [];
  let run = '';
  const flush = () => {
    const text = run.replace(/[\t\n\f\r ]+/g, ' ').trim();
    if (/\S/.test(text)) blocks.push(text);
    run = '';
  };
  const stack: Array<{ node: Node; leave: boolean }> = [];
  for (let k = root.children.length - 1; k >= 0; k--) stack.push({ node: root.children[k]!, leave: false });
  while (stack.length > 0) {
    const { node, leave } = stack.pop()!;
    if (leave) {
      flush();
      continue;
    }
    if (typeof node === 'string') {
      run += node;
      continue;
    }
    const inline = INLINE_TAGS.has(node.tag);
    if (!inline) flush();
    if (isSkipped(node) || node.tag === 'br') continue;
    if (!inline) stack.push({ node, leave: true });
    for (let k = node.children.length - 1; k >= 0; k--) stack.push({ node: node.children[k]!, leave: false });
  }
  flush();
  return blocks;
}

// ---------------------------------------------------------------- the publication day

function textOf(element: Element): string {
  return element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/** Gather what the page offers about its publication day; src/core/published-date.ts decides, as for the content script. */
function publicationDay(document: Element, root: Element): string | null {
  const all = [...elements(document)];
  const metas = dateMetaContents(
    all
      .filter((meta) => meta.tag === 'meta' && meta.attrs.has('content'))
      .map((meta) => ({ name: meta.attrs.get('property') ?? meta.attrs.get('name') ?? meta.attrs.get('itemprop') ?? '', content: meta.attrs.get('content')! })),
  );
  for (const element of all) {
    if (element.tag !== 'meta' && element.attrs.get('itemprop') === 'datePublished') {
      const value = element.attrs.get('datetime') ?? element.attrs.get('content');
      if (value) metas.push(value);
    }
  }
  const jsonLd = all
    .filter((script) => script.tag === 'script' && (script.attrs.get('type') ?? '').toLowerCase() === 'application/ld+json')
    .map(textOf);
  const times = [...elements(root)].filter((time) => time.tag === 'time').map((time) => time.attrs.get('datetime') ?? '');
  const urls = all.map((element) =>
    element.tag === 'link' && (element.attrs.get('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical')
      ? element.attrs.get('href')
      : element.tag === 'meta' && element.attrs.get('property') === 'og:url'
        ? element.attrs.get('content')
        : undefined,
  );
  const url = urls.find((candidate) => candidate !== undefined && dayFromUrl(candidate) !== null) ?? '';
  return publishedDay({ metas, jsonLd, times, url });
}

// ---------------------------------------------------------------- entry point

/** The article text of a page, its blocks, its publication day and its language tag. */
export function htmlToText(html: string): HtmlText {
  const document = parseHtml(html);
  const root = findTextRoot(document);
  const pieces = readBlocks(root);
  const blocks: HtmlBlock[] = [];
  let offset = 0;
  for (const piece of pieces) {
    blocks.push({ start: offset, end: offset + piece.length });
    offset += piece.length + 1;
  }
  let langTag = '';
  for (let e: Element | null = root; e && !langTag; e = e.parent) langTag = e.attrs.get('lang') ?? '';
  if (!langTag) langTag = [...elements(document)].find((e) => e.tag === 'html')?.attrs.get('lang') ?? '';
  return { text: pieces.join('\n'), blocks, date: publicationDay(document, root), langTag };
}
