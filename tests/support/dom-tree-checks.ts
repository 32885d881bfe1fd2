// What the real-browser property tests over generated trees compare (Chromium: tests/browser/dom-properties.test.ts,
// Firefox: tests/firefox/dom-properties.test.ts): the marks the core predicts for a tree, and two functions that run
// in the page (given to page.evaluate by playwright or puppeteer) to read the marks and check the page is restored.
import { bundledPack } from '../../src/core/bundled-pack.ts';
import { buildLexicon } from '../../src/core/lexicon.ts';
import { compileMatcher } from '../../src/core/matcher.ts';
import { modelRuns, type Forest, type TreeNode } from './dom-trees.ts';

const matcher = compileMatcher(buildLexicon(bundledPack).lexicon);

/** A last block with a name no generated text can swallow: once it is marked, the whole tree has been read. */
export const SENTINEL: TreeNode = { tag: 'p', children: [{ text: 'Sentinel: Reuters.' }] };
export const SENTINEL_TEXT = 'Reuters';

/**
 * Empty inline elements that take a page over the scanner's short-page limit (400 elements), so it reads the blocks in
 * the viewport first and splices their runs in later: the generated tree is at the top, on screen.
 */
export const PADDING: TreeNode = { tag: 'div', children: Array.from({ length: 450 }, () => ({ tag: 'i', children: [] })) };

/** The blocks after the generated tree: every other page is padded into a long one. */
export const tail = (n: number): TreeNode[] => (n % 4 < 2 ? [SENTINEL] : [PADDING, SENTINEL]);

/** What the content script must mark on the page of `forest` + `after`: the core on the collector's runs, in document order. */
export function predicted(forest: Forest, after: TreeNode[] = [SENTINEL]): Array<{ entity: string; text: string }> {
  const runs = modelRuns({ nodes: [...forest.nodes, ...after] });
  const scans = runs.map((run) => matcher.scanBlock(run.text).candidates);
  return matcher.resolveDocument(scans).map((m) => ({ entity: m.entity, text: m.text }));
}

/** In the page: the text of every mark, from CSS.highlights (sorted) or from the wrappers in tree order (shadow roots included). */
export function pageMarkTexts(kind: 'highlight' | 'wrapper'): { texts: string[]; names: string[] } {
  if (kind === 'highlight') {
    const texts: string[] = [];
    const names: string[] = [];
    (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.forEach((highlight, name) => {
      names.push(name);
      for (const r of highlight) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        texts.push(live.toString());
      }
    });
    return { texts: texts.sort(), names };
  }
  const texts: string[] = [];
  const walk = (root: Node) => {
    for (let node = root.firstChild; node; node = node.nextSibling) {
      if (node instanceof Element && node.localName === 'csto-lens-mark') texts.push(node.textContent ?? '');
      else if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
      else walk(node);
    }
  };
  walk(document.body);
  return { texts, names: [] };
}

/**
 * In the page: is the page as the generator built it? Its outerHTML and every open shadow root's HTML, and the very
 * Text nodes it had, in the same order (outerHTML alone would not see a node left split in two). See BUILD_SOURCE.
 */
export function pageUnchanged(): { html: boolean; textNodes: boolean } {
  const w = window as unknown as { __before: unknown; __beforeNodes: Text[]; snapshot(): unknown; textNodes(): Text[] };
  const now = w.textNodes();
  return {
    html: JSON.stringify(w.snapshot()) === JSON.stringify(w.__before),
    textNodes: now.length === w.__beforeNodes.length && now.every((node, i) => node === w.__beforeNodes[i]),
  };
}
