// A page whose web components change their text after the page was read: open shadow roots, one inside another.
// Each step calls a function of the page and names the entities then marked, in document order.

export const LIVE_SHADOW_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live shadow</title></head><body>
<p>Light text about Belarus.</p><live-card id="outer"></live-card><p>Closing words about Kyrgyzstan.</p>
<script>
customElements.define('live-card', class extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = '<p id="status">Waiting for news.</p><inner-note></inner-note>';
  }
});
customElements.define('inner-note', class extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<span>A note with no names.</span>'; }
});
const outer = () => document.getElementById('outer').shadowRoot;
window.update = () => { outer().getElementById('status').firstChild.data = 'Armenia joined the talks.'; };
window.append = () => { const p = document.createElement('p'); p.textContent = 'Tajikistan sent its minister.'; outer().append(p); };
window.nested = () => { outer().querySelector('inner-note').shadowRoot.querySelector('span').textContent = 'A note on Kazakhstan.'; };
window.clear = () => { outer().getElementById('status').remove(); };
</script></body></html>`;

export const LIVE_SHADOW_STEPS: ReadonlyArray<{ change: string; expected: string[] }> = [
  { change: 'load', expected: ['belarus', 'kyrgyzstan'] },
  { change: 'update', expected: ['belarus', 'armenia', 'kyrgyzstan'] },
  { change: 'append', expected: ['belarus', 'armenia', 'tajikistan', 'kyrgyzstan'] },
  { change: 'nested', expected: ['belarus', 'armenia', 'kazakhstan', 'tajikistan', 'kyrgyzstan'] },
  { change: 'clear', expected: ['belarus', 'kazakhstan', 'tajikistan', 'kyrgyzstan'] },
];
