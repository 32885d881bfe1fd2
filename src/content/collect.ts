// Text collection: the readable text of the page as runs per block. A run stitches the text of inline elements
// (<b>, <a>, <span>…) so "Сергей <b>Шойгу</b>" reads as one string, and never crosses a block boundary. Each run keeps
// the Text nodes it came from and where each starts, so a match [start, end) in the run maps back to a DOM Range.

/** Elements whose text is never ours to read. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CODE', 'PRE', 'SVG', 'MATH',
  'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'BUTTON', 'KBD', 'SAMP', 'HEAD', 'TITLE',
  // tagName keeps its case outside the HTML namespace (inline <svg>, <math>).
  'svg', 'math',
]);
/** Elements that flow inside a line: their text belongs to the run of the enclosing block. */
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'MARK', 'NOBR', 'Q',
  'S', 'SMALL', 'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'LABEL', 'WBR', 'CSTO-LENS-MARK',
]);

/** Our own UI hosts carry this attribute; the collector never reads inside them. */
export const OWN_UI_ATTRIBUTE = 'data-csto-lens-ui';

export interface TextRun {
  /** The nearest enclosing block element: the unit that is re-read when the page changes it. */
  block: Element;
  text: string;
  nodes: Text[];
  /** starts[i]: offset in `text` where nodes[i] begins (ascending). */
  starts: number[];
}

export function isSkipped(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  if (element.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return false;
}

export function isInline(element: Element): boolean {
  return INLINE_TAGS.has(element.tagName);
}

/** The readable root: the article, the main content, the article body, else the body. */
export function findTextRoot(doc: Document): Element | null {
  const candidates = ['article', 'main', '[itemprop="articleBody"]', '[role="main"]'];
  for (const selector of candidates) {
    const found = doc.querySelectorAll(selector);
    // Several <article>s (a list page): the body covers them all.
    if (found.length === 1 && hasText(found[0]!, 200)) return found[0]!;
  }
  return doc.body ?? doc.documentElement;
}

/**
 * Whether an element holds at least `min` characters of text (reads no further than that). A walk over child links,
 * not a TreeWalker: the boot script runs this in a fresh world on every page, where each DOM interface it touches is
 * first set up for that world (a TreeWalker and NodeFilter cost about half a millisecond), and the links are what the
 * run walk reads anyway.
 */
export function hasText(element: Element, min: number): boolean {
  let total = 0;
  let node: Node | null = element.lastChild;
  while (node) {
    if (node.nodeType === Node.TEXT_NODE) {
      total += (node as Text).data.trim().length;
      if (total >= min) return true;
    }
    const child: Node | null = node.lastChild;
    if (child) {
      node = child;
      continue;
    }
    // Up to the nearest ancestor (below `element`) with a sibling before it.
    while (node && node !== element && !node.previousSibling) node = node.parentNode;
    node = node && node !== element ? node.previousSibling : null;
  }
  return false;
}

/** The block element a node's text belongs to (its nearest non-inline ancestor). */
export function blockOf(node: Node): Element | null {
  let element: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (element && isInline(element)) element = element.parentElement;
  return element;
}

/** Whether a node is part of a line of text (a Text node or an inline element), not something that ends one. */
export function flows(node: Node | null): boolean {
  if (!node) return false;
  return node.nodeType === Node.TEXT_NODE || (node.nodeType === Node.ELEMENT_NODE && isInline(node as Element));
}

/**
 * Whether there is a line on this side of a change: the nearest sibling that is not white space or a comment is text
 * or inline. (Blocks between blocks, with only white space around them, split or join nothing: no re-read.)
 */
export function lineBeside(node: Node | null, step: 'previousSibling' | 'nextSibling'): boolean {
  let at = node;
  while (at && (at.nodeType === Node.COMMENT_NODE || (at.nodeType === Node.TEXT_NODE && !/\S/.test((at as Text).data)))) at = at[step];
  return flows(at);
}

/** Whether the node lies inside an element the collector skips (up to `root`). */
export function isInsideSkipped(node: Node, root: Node): boolean {
  let element: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (element) {
    if (isSkipped(element)) return true;
    if (element === root) return false;
    element = element.parentElement ?? (element.parentNode instanceof ShadowRoot ? element.parentNode.host : null);
  }
  return false;
}

/**
 * Walk `start` (an element or a shadow root) in document order and yield its text runs. Open shadow roots are walked
 * in place of their host's light children (what the reader sees), and told to `onShadowRoot` (so that a watcher can
 * follow changes inside them). Elements in `skip` are passed over whole.
 * A generator, so a scheduler can stop between runs and go on later.
 */
export function* walkRuns(start: Element | ShadowRoot, skip?: (element: Element) => boolean, onShadowRoot?: (root: ShadowRoot) => void): Generator<TextRun> {
  let run: TextRun | null = null;
  const blockStack: Element[] = [];
  const startBlock = start instanceof ShadowRoot ? start.host : start;
  blockStack.push(startBlock);

  /** The run so far if it has text to read (else null), and a fresh start. A plain function: a nested generator for
   * every element would cost a cold page more than the walk itself. */
  const take = (): TextRun | null => {
    const done = run;
    run = null;
    return done && /\S/.test(done.text) ? done : null;
  };

  // An explicit stack keeps deep pages from overflowing the call stack; a null entry closes a block.
  const stack: Array<Node | null> = [];
  const pushChildren = (parent: Node) => {
    // Siblings, not childNodes[i]: a live NodeList is slow to index.
    for (let child = parent.lastChild; child; child = child.previousSibling) stack.push(child);
  };
  const first = start instanceof Element && start.shadowRoot ? start.shadowRoot : start;
  if (first instanceof ShadowRoot) onShadowRoot?.(first);
  pushChildren(first);

  while (stack.length > 0) {
    const node = stack.pop() as Node | null;
    if (node === null) {
      const done = take();
      if (done) yield done;
      blockStack.pop();
      continue;
    }
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      if (text.data.length === 0) continue;
      if (!run) run = { block: blockStack[blockStack.length - 1]!, text: '', nodes: [], starts: [] };
      run.starts.push(run.text.length);
      run.nodes.push(text);
      run.text += text.data;
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const element = node as Element;
    // A shadow host is read as its own block: what its shadow tree shows replaces its light children.
    const shadow = element.shadowRoot;
    const inline = isInline(element) && !shadow;
    if (!inline) {
      const done = take();
      if (done) yield done;
    }
    // `skip` sees blocks only, after the run before them is out, so a caller can splice its own runs in order.
    if (isSkipped(element) || element.tagName === 'BR' || (!inline && skip?.(element))) continue;
    if (!inline) {
      blockStack.push(element);
      stack.push(null);
    }
    if (shadow) onShadowRoot?.(shadow);
    pushChildren(shadow ?? element);
  }
  const done = take();
  if (done) yield done;
}

/**
 * The text walkRuns reads under `start`, a line break wherever a run ends (empty lines too): the same words, for the
 * name filter's question about a page. Read in pieces: each call of the returned function gives the next piece of
 * about `chunkChars` (cut only where a run ends), null at the end, so a long page is read over several tasks and no
 * further than needed. No run objects and no generator: every page pays for this walk.
 */
export function textOfRuns(start: Element, chunkChars = Infinity, onShadowRoot?: (root: ShadowRoot) => void): () => string | null {
  // The same walk as walkRuns: an explicit stack, a null entry closes a block; open shadow roots are told to
  // `onShadowRoot` as walkRuns tells them (a watcher of the document does not see changes inside them).
  const stack: Array<Node | null> = [];
  const pushChildren = (parent: Node) => {
    for (let child = parent.lastChild; child; child = child.previousSibling) stack.push(child);
  };
  if (start.shadowRoot) onShadowRoot?.(start.shadowRoot);
  pushChildren(start.shadowRoot ?? start);
  return () => {
    if (stack.length === 0) return null;
    const parts: string[] = [];
    let length = 0;
    while (stack.length > 0) {
      const node = stack.pop() as Node | null;
      if (node === null) {
        parts.push('\n');
        if (length >= chunkChars) break;
        continue;
      }
      if (node.nodeType === Node.TEXT_NODE) {
        const data = (node as Text).data;
        parts.push(data);
        length += data.length;
        continue;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      const element = node as Element;
      const shadow = element.shadowRoot;
      const inline = isInline(element) && !shadow;
      if (!inline) parts.push('\n');
      if (isSkipped(element) || element.tagName === 'BR') continue;
      if (!inline) stack.push(null);
      if (shadow) onShadowRoot?.(shadow);
      pushChildren(shadow ?? element);
    }
    return parts.join('');
  };
}

/** The (Text node, offset) at `offset` in a run; an offset at a node boundary belongs to the node that starts there. */
export function pointAt(run: TextRun, offset: number, preferEnd = false): { node: Text; offset: number } {
  const { starts, nodes } = run;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! < offset || (!preferEnd && starts[mid] === offset)) low = mid;
    else high = mid - 1;
  }
  return { node: nodes[low]!, offset: offset - starts[low]! };
}

/** The StaticRange of [start, end) in a run: cheap to make, and no cost to the page's later DOM edits. */
export function rangeOf(run: TextRun, start: number, end: number): StaticRange {
  const from = pointAt(run, start);
  const to = pointAt(run, end, true);
  return new StaticRange({ startContainer: from.node, startOffset: from.offset, endContainer: to.node, endOffset: to.offset });
}

/** The per-node pieces of [start, end) in a run: what the hit-test index and the wrapper fallback work on. */
export function segmentsOf(run: TextRun, start: number, end: number): Array<{ node: Text; start: number; end: number }> {
  const segments: Array<{ node: Text; start: number; end: number }> = [];
  const first = pointAt(run, start);
  let index = run.nodes.indexOf(first.node);
  for (; index < run.nodes.length; index++) {
    const nodeStart = run.starts[index]!;
    if (nodeStart >= end) break;
    const node = run.nodes[index]!;
    const from = Math.max(start, nodeStart) - nodeStart;
    const to = Math.min(end, nodeStart + node.data.length) - nodeStart;
    if (to > from) segments.push({ node, start: from, end: to });
  }
  return segments;
}
