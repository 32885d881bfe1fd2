// Test builds only: let a test page read the card inside its CLOSED shadow root through window messages, because
// Firefox's WebDriver BiDi cannot look inside it (Chromium tests use the DevTools protocol instead). Production
// builds drop this module (`__TEST_BUILD__` is false there).
export const PROBE_SOURCE = 'csto-lens-test';

export interface CardProbe {
  visible: boolean;
  text: string;
  lang: string;
  dir: string;
  role: string | null;
  label: string;
  rect: { left: number; top: number; right: number; bottom: number; width: number; height: number };
  viewport: { width: number; height: number };
  background: string;
  onHtml: boolean;
  /** How the card's stylesheet got in: adopted (constructed sheet) or a <style> element. */
  styles: 'adopted' | 'element' | 'none';
}

export function describeCard(root: ShadowRoot | null): CardProbe | null {
  const card = root?.querySelector<HTMLElement>('.card');
  if (!root || !card) return null;
  const r = card.getBoundingClientRect();
  const visible = !card.hidden && r.width > 0 && r.height > 0;
  const labelId = card.getAttribute('aria-labelledby');
  return {
    visible,
    text: visible ? card.innerText : '',
    lang: card.lang,
    dir: card.dir,
    role: card.getAttribute('role'),
    label: (labelId ? root.getElementById(labelId)?.textContent : '') ?? '',
    rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
    viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
    background: getComputedStyle(card).backgroundColor,
    onHtml: root.host.parentElement === document.documentElement,
    styles: root.adoptedStyleSheets.length > 0 ? 'adopted' : root.querySelector('style') ? 'element' : 'none',
  };
}

export function installCardProbe(root: () => ShadowRoot | null): () => void {
  const listener = (event: MessageEvent) => {
    const data = event.data as { source?: unknown; type?: unknown } | null;
    if (event.source !== window || data?.source !== PROBE_SOURCE || data.type !== 'card') return;
    window.postMessage({ source: `${PROBE_SOURCE}-reply`, type: 'card', payload: describeCard(root()) }, '*');
  };
  window.addEventListener('message', listener);
  return () => window.removeEventListener('message', listener);
}
