// Marks with the CSS Custom Highlight API: one Highlight per category, styled by ::highlight() rules in a constructed
// stylesheet adopted by the document. The DOM is never touched, a strict CSP does not block constructed sheets, and
// page selectors cannot reach our highlight names.
import { CATEGORIES, type Category } from '../core/pack.ts';
import type { Mark, Painter } from './mark-types.ts';

const PREFIX = 'csto-lens-';
const UNKNOWN = 'other' as const;

/** Underline colour per category: readable on light and dark pages alike. */
const COLORS: Record<Category | typeof UNKNOWN, string> = {
  'csto-bodies': '#2f6fdf',
  'member-states': '#1f9d72',
  'former-and-observers': '#b7791f',
  people: '#c0398f',
  organisations: '#6d5bd0',
  media: '#7f8c8d',
  places: '#2b9fb3',
  other: '#2f6fdf',
};

function rulesFor(style: 'underline' | 'background' | 'none'): string {
  if (style === 'none') return '';
  return [...CATEGORIES, UNKNOWN as typeof UNKNOWN]
    .map((category) => {
      const color = COLORS[category];
      const body =
        style === 'underline'
          ? `text-decoration: underline dotted ${color} !important; text-decoration-thickness: 2px !important;`
          : `background-color: color-mix(in srgb, ${color} 28%, transparent) !important;`;
      return `::highlight(${PREFIX}${category}) { ${body} }`;
    })
    .join('\n');
}

export function hasHighlightApi(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export function createHighlightPainter(doc: Document): Painter {
  const highlights = new Map<string, Highlight>();
  let sheet: CSSStyleSheet | null = null;
  let styleElement: HTMLStyleElement | null = null;
  let rules = rulesFor('underline');

  const highlightFor = (mark: Mark): Highlight => {
    const name = PREFIX + (mark.category ?? UNKNOWN);
    let highlight = highlights.get(name);
    if (!highlight) {
      highlight = new Highlight();
      highlights.set(name, highlight);
      CSS.highlights.set(name, highlight);
    }
    return highlight;
  };

  function attach(): void {
    try {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(rules);
      }
      if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      if (doc.adoptedStyleSheets.includes(sheet)) return;
    } catch {
      // Some engines refuse sheets built in a content script's world; a <style> element does the same job.
    }
    if (!styleElement) {
      styleElement = doc.createElement('style');
      styleElement.setAttribute('data-csto-lens-ui', '');
    }
    styleElement.textContent = rules;
    if (!styleElement.isConnected) doc.documentElement.append(styleElement);
  }

  function detach(): void {
    if (sheet && doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    styleElement?.remove();
  }

  return {
    kind: 'highlight',
    add(mark) {
      if (highlights.size === 0) attach();
      highlightFor(mark).add(mark.range);
    },
    remove(mark) {
      highlights.get(PREFIX + (mark.category ?? UNKNOWN))?.delete(mark.range);
    },
    clear() {
      for (const [name, highlight] of highlights) {
        highlight.clear();
        CSS.highlights.delete(name);
      }
      highlights.clear();
      detach();
    },
    setStyle(style) {
      rules = rulesFor(style);
      if (sheet) sheet.replaceSync(rules);
      if (styleElement) styleElement.textContent = rules;
    },
    ensureAttached() {
      if (highlights.size > 0) attach();
    },
    destroy() {
      this.clear();
    },
  };
}
