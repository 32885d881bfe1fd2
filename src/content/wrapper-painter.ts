// Fallback where CSS.highlights is missing: wrap each mention piece in a <csto-lens-mark> element (a custom element
// name, so page rules for span/mark do not hit it). Every split is recorded and undone in reverse order by putting
// the text back into the original node: no normalize(), which would also merge the page's own adjacent text nodes.
import { segmentsOf } from './collect.ts';
import type { Mark, Painter } from './mark-types.ts';

export const WRAPPER_TAG = 'csto-lens-mark';

interface Wrap {
  element: HTMLElement;
  /** The page's own node, which keeps the text before the mention. */
  original: Text;
  middle: Text;
  after: Text;
}

const STYLES = {
  underline: { textDecoration: 'underline dotted', backgroundColor: '' },
  background: { textDecoration: '', backgroundColor: 'rgba(47, 111, 223, 0.22)' },
  none: { textDecoration: '', backgroundColor: '' },
};

export function createWrapperPainter(doc: Document, onOwnChange: (work: () => void) => void): Painter {
  const wraps = new Map<Mark, Wrap[]>();
  const owners = new WeakMap<Element, Mark>();
  let style: keyof typeof STYLES = 'underline';

  function paint(element: HTMLElement): void {
    // Through CSSOM (allowed under any CSP), and `all`-proof by being explicit about what we set.
    element.style.setProperty('text-decoration', STYLES[style].textDecoration, 'important');
    element.style.setProperty('background-color', STYLES[style].backgroundColor, 'important');
    element.style.setProperty('display', 'inline', 'important');
  }

  function unwrap(wrap: Wrap): void {
    const { element, original, middle, after } = wrap;
    if (element.parentNode) element.replaceWith(middle);
    original.data = original.data + middle.data + after.data;
    middle.remove();
    after.remove();
  }

  return {
    kind: 'wrapper',
    add(mark) {
      onOwnChange(() => {
        const created: Wrap[] = [];
        for (const segment of segmentsOf(mark.run, mark.start, mark.end)) {
          const original = segment.node;
          const after = original.splitText(segment.end);
          const middle = original.splitText(segment.start);
          const element = doc.createElement(WRAPPER_TAG);
          paint(element);
          owners.set(element, mark);
          middle.replaceWith(element);
          element.append(middle);
          created.push({ element, original, middle, after });
        }
        wraps.set(mark, created);
        // The range now lies in the new nodes; hit-testing uses the element itself.
        if (created.length > 0) {
          const last = created[created.length - 1]!;
          mark.range = new StaticRange({ startContainer: created[0]!.middle, startOffset: 0, endContainer: last.middle, endOffset: last.middle.data.length });
        }
      });
    },
    remove(mark) {
      const created = wraps.get(mark);
      if (!created) return;
      wraps.delete(mark);
      onOwnChange(() => {
        for (let i = created.length - 1; i >= 0; i--) unwrap(created[i]!);
      });
    },
    clear() {
      const all = [...wraps.values()];
      wraps.clear();
      onOwnChange(() => {
        for (let m = all.length - 1; m >= 0; m--) {
          const created = all[m]!;
          for (let i = created.length - 1; i >= 0; i--) unwrap(created[i]!);
        }
      });
    },
    setStyle(next) {
      style = next;
      for (const created of wraps.values()) for (const wrap of created) paint(wrap.element);
    },
    ensureAttached() {},
    markOfElement: (element) => owners.get(element) ?? null,
    destroy() {
      this.clear();
    },
  };
}
