// Generated DOM trees for property tests: a plain-data tree model (fast-check arbitraries), the text runs the content
// script's collector (src/content/collect.ts walkRuns) reads from such a tree, computed here without a DOM, and the
// page that builds the tree in a browser. The model follows walkRuns' rules for the elements generated: inline
// elements join the run of their block, blocks, <br> and skipped elements end it, skipped elements and comments are
// not read, an open shadow root is read in place of its host's light children and its host counts as a block.
import fc from 'fast-check';
import { bundledPack } from '../../src/core/bundled-pack.ts';

export const INLINE = ['b', 'i', 'a', 'span', 'em'] as const;
export const BLOCK = ['p', 'div', 'li', 'h2'] as const;
export const SKIPPED = ['script', 'style', 'code', 'textarea'] as const;

export type TreeNode =
  | { text: string }
  | { comment: string }
  | { tag: string; children: TreeNode[]; shadow?: TreeNode[] };

/** Void elements: <br> ends a run (it is not inline for the collector), <wbr> is inline and empty. */
export const VOID = ['br', 'wbr'] as const;

export interface Forest {
  nodes: TreeNode[];
}

export interface ModelRun {
  text: string;
}

// ---------------------------------------------------------------- text

const names = bundledPack.entities.flatMap((entity) =>
  (['en', 'ru', 'ar'] as const).flatMap((lang) => {
    const n = entity.names[lang];
    return [n.name, ...n.aliases.flatMap((alias) => [alias.text, ...alias.forms])].map((text) => ({ lang, text }));
  }),
);
const AR_CLITICS = ['', 'و', 'ب', 'ل', 'ف', 'ال', 'وال', 'بال', 'لل', 'وب'];
const RU_ENDINGS = ['', 'а', 'у', 'ом', 'е', 'ы', 'ой', 'ами'];
const EN_ENDINGS = ['', "'s", '’s', 's', '-led'];

/** A real name as the press may write it: Arabic clitics before, Russian case endings or English suffixes after. */
const nameInText = fc.constantFrom(...names).chain(({ lang, text }) =>
  lang === 'ar'
    ? fc.constantFrom(...AR_CLITICS).map((clitic) => clitic + text)
    : fc.constantFrom(...(lang === 'ru' ? RU_ENDINGS : EN_ENDINGS)).map((ending) => text + ending),
);

const WORDS = ['the', 'Minister', 'said', 'в', 'Москве', 'заявил', 'министр', 'قال', 'الوزير', 'في', 'اجتماع', 'summit', 'Georgia,', 'Atlanta,'];
const SEPARATORS = [' ', ' ', ' ', '\n', '. ', ', ', '\u00A0', '«', '»', '"', '(', ')', '،', '؛', '-', '—'];
/** Marks, controls and characters that test offsets: tashkeel, stress, tatweel, bidi, ZWJ/ZWNJ, emoji, surrogates. */
const ODD = [
  '\u064E', '\u0651', '\u0670', '\u0301', '\u0308', '\u0640', '\u200C', '\u200D', '\u200E', '\u200F',
  '\u202A', '\u202B', '\u202C', '\u202E', '\u2066', '\u2067', '\u2069', '\u061C', '\uFEFF',
  '😀', '👨‍👩‍👧', '🇷🇺', '𝐂', 'ﬁ', 'ﻻ', '\uD800', '\uDC00', 'ё', 'й', 'ي', 'ى', 'ة', 'أ', 'إ', 'آ',
];
const letters = (from: number, to: number) => fc.string({ unit: fc.integer({ min: from, max: to }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 8 });

const piece = fc.oneof(
  { weight: 4, arbitrary: nameInText },
  { weight: 4, arbitrary: fc.constantFrom(...SEPARATORS) },
  { weight: 2, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: letters(0x0621, 0x064a) },
  { weight: 1, arbitrary: letters(0x0410, 0x044f) },
  { weight: 1, arbitrary: letters(0x61, 0x7a) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);

/** The data of one Text node: empty sometimes (walkRuns skips those), a name cut across nodes often. */
export const textData = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));

// ---------------------------------------------------------------- trees

export function forestArbitrary(options: { maxDepth?: number; maxChildren?: number } = {}): fc.Arbitrary<Forest> {
  const maxDepth = options.maxDepth ?? 4;
  const maxChildren = options.maxChildren ?? 5;
  const { node } = fc.letrec<{ node: TreeNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', maxDepth, withCrossShrink: true },
      { weight: 5, arbitrary: textData.map((text): TreeNode => ({ text })) },
      { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...VOID).map((tag): TreeNode => ({ tag, children: [] })), fc.constant<TreeNode>({ comment: ' note ' })) },
      { weight: 3, arbitrary: fc.record({ tag: fc.constantFrom(...INLINE), children: fc.array(tie('node'), { maxLength: maxChildren }) }) },
      { weight: 3, arbitrary: fc.record({ tag: fc.constantFrom(...BLOCK), children: fc.array(tie('node'), { maxLength: maxChildren }) }) },
      {
        weight: 1,
        arbitrary: fc.record({ tag: fc.constantFrom(...SKIPPED), children: fc.array(textData.map((text): TreeNode => ({ text })), { maxLength: 2 }) }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          tag: fc.constantFrom('div', 'span'),
          children: fc.array(tie('node'), { maxLength: 2 }),
          shadow: fc.array(tie('node'), { minLength: 1, maxLength: maxChildren }),
        }),
      },
    ),
  }));
  return fc.array(node, { minLength: 1, maxLength: 6 }).map((nodes) => withDescription({ nodes }));
}

/** fast-check prints a counterexample with this: pseudo-HTML, invisible characters written as <U+XXXX>. */
function withDescription(forest: Forest): Forest {
  Object.defineProperty(forest, fc.toStringMethod, { value: () => `\n${describeForest(forest)}\n`, enumerable: false });
  return forest;
}

const VISIBLE = /^[\p{L}\p{N}\p{P}\p{S} ]$/u;

export function describeText(text: string): string {
  let out = '';
  for (const ch of text) {
    if (VISIBLE.test(ch) && !/\p{Cf}/u.test(ch)) out += ch;
    else out += [...ch].map((c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`).join('');
  }
  return out;
}

export function describeForest(forest: Forest): string {
  const lines: string[] = [];
  const visit = (node: TreeNode, indent: string) => {
    if ('text' in node) {
      lines.push(`${indent}"${describeText(node.text)}"`);
      return;
    }
    if ('comment' in node) {
      lines.push(`${indent}<!--${node.comment}-->`);
      return;
    }
    lines.push(`${indent}<${node.tag}>`);
    for (const child of node.children) visit(child, `${indent}  `);
    if (node.shadow) {
      lines.push(`${indent}  #shadow-root (open)`);
      for (const child of node.shadow) visit(child, `${indent}    `);
    }
    lines.push(`${indent}</${node.tag}>`);
  };
  for (const node of forest.nodes) visit(node, '');
  return lines.join('\n');
}

// ---------------------------------------------------------------- the collector's model

/** The runs walkRuns reads from a forest placed directly in the text root, in document order (whitespace-only ones dropped). */
export function modelRuns(forest: Forest): ModelRun[] {
  const runs: ModelRun[] = [];
  let current: string | null = null;
  const flush = () => {
    if (current !== null && /\S/.test(current)) runs.push({ text: current });
    current = null;
  };
  const visit = (node: TreeNode) => {
    if ('text' in node) {
      if (node.text.length > 0) current = (current ?? '') + node.text;
      return;
    }
    if ('comment' in node) return;
    const inline = ([...INLINE, 'wbr'] as string[]).includes(node.tag) && !node.shadow;
    if (!inline) flush();
    if ((SKIPPED as readonly string[]).includes(node.tag) || node.tag === 'br') return;
    for (const child of node.shadow ?? node.children) visit(child);
    if (!inline) flush();
  };
  for (const node of forest.nodes) visit(node);
  flush();
  return runs;
}

// ---------------------------------------------------------------- edits after marking

/**
 * A change a page makes to itself: on the i-th Text node of the light DOM in tree order (skipped elements included,
 * shadow trees not: the page watcher observes the document only), or a new top-level node after the tree.
 */
export type Edit =
  | { kind: 'set'; index: number; text: string }
  | { kind: 'insert'; index: number; text: string }
  | { kind: 'remove'; index: number }
  /** Put an element before the i-th Text node: a block or <br> splits a line, a skipped element too. */
  | { kind: 'insertElement'; index: number; node: TreeNode }
  /** Remove the i-th element of the light DOM in tree order (a framework dropping a node it rendered). */
  | { kind: 'removeElement'; index: number }
  | { kind: 'append'; node: TreeNode };

/** The light-DOM Text nodes of a forest, in tree order, with the list that holds each. */
function lightTextSlots(nodes: TreeNode[]): Array<{ list: TreeNode[]; at: number }> {
  const out: Array<{ list: TreeNode[]; at: number }> = [];
  const visit = (list: TreeNode[]) => {
    list.forEach((node, at) => {
      if ('text' in node) out.push({ list, at });
      else if ('tag' in node) visit(node.children);
    });
  };
  visit(nodes);
  return out;
}

/** The light-DOM elements of a forest, in tree order, with the list that holds each. */
function lightElementSlots(nodes: TreeNode[]): Array<{ list: TreeNode[]; at: number }> {
  const out: Array<{ list: TreeNode[]; at: number }> = [];
  const visit = (list: TreeNode[]) => {
    list.forEach((node, at) => {
      if (!('tag' in node)) return;
      out.push({ list, at });
      visit(node.children);
    });
  };
  visit(nodes);
  return out;
}

export function lightTextCount(forest: Forest): number {
  return lightTextSlots(forest.nodes).length;
}

/** The forest after the edits, applied one after the other (a pure copy; the page applies the same in EDIT_SOURCE). */
export function applyEdits(forest: Forest, edits: Edit[]): Forest {
  const nodes = structuredClone(forest.nodes);
  for (const edit of edits) {
    if (edit.kind === 'append') {
      nodes.push(structuredClone(edit.node));
      continue;
    }
    if (edit.kind === 'removeElement') {
      const slot = lightElementSlots(nodes)[edit.index];
      slot?.list.splice(slot.at, 1);
      continue;
    }
    const slot = lightTextSlots(nodes)[edit.index];
    if (!slot) continue;
    if (edit.kind === 'set') slot.list[slot.at] = { text: edit.text };
    else if (edit.kind === 'insert') slot.list.splice(slot.at, 0, { text: edit.text });
    else if (edit.kind === 'insertElement') slot.list.splice(slot.at, 0, structuredClone(edit.node));
    else slot.list.splice(slot.at, 1);
  }
  return withDescription({ nodes });
}

/** A forest and a few edits the page makes to it once it is marked. */
export function editedForestArbitrary(): fc.Arbitrary<{ forest: Forest; edits: Edit[] }> {
  return forestArbitrary().chain((forest) => {
    const count = lightTextCount(forest);
    const index = fc.nat({ max: Math.max(0, count + 2) });
    const edit: fc.Arbitrary<Edit> = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), index, text: textData }),
      fc.record({ kind: fc.constant('insert' as const), index, text: textData }),
      fc.record({ kind: fc.constant('remove' as const), index }),
      fc.record({ kind: fc.constant('removeElement' as const), index: fc.nat({ max: 12 }) }),
      fc.record({
        kind: fc.constant('insertElement' as const),
        index,
        node: fc.constantFrom<TreeNode>({ tag: 'br', children: [] }, { tag: 'p', children: [{ text: ' Minsk ' }] }, { tag: 'script', children: [{ text: 'x' }] }, { tag: 'b', children: [{ text: 'ов' }] }),
      }),
      forestArbitrary({ maxDepth: 2 }).map((f): Edit => ({ kind: 'append', node: f.nodes[0]! })),
    );
    return fc.record({ forest: fc.constant(forest), edits: fc.array(edit, { minLength: 1, maxLength: 4 }) });
  });
}

// ---------------------------------------------------------------- the page

/**
 * A page whose script builds the forest into <body> at DOMContentLoaded (before the content script runs at
 * document_idle), with DOM calls rather than markup, so the parser cannot rearrange it, then keeps a snapshot of
 * the page (outerHTML and every open shadow root's innerHTML) in window.__before and its Text nodes in
 * window.__beforeNodes.
 */
export function forestPage(forest: Forest, extraBlocks: TreeNode[] = []): string {
  const data = JSON.stringify([...forest.nodes, ...extraBlocks]).replace(/</g, '\\u003c');
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>generated</title><script>
${BUILD_SOURCE}
document.addEventListener('DOMContentLoaded', () => { build(document.body, ${data}); window.__before = snapshot(); window.__beforeNodes = textNodes(); });
</script></head><body></body></html>`;
}

/** Runs in the page: build(parent, nodes) and snapshot(). Plain JS, so nothing of the test's transpiler leaks in. */
export const BUILD_SOURCE = String.raw`
function build(parent, nodes) {
  for (const node of nodes) {
    if ('text' in node) { parent.appendChild(document.createTextNode(node.text)); continue; }
    if ('comment' in node) { parent.appendChild(document.createComment(node.comment)); continue; }
    const element = document.createElement(node.tag);
    // A script made by DOM calls runs when connected: give it a type no engine runs.
    if (node.tag === 'script') element.type = 'text/x-generated';
    build(element, node.children);
    if (node.shadow) build(element.attachShadow({ mode: 'open' }), node.shadow);
    parent.appendChild(element);
  }
}
function shadowHosts(root) {
  const out = [];
  const walk = (r) => { for (const el of r.querySelectorAll('*')) if (el.shadowRoot) { out.push(el); walk(el.shadowRoot); } };
  walk(root);
  return out;
}
/** Every Text node of the page, shadow trees included, in tree order: the wrapper fallback must give back these very nodes. */
function textNodes() {
  const out = [];
  const walk = (root) => {
    for (let node = root.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) out.push(node);
      walk(node);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
  };
  walk(document);
  return out;
}
/** The page's side of applyEdits: the forest's top-level nodes are the first count children of <body>. */
function lightTextNodes(nodes) {
  const out = [];
  const walk = (node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out.push(child);
      else if (child.nodeType === 1) walk(child);
    }
  };
  for (const node of nodes) {
    if (node.nodeType === 3) out.push(node);
    else if (node.nodeType === 1) walk(node);
  }
  return out;
}
function lightElements(nodes) {
  const out = [];
  const walk = (node) => {
    out.push(node);
    for (let child = node.firstElementChild; child; child = child.nextElementSibling) walk(child);
  };
  for (const node of nodes) if (node.nodeType === 1) walk(node);
  return out;
}
function applyEdits(count, edits) {
  for (const edit of edits) {
    const top = [...document.body.childNodes].slice(0, count);
    if (edit.kind === 'removeElement') {
      const target = lightElements(top)[edit.index];
      if (!target) continue;
      if (target.parentNode === document.body) count--;
      target.remove();
      continue;
    }
    if (edit.kind === 'append') {
      const holder = document.createDocumentFragment();
      build(holder, [edit.node]);
      document.body.insertBefore(holder, document.body.childNodes[count] ?? null);
      count++;
      continue;
    }
    const target = lightTextNodes(top)[edit.index];
    if (!target) continue;
    const topLevel = target.parentNode === document.body;
    if (edit.kind === 'set') target.data = edit.text;
    else if (edit.kind === 'insert') target.before(document.createTextNode(edit.text));
    else if (edit.kind === 'insertElement') {
      const holder = document.createDocumentFragment();
      build(holder, [edit.node]);
      target.before(holder);
    } else target.remove();
    if (topLevel && (edit.kind === 'insert' || edit.kind === 'insertElement')) count++;
    if (topLevel && edit.kind === 'remove') count--;
  }
  window.__before = snapshot();
  window.__beforeNodes = textNodes();
}
function snapshot() {
  return { html: document.documentElement.outerHTML, shadows: shadowHosts(document).map((host) => host.shadowRoot.innerHTML) };
}
`;
