// Place the card beside a mention with @floating-ui/dom: a virtual reference from the mention's Range (its client
// rects, so inline() can pick the line the pointer is on when a name wraps), below the name when the card fits
// there, else flipped above, else on the roomier side with its height capped; shifted sideways into the viewport.
import { autoUpdate, computePosition, flip, hide, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom';

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

/** Position `card` at `range` now and whenever the page scrolls or resizes; returns the stop function. */
export function followRange(range: Range, card: HTMLElement, point: PointHint | null): () => void {
  const reference = rangeReference(range);
  const update = () => {
    // flip() must see the card's natural height: the cap from the last placement must not decide the next one.
    card.style.removeProperty('max-height');
    void computePosition(reference, card, {
      strategy: 'fixed',
      // floating-ui reads the card's own `dir`: "start" is the right edge of an Arabic card.
      placement: 'bottom-start',
      middleware: [
        inline(point ?? undefined),
        offset(GAP),
        // Above when it does not fit below; when it fits neither, the side where less of it overflows.
        flip({ padding: MARGIN, fallbackPlacements: ['top-start'], crossAxis: false }),
        // Sideways only: sliding the card over the name it explains would hide the name.
        shift({ padding: MARGIN }),
        size({
          padding: MARGIN,
          // Width is capped by CSS (the viewport less a margin); shift() keeps it inside.
          apply({ availableHeight }) {
            card.style.setProperty('max-height', `${Math.max(100, Math.floor(availableHeight))}px`);
          },
        }),
        // A card whose name has scrolled out of sight would float over unrelated text: hide it until it is back.
        hide({ strategy: 'referenceHidden' }),
      ],
    }).then(({ x, y, middlewareData }) => {
      card.style.setProperty('left', `${Math.round(x)}px`);
      card.style.setProperty('top', `${Math.round(y)}px`);
      card.style.setProperty('visibility', middlewareData.hide?.referenceHidden ? 'hidden' : 'visible');
    });
  };
  return autoUpdate(reference, card, update, { animationFrame: false });
}
