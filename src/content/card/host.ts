// The one card host per page: an element on <html> (outside the page's <body>, so body transforms, zoom and
// overflow cannot reach it) with a closed shadow root. Page CSS cannot style inside, our CSS cannot leak out.
// The host goes into the top layer as a manual popover where supported, so no z-index, fullscreen element or
// <dialog> of the page can cover the card; elsewhere it falls back to the highest z-index.
import { CARD_CSS } from './styles.ts';

const HOST_TAG = 'csto-lens-card';
/** The page layer's scanner and watcher skip elements carrying this attribute (src/content/collect.ts on branch page). */
const OWN_UI_ATTRIBUTE = 'data-csto-lens-ui';

// Inline, !important: beats any author rule (even `* { all: unset !important }`), and CSSOM writes are allowed
// under a strict style-src CSP where a style attribute in markup would not be.
const HOST_STYLE: Array<[string, string]> = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['inset', '0 auto auto 0'],
  ['width', '0'],
  ['height', '0'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['overflow', 'visible'],
  ['background', 'transparent'],
  ['display', 'block'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['contain', 'none'],
  ['z-index', '2147483647'],
  ['pointer-events', 'none'],
  ['direction', 'ltr'],
];

export interface CardHost {
  host: HTMLElement;
  root: ShadowRoot;
  /** The element the card is rendered into. */
  mount: HTMLElement;
  /** Put the host back on top of the page (after the page entered fullscreen or opened its own top-layer UI). */
  raise(): void;
  /** Leave the top layer while no card shows. */
  lower(): void;
  /** Move the host where it belongs now: on <html>, or inside the fullscreen element. */
  place(): void;
  setTheme(theme: 'light' | 'dark' | 'auto'): void;
  /** Whether an event target (seen from the page) is the card. */
  contains(target: EventTarget | null): boolean;
  remove(): void;
}

function adoptStyles(root: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CARD_CSS);
    root.adoptedStyleSheets = [sheet];
    return;
  } catch {
    // Firefox content scripts may refuse a sheet built in the extension's compartment: fall back to <style>.
  }
  const style = document.createElement('style');
  style.textContent = CARD_CSS;
  root.append(style);
}

function canPopover(element: HTMLElement): boolean {
  return typeof element.showPopover === 'function';
}

/** A page that zooms <html> would zoom the card with it: undo that, so the card keeps its size and its coordinates
 *  stay those of the viewport. */
function counterZoom(host: HTMLElement): void {
  const html = document.documentElement as HTMLElement & { currentCSSZoom?: number };
  const zoom = html.currentCSSZoom ?? Number.parseFloat(getComputedStyle(html).zoom || '1');
  if (Number.isFinite(zoom) && zoom > 0 && Math.abs(zoom - 1) > 0.001) host.style.setProperty('zoom', String(1 / zoom), 'important');
  else host.style.removeProperty('zoom');
  if (host.style.getPropertyValue('zoom') === '') host.style.setProperty('zoom', '1', 'important');
}

function fullscreenParent(): Element | null {
  const element = document.fullscreenElement;
  if (!element || element instanceof HTMLMediaElement || element instanceof HTMLIFrameElement || element instanceof HTMLCanvasElement) return null;
  return element;
}

export function createCardHost(): CardHost {
  const host = document.createElement(HOST_TAG);
  host.setAttribute(OWN_UI_ATTRIBUTE, '');
  for (const [name, value] of HOST_STYLE) host.style.setProperty(name, value, 'important');
  const root = host.attachShadow({ mode: 'closed' });
  adoptStyles(root);
  const mount = document.createElement('div');
  root.append(mount);
  if (canPopover(host)) host.popover = 'manual';
  document.documentElement.append(host);

  const place = () => {
    // Chromium only hit-tests inside the fullscreen element while there is one: follow it there, and come back.
    const parent = fullscreenParent() ?? document.documentElement;
    if (host.parentNode !== parent) parent.append(host);
  };
  const raise = () => {
    place();
    counterZoom(host);
    if (!canPopover(host)) return;
    try {
      if (host.matches(':popover-open')) host.hidePopover();
      host.showPopover();
    } catch {
      // Not in a document that allows popovers: the z-index still applies.
    }
  };
  raise();

  const lower = () => {
    try {
      if (canPopover(host) && host.matches(':popover-open')) host.hidePopover();
    } catch {
      // Already closed.
    }
  };

  return {
    host,
    root,
    mount,
    raise,
    lower,
    place,
    setTheme: (theme) => host.setAttribute('data-theme', theme),
    contains: (target) => target === host,
    remove: () => host.remove(),
  };
}
