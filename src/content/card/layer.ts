// The card layer: turns pointer, keyboard and command input into hover-intent events, and hover-intent effects
// into a card shown beside the mention. It knows the page only through a MarkSource.
import { render } from 'preact';
import { h } from 'preact';
import type { CardModel } from '../../core/card.ts';
import {
  DEFAULT_TIMINGS,
  hoverStep,
  initialHoverState,
  nextDeadline,
  type HoverEffect,
  type HoverEvent,
  type HoverState,
  type HoverTimings,
} from '../../core/hover-intent.ts';
import { createCardHost, type CardHost } from './host.ts';
import { resolveCardLang, themeAttribute } from './language.ts';
import { followRange, type PointHint } from './position.ts';
import { installCardProbe } from './test-probe.ts';
import type { CardLayer, CardLayerOptions, MarkSource, Mention, OpenOptions } from './types.ts';
import { CardView } from './view.tsx';

export function sameMention(a: Mention | null, b: Mention | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.entity !== b.entity) return false;
  try {
    return (
      a.range.compareBoundaryPoints(Range.START_TO_START, b.range) === 0 && a.range.compareBoundaryPoints(Range.END_TO_END, b.range) === 0
    );
  } catch {
    return false;
  }
}

function reducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function attachCards(source: MarkSource, options: CardLayerOptions): CardLayer {
  let cardHost: CardHost | null = null;
  let card: HTMLElement | null = null;
  let state: HoverState<Mention> = initialHoverState<Mention>();
  let timer: number | undefined;
  let hovered: Mention | null = null;
  let overCard = false;
  let shown: Mention | null = null;
  let stopFollowing: (() => void) | null = null;
  let point: PointHint | null = null;
  let returnFocus: Element | null = null;
  // The entity cards shown for this mention: the mention's own, then related ones opened in place.
  let trail: CardModel[] = [];
  let showToken = 0;
  let shownSerial = 0;
  const models = new Map<string, Promise<CardModel>>();

  const timings = (): HoverTimings => ({ ...DEFAULT_TIMINGS, showMs: Math.max(0, options.preferences().hoverDelayMs) });
  const cardLang = () => resolveCardLang(options.preferences().cardLanguage, options.uiLanguage(), options.pageLang());

  function model(id: string): Promise<CardModel> {
    const request = { id, date: options.published() ?? options.today(), lang: cardLang() };
    const key = `${request.id}|${request.date}|${request.lang}`;
    let promise = models.get(key);
    if (!promise) {
      promise = options.loadModel(request);
      promise.catch(() => models.delete(key));
      models.set(key, promise);
    }
    return promise;
  }

  function ensureHost(): { host: CardHost; card: HTMLElement } {
    if (!cardHost || !card) {
      cardHost = createCardHost();
      card = document.createElement('div');
      card.className = 'card';
      card.setAttribute('role', 'dialog');
      card.setAttribute('aria-modal', 'false');
      card.tabIndex = -1;
      card.hidden = true;
      card.addEventListener('pointerenter', () => {
        overCard = true;
        dispatch({ type: 'enter-card', at: performance.now() });
      });
      card.addEventListener('pointerleave', () => {
        overCard = false;
        dispatch({ type: 'leave-card', at: performance.now() });
      });
      cardHost.mount.append(card);
    }
    return { host: cardHost, card };
  }

  function dispatch(event: HoverEvent<Mention>): void {
    const step = hoverStep(state, event, timings());
    state = step.state;
    for (const effect of step.effects) apply(effect);
    schedule();
  }

  function schedule(): void {
    if (timer !== undefined) window.clearTimeout(timer);
    timer = undefined;
    const deadline = nextDeadline(state, timings());
    if (deadline === null) return;
    timer = window.setTimeout(() => dispatch({ type: 'tick', at: Math.max(performance.now(), deadline) }), Math.max(0, deadline - performance.now()));
  }

  function apply(effect: HoverEffect<Mention>): void {
    if (effect.type === 'prepare') void model(effect.target.entity).catch(() => undefined);
    else if (effect.type === 'show') void show(effect.target, false);
    else hide();
  }

  function paint(): void {
    const current = trail[trail.length - 1];
    if (!card || !current) return;
    card.lang = current.lang;
    card.dir = current.dir;
    card.setAttribute('aria-labelledby', 'csto-lens-card-name');
    card.setAttribute('aria-describedby', 'csto-lens-card-summary');
    render(
      h(CardView, {
        // A new card starts fresh (folded background), even when preact reuses the component.
        key: `${current.id}|${trail.length}|${shownSerial}`,
        model: current,
        pageLang: options.pageLang(),
        pinned: state.pinned,
        canGoBack: trail.length > 1,
        onPin: () => {
          dispatch({ type: state.pinned ? 'unpin' : 'pin', at: performance.now() });
          paint();
        },
        onClose: () => closeCard(),
        onBack: () => {
          trail = trail.slice(0, -1);
          paint();
        },
        onRelated: (id: string) => void openRelated(id),
        onOpenFull: (id: string) => options.openEntity(id),
      }),
      card,
    );
  }

  async function show(mention: Mention, focus: boolean): Promise<void> {
    const token = ++showToken;
    let loaded: CardModel;
    try {
      loaded = await model(mention.entity);
    } catch {
      return;
    }
    // A later show or a hide happened meanwhile.
    if (token !== showToken || state.phase !== 'shown' || state.target !== mention) return;
    const { host, card: element } = ensureHost();
    host.setTheme(themeAttribute(options.preferences().theme));
    host.raise();
    const fresh = !shown;
    shown = mention;
    shownSerial++;
    trail = [loaded];
    if (focus && !returnFocus) returnFocus = document.activeElement;
    stopFollowing?.();
    element.hidden = false;
    element.classList.toggle('entering', fresh && !reducedMotion());
    paint();
    stopFollowing = followRange(mention.range, element, point);
    if (focus) element.focus({ preventScroll: true });
  }

  async function openRelated(id: string): Promise<void> {
    try {
      const related = await model(id);
      trail = [...trail, related];
      paint();
      card?.scrollTo({ top: 0 });
    } catch {
      // Unknown entity: stay on the current card.
    }
  }

  function hide(): void {
    showToken++;
    const hadFocus = cardHost !== null && document.activeElement === cardHost.host;
    stopFollowing?.();
    stopFollowing = null;
    shown = null;
    trail = [];
    overCard = false;
    if (card) {
      render(null, card);
      card.hidden = true;
      card.classList.remove('entering');
    }
    cardHost?.lower();
    const target = returnFocus;
    returnFocus = null;
    if (hadFocus) {
      if (target instanceof HTMLElement && target.isConnected && target !== document.body) target.focus({ preventScroll: true });
      else (document.activeElement as HTMLElement | null)?.blur?.();
    }
  }

  function closeCard(): void {
    dispatch({ type: 'close', at: performance.now() });
  }

  // Pointer: one hit-test per animation frame at most.
  let frame = 0;
  let lastMove: { x: number; y: number; target: EventTarget | null } | null = null;
  function onPointerMove(event: PointerEvent | MouseEvent): void {
    if ('pointerType' in event && event.pointerType === 'touch') return;
    lastMove = { x: event.clientX, y: event.clientY, target: event.target };
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (lastMove) track(lastMove.x, lastMove.y, lastMove.target);
    });
  }

  function track(x: number, y: number, target: EventTarget | null): void {
    if (cardHost?.contains(target)) return; // over the card: its own pointerenter/leave speak for it
    const found = source.mentionAt(x, y);
    if (sameMention(found, hovered)) return;
    const at = performance.now();
    if (hovered) dispatch({ type: 'leave-mark', at });
    hovered = found ? (sameMention(found, shown) ? shown : sameMention(found, state.target) ? state.target : found) : null;
    if (hovered) {
      point = { x, y };
      dispatch({ type: 'enter-mark', target: hovered, at });
    }
  }

  function onPointerOut(event: MouseEvent): void {
    // Left the window.
    if (event.relatedTarget === null && hovered && !overCard) {
      hovered = null;
      dispatch({ type: 'leave-mark', at: performance.now() });
    }
  }

  // Taps are read from pointer events: a page that cancels touchstart suppresses the click, not these.
  let touchStart: { x: number; y: number; at: number } | null = null;
  function onPointerDown(event: PointerEvent): void {
    touchStart = event.pointerType === 'touch' && event.isPrimary ? { x: event.clientX, y: event.clientY, at: event.timeStamp } : null;
  }
  function onPointerUp(event: PointerEvent): void {
    const start = touchStart;
    touchStart = null;
    if (!start || event.pointerType !== 'touch' || cardHost?.contains(event.target)) return;
    const moved = Math.hypot(event.clientX - start.x, event.clientY - start.y);
    if (moved > 10 || event.timeStamp - start.at > 700) return;
    activateAt(event.clientX, event.clientY);
  }

  function onClick(event: MouseEvent): void {
    if (cardHost?.contains(event.target)) return;
    activateAt(event.clientX, event.clientY, event.detail);
  }

  function activateAt(x: number, y: number, clicks = 1): void {
    // The end of a text selection is not a request for a card.
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed && clicks <= 1 && selection.toString().trim() !== '') return;
    const found = source.mentionAt(x, y);
    if (found) {
      if (state.phase === 'shown' && sameMention(found, shown)) return;
      hovered = sameMention(found, hovered) ? hovered : found;
      point = { x, y };
      void openFor(hovered ?? found);
      return;
    }
    if (state.phase === 'shown' && !state.pinned) closeCard();
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || state.phase === 'idle') return;
    const focusInside = cardHost !== null && document.activeElement === cardHost.host;
    dispatch({ type: 'escape', at: performance.now() });
    if (focusInside) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  function onFullscreen(): void {
    if (shown) cardHost?.raise();
    else cardHost?.place();
  }

  const stopProbe = __TEST_BUILD__ ? installCardProbe(() => cardHost?.root ?? null) : () => undefined;

  // Every listener of the layer, added here and removed by destroy() with the same options.
  const listen = { capture: true, passive: true } as const;
  const listeners: Array<[EventTarget, string, EventListener, AddEventListenerOptions]> = [
    [window, 'pointermove', onPointerMove as EventListener, listen],
    [window, 'mousemove', onPointerMove as EventListener, listen],
    [window, 'mouseout', onPointerOut as EventListener, listen],
    [window, 'click', onClick as EventListener, listen],
    [window, 'pointerdown', onPointerDown as EventListener, listen],
    [window, 'pointerup', onPointerUp as EventListener, listen],
    [window, 'keydown', onKeyDown as EventListener, { capture: true }],
    [document, 'fullscreenchange', onFullscreen, {}],
  ];
  for (const [target, type, listener, options] of listeners) target.addEventListener(type, listener, options);

  async function openFor(mention: Mention, open: OpenOptions = {}): Promise<void> {
    const at = performance.now();
    dispatch({ type: 'open', target: mention, at });
    await show(mention, open.focus ?? false);
  }

  async function step(direction: 1 | -1): Promise<void> {
    const all = source.mentions();
    if (all.length === 0) return;
    const from = shown ? all.findIndex((m) => sameMention(m, shown)) : -1;
    let index: number;
    if (from >= 0) index = (from + direction + all.length) % all.length;
    else if (direction === 1) {
      index = all.findIndex((m) => m.range.getBoundingClientRect().bottom > 0);
      if (index < 0) index = 0;
    } else {
      const before = all.map((m) => m.range.getBoundingClientRect().top < window.innerHeight);
      index = before.lastIndexOf(true);
      if (index < 0) index = all.length - 1;
    }
    const mention = all[index]!;
    const anchor = mention.range.startContainer instanceof Element ? mention.range.startContainer : mention.range.startContainer.parentElement;
    anchor?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reducedMotion() ? 'instant' : 'smooth' });
    point = null;
    await openFor(mention, { focus: true });
  }

  return {
    openFor,
    close: closeCard,
    next: () => step(1),
    previous: () => step(-1),
    current: () => shown,
    hasHost: () => cardHost !== null,
    release() {
      if (state.phase !== 'idle') closeCard();
      hide();
      cardHost?.remove();
      cardHost = null;
      card = null;
    },
    destroy() {
      hide();
      if (timer !== undefined) window.clearTimeout(timer);
      if (frame) cancelAnimationFrame(frame);
      for (const [target, type, listener, options] of listeners) target.removeEventListener(type, listener, options);
      stopProbe();
      cardHost?.remove();
      cardHost = null;
      card = null;
      state = initialHoverState<Mention>();
    },
  };
}

