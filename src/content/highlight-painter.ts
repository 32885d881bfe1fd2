// Marks with the CSS Custom Highlight API: one Highlight per category, styled by ::highlight() rules in a constructed
// stylesheet adopted by the document. The DOM is never touched, a strict CSP does not block constructed sheets, and
// page selectors cannot reach our highlight names.
// CSS.highlights is shared with the page, so the names are random per page (no fixed name a page could probe for, or
// use to tell this extension from others) and stay the same for the life of the page.
import { CATEGORIES, type Category } from '../core/pack.ts';
import type { Mark, Painter } from './mark-types.ts';

const UNKNOWN = 'other' as const;
type NameKey = Category | typeof UNKNOWN;

/** A CSS identifier of 12 random lower-case letters (a letter first, so ::highlight() accepts it). */
function randomIdent(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let name = '';
  for (const byte of bytes) name += String.fromCharCode(97 + (byte % 26));
  return name;
}

/** One unrelated random name per category: no shared prefix or suffix ties them together. */
export function randomHighlightNames(): Record<NameKey, string> {
  const names = {} as Record<NameKey, string>;
  for (const key of [...CATEGORIES, UNKNOWN]) names[key] = randomIdent();
  return names;
}

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

function rulesFor(style: 'underline' | 'background' | 'none', names: Record<NameKey, string>): string {
  if (style === 'none') return '';
  return [...CATEGORIES, UNKNOWN as typeof UNKNOWN]
    .map((category) => {
      const color = COLORS[category];
      const body =
        style === 'underline'
          ? `text-decoration: underline dotted ${color} !important; text-decoration-thickness: 2px !important;`
          : `background-color: color-mix(in srgb, ${color} 28%, transparent) !important;`;
      return `::highlight(${names[category]}) { ${body} }`;
    })
    .join('\n');
}

export function hasHighlightApi(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export function createHighlightPainter(doc: Document, names: Record<NameKey, string> = randomHighlightNames()): Painter & { names: Record<NameKey, string> } {
  const highlights = new Map<string, Highlight>();
  let sheet: CSSStyleSheet | null = null;
  let styleElement: HTMLStyleElement | null = null;
  let rules = rulesFor('underline', names);

  const highlightFor = (mark: Mark): Highlight => {
    const name = names[mark.category ?? UNKNOWN];
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
    // No marker attribute: <style> is never read as text, and a fixed attribute name would be one more thing to probe.
    styleElement ??= doc.createElement('style');
    styleElement.textContent = rules;
    if (!styleElement.isConnected) doc.documentElement.append(styleElement);
  }

  function detach(): void {
    if (sheet && doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    styleElement?.remove();
  }

  return {
    kind: 'highlight',
    names,
    add(mark) {
      if (highlights.size === 0) attach();
      highlightFor(mark).add(mark.range);
    },
    remove(mark) {
      highlights.get(names[mark.category ?? UNKNOWN])?.delete(mark.range);
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
      rules = rulesFor(style, names);
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
