// Helpers for real-browser card tests: bundle the test harness, look inside the card's CLOSED shadow root through
// the DevTools protocol (page scripts cannot, by design), find words on the page, save screenshots.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, ROOT } from './paths.ts';

/** Bundle tests/browser/harness/card-harness.ts into a fresh directory; returns the directory. */
export async function buildCardHarness(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'csto-lens-harness-'));
  await build({
    entryPoints: [join(ROOT, 'tests/browser/harness/card-harness.ts')],
    outfile: join(outDir, 'card-harness.js'),
    bundle: true,
    format: 'iife',
    target: ['chrome120', 'firefox142'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { __TEST_BUILD__: 'true' },
    logLevel: 'warning',
  });
  return outDir;
}

export interface CardSnapshot {
  /** Hosts on <html> (there must be one at most). */
  hosts: number;
  visible: boolean;
  text: string;
  lang: string;
  dir: string;
  role: string | null;
  labelledBy: string | null;
  label: string;
  rect: { left: number; top: number; right: number; bottom: number; width: number; height: number };
  viewport: { width: number; height: number };
  /** Whether the card's element is what the page would hit at the card's centre (nothing covers it). */
  onTop: boolean;
  /** What the page hits there instead (tag#id), for failure messages. */
  hit: string | null;
  popoverOpen: boolean;
  /** document.activeElement is the card host and the focused element is inside the card. */
  focusInside: boolean;
  pinned: boolean;
  links: Array<{ href: string; target: string; rel: string }>;
  background: string;
  /** 'hidden' while the mention is scrolled out of sight. */
  visibility: string;
  /** The card's entry animation ('none' under reduced motion). */
  animation: string;
  color: string;
  /** Centres of the named controls, in viewport coordinates. */
  controls: Record<string, { x: number; y: number }>;
}

const READ_CARD = `function () {
  const root = this;
  const card = root.querySelector('.card');
  const host = root.host;
  const empty = { left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0 };
  if (!card) return null;
  const r = card.getBoundingClientRect();
  const visible = !card.hidden && r.width > 0 && r.height > 0;
  const centre = (el) => { const b = el.getBoundingClientRect(); return { x: b.left + b.width / 2, y: b.top + b.height / 2 }; };
  const controls = {};
  const pin = root.querySelector('.pin'); if (pin) controls.pin = centre(pin);
  const close = root.querySelector('.close'); if (close) controls.close = centre(close);
  root.querySelectorAll('.chip').forEach((chip) => { controls['related:' + chip.dataset.entity] = centre(chip); });
  const full = root.querySelector('.full'); if (full) controls.full = centre(full);
  const x = r.left + r.width / 2, y = r.top + Math.min(r.height / 2, 20);
  const hit = visible ? document.elementFromPoint(x, y) : null;
  const labelId = card.getAttribute('aria-labelledby');
  const labelEl = labelId ? root.getElementById(labelId) : null;
  const style = getComputedStyle(card);
  return {
    hosts: document.documentElement.querySelectorAll(':scope > csto-lens-card').length,
    visible,
    text: visible ? card.innerText : '',
    lang: card.lang,
    dir: card.dir,
    role: card.getAttribute('role'),
    labelledBy: labelId,
    label: labelEl ? labelEl.textContent : '',
    rect: visible ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height } : empty,
    viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
    onTop: hit === host,
    hit: hit ? hit.tagName + '#' + hit.id : null,
    popoverOpen: host.matches(':popover-open'),
    focusInside: document.activeElement === host && root.activeElement !== null && card.contains(root.activeElement),
    pinned: pin ? pin.getAttribute('aria-pressed') === 'true' : false,
    links: Array.from(root.querySelectorAll('a')).map((a) => ({ href: a.href, target: a.target, rel: a.rel })),
    background: style.backgroundColor,
    animation: style.animationName,
    visibility: style.visibility,
    color: style.color,
    controls,
  };
}`;

/** Scroll a control of the card into the card's view and return its centre (e.g. ".full", ".chip[data-entity=x]"). */
export async function controlPoint(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const point = await inShadow<{ x: number; y: number } | null>(
    page,
    `function (selector) {
      const el = this.querySelector(selector);
      if (!el) return null;
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const b = el.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }`,
    [selector],
  );
  if (!point) throw new Error(`no ${selector} in the card`);
  return point;
}

async function inShadow<T>(page: Page, functionDeclaration: string, args: unknown[] = []): Promise<T | null> {
  const client = await page.context().newCDPSession(page);
  try {
    const { root } = (await client.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const shadow = findHost(root)?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = (await client.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as { object: { objectId: string } };
    const result = (await client.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration,
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
    })) as { result: { value: T | null } };
    return result.result.value;
  } finally {
    await client.detach();
  }
}

/** What the card shows now, read through CDP (which can see closed shadow roots); null when there is no host yet. */
export async function readCard(page: Page): Promise<CardSnapshot | null> {
  return inShadow<CardSnapshot>(page, READ_CARD);
}

interface DomNode {
  nodeName: string;
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

function findHost(node: DomNode): DomNode | null {
  if (node.nodeName === 'CSTO-LENS-CARD') return node;
  for (const child of node.children ?? []) {
    const found = findHost(child);
    if (found) return found;
  }
  return null;
}

/** The client rect (viewport coordinates) of the n-th occurrence of `word` in the page's text. */
export async function wordRect(page: Page, word: string, nth = 0): Promise<{ x: number; y: number; left: number; top: number; right: number; bottom: number }> {
  const rect = await page.evaluate(
    ({ word, nth }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.nodeValue ?? '';
        for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
          if (seen++ < nth) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + word.length);
          const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        }
      }
      return null;
    },
    { word, nth },
  );
  if (!rect) throw new Error(`"${word}" is not on the page`);
  return rect;
}

/** Save a screenshot of the card (with a margin of page around it) to artifacts/screenshots/NAME.png. */
export async function saveCardScreenshot(page: Page, name: string): Promise<string> {
  const card = await readCard(page);
  const dir = join(ARTIFACTS, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  if (!card?.visible) throw new Error(`no card to photograph for ${name}`);
  const margin = 16;
  const x = Math.max(0, card.rect.left - margin);
  const y = Math.max(0, card.rect.top - margin);
  await page.screenshot({
    path,
    clip: {
      x,
      y,
      width: Math.min(card.viewport.width - x, card.rect.width + 2 * margin),
      height: Math.min(card.viewport.height - y, card.rect.height + 2 * margin),
    },
  });
  return path;
}

export function insideViewport(card: CardSnapshot): boolean {
  const { rect, viewport } = card;
  return rect.left >= 0 && rect.top >= 0 && rect.right <= viewport.width + 0.5 && rect.bottom <= viewport.height + 0.5;
}
