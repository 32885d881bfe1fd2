// Place the card beside a mention with @floating-ui/dom: a virtual reference from the mention's Range (its client
// rects, so inline() can pick the line the pointer is on when a name wraps), below the name when the card fits
// there, else above, else on the roomier side with its height capped; shifted sideways to stay in the viewport.
import { autoUpdate, computePosition, inline, offset, shift, size, type Placement, type VirtualElement } from '@floating-ui/dom';

const MARGIN = 8;
const GAP = 6;

export function rangeReference(range: Range): VirtualElement {
  const context = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    ...(context ? { contextElement: context } : {}),
  };
}

export interface PointHint {
  x: number;
  y: number;
}

/** The line box of the name nearest the pointer (a wrapped name has several). */
function anchorRect(range: Range, point: PointHint | null): DOMRect {
  const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 || r.height > 0);
  if (rects.length === 0) return range.getBoundingClientRect();
  if (!point) return rects[0]!;
  const distance = (r: DOMRect) => Math.abs(Math.min(Math.max(point.y, r.top), r.bottom) - point.y);
  return rects.reduce((best, r) => (distance(r) < distance(best) ? r : best));
}

/** Below if the whole card fits there, else above if it fits there, else the side with more room. */
export function chooseSide(anchor: { top: number; bottom: number }, cardHeight: number, viewportHeight: number): 'bottom' | 'top' {
  const below = viewportHeight - anchor.bottom - GAP - MARGIN;
  const above = anchor.top - GAP - MARGIN;
  if (cardHeight <= below) return 'bottom';
  if (cardHeight <= above) return 'top';
  return below >= above ? 'bottom' : 'top';
}

/** Position `card` at `range` now and whenever the page scrolls or resizes; returns the stop function. */
export function followRange(range: Range, card: HTMLElement, point: PointHint | null): () => void {
  const reference = rangeReference(range);
  const update = () => {
    // Measure the card's natural height: the cap from the last placement must not decide the next one.
    card.style.removeProperty('max-height');
    const natural = card.scrollHeight + 2;
    const side = chooseSide(anchorRect(range, point), natural, window.innerHeight);
    // floating-ui reads the card's own `dir`: "start" is the right edge of an Arabic card.
    const placement: Placement = `${side}-start`;
    void computePosition(reference, card, {
      strategy: 'fixed',
      placement,
      middleware: [
        inline(point ?? undefined),
        offset(GAP),
        // Sideways only: sliding the card over the name it explains would hide the name.
        shift({ padding: MARGIN }),
        size({
          padding: MARGIN,
          // Width is capped by CSS (the viewport less a margin); shift() keeps it inside.
          apply({ availableHeight }) {
            card.style.setProperty('max-height', `${Math.max(100, Math.floor(availableHeight))}px`);
          },
        }),
      ],
    }).then(({ x, y }) => {
      card.style.setProperty('left', `${Math.round(x)}px`);
      card.style.setProperty('top', `${Math.round(y)}px`);
    });
  };
  return autoUpdate(reference, card, update, { animationFrame: false });
}
