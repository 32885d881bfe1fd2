// Hostile fixture pages for the adversarial real-browser suites (tests/browser/hostile-pages.test.ts and
// tests/firefox/hostile.test.ts). Every sentence here is our own writing; each lists the entities it names, in order.
// Pages are plain HTML strings, served by the static server's setPage.

export interface Sentence {
  lang: 'en' | 'ru' | 'ar';
  text: string;
  entities: string[];
}

export const SENTENCES: Sentence[] = [
  { lang: 'en', text: 'The CSTO met in Moscow on Monday, where Putin spoke about the alliance.', entities: ['csto', 'moscow', 'putin'] },
  { lang: 'en', text: 'Lavrov said Armenia and Kazakhstan would send their ministers to the talks.', entities: ['lavrov', 'armenia', 'kazakhstan'] },
  { lang: 'ru', text: 'Совет ОДКБ собрался в Душанбе, сообщил Лавров журналистам.', entities: ['csto', 'dushanbe', 'lavrov'] },
  { lang: 'ru', text: 'Путин и Токаев обсудили ситуацию в Центральной Азии.', entities: ['putin', 'tokayev', 'central-asia'] },
  { lang: 'ar', text: 'قالت منظمة معاهدة الأمن الجماعي إن روسيا وأرمينيا ستشاركان في التدريبات.', entities: ['csto', 'russia', 'armenia'] },
  { lang: 'ar', text: 'وصل لافروف إلى أستانا للقاء الرئيس توكاييف.', entities: ['lavrov', 'astana', 'tokayev'] },
];

/** Text that names nothing, to fill big pages. */
export const FILLER: Record<Sentence['lang'], string> = {
  en: 'Traders said the markets were calm today and the weather stayed mild across the region.',
  ru: 'Торги на бирже прошли спокойно, а погода в регионе оставалась мягкой.',
  ar: 'قال التجار إن الأسواق كانت هادئة اليوم وإن الطقس بقي معتدلا في المنطقة.',
};

export function paragraph(sentence: Sentence, attributes = ''): string {
  const dir = sentence.lang === 'ar' ? ' dir="rtl"' : '';
  return `<p lang="${sentence.lang}"${dir}${attributes}>${sentence.text}</p>`;
}

export function htmlPage(options: { lang?: string; head?: string; body: string; title?: string; htmlAttributes?: string }): string {
  return `<!doctype html><html lang="${options.lang ?? 'en'}"${options.htmlAttributes ?? ''}><head><meta charset="utf-8"><title>${options.title ?? 'Hostile page'}</title>
<meta property="article:published_time" content="2024-05-01T10:00:00Z">${options.head ?? ''}</head><body>${options.body}</body></html>`;
}

/** A short article in all three languages: every sentence once, in order. */
export function trilingualArticle(extra = ''): { html: string; entities: string[] } {
  const body = `<article><h1 data-key="title">Security talks</h1>${SENTENCES.map((s, i) => paragraph(s, ` data-key="p${i}"`)).join('\n')}${extra}</article>`;
  return { html: body, entities: SENTENCES.flatMap((s) => s.entities) };
}

/** About `chars` characters of mixed ar/en/ru paragraphs, one named sentence in every `every` paragraphs. */
export function hugeArticle(chars: number, every = 10): { html: string; entities: string[]; textLength: number } {
  const langs = ['en', 'ru', 'ar'] as const;
  const parts: string[] = [];
  const entities: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const lang = langs[i % 3]!;
    const named = i % every === 0;
    const sentence = named ? SENTENCES[(i / every) % SENTENCES.length]! : null;
    const text = sentence ? `${FILLER[sentence.lang]} ${sentence.text}` : `${FILLER[lang]} ${FILLER[lang]}`;
    const pLang = sentence?.lang ?? lang;
    parts.push(`<p lang="${pLang}"${pLang === 'ar' ? ' dir="rtl"' : ''}>${text}</p>`);
    if (sentence) entities.push(...sentence.entities);
    length += text.length;
  }
  return { html: `<article><h1>Long read</h1>${parts.join('\n')}</article>`, entities, textLength: length };
}

/** An infinite-scroll feed that appends `batches` x `perBatch` paragraphs. */
export function infiniteScrollPage(batches: number, perBatch: number, intervalMs: number): { html: string; entities: string[] } {
  // Paragraph k names SENTENCES[k % 6] when k % 25 === 0; the rest are filler. Each paragraph is one text node.
  const entities: string[] = [];
  for (let k = 0; k < batches * perBatch; k++) if (k % 25 === 0) entities.push(...SENTENCES[(k / 25) % SENTENCES.length]!.entities);
  const script = `<script>
(() => {
  const sentences = ${JSON.stringify(SENTENCES.map((s) => [s.lang, s.text]))};
  const filler = ${JSON.stringify(FILLER)};
  const feed = document.getElementById('feed');
  const state = window.__pageState = { appended: 0, ticks: 0, maxGap: 0, done: false };
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    state.maxGap = Math.max(state.maxGap, now - last);
    last = now;
    state.ticks++;
  }, 16);
  let k = 0;
  let batch = 0;
  const timer = setInterval(() => {
    // One <section> per batch, as feeds load pages of items (and the page's own layout stays light).
    const fragment = document.createElement('section');
    for (let i = 0; i < ${perBatch}; i++, k++) {
      const p = document.createElement('p');
      const named = k % 25 === 0 ? sentences[(k / 25) % sentences.length] : null;
      const lang = named ? named[0] : ['en', 'ru', 'ar'][k % 3];
      p.lang = lang;
      if (lang === 'ar') p.dir = 'rtl';
      p.textContent = named ? named[1] : filler[lang];
      fragment.appendChild(p);
    }
    feed.appendChild(fragment);
    state.appended = k;
    if (++batch === ${batches}) { clearInterval(timer); clearInterval(ticker); state.done = true; }
  }, ${intervalMs});
})();
</script>`;
  return { html: `<main><h1>Feed</h1><div id="feed"></div></main>${script}`, entities };
}

/** The DOM nested `depth` deep, built by the page (the HTML parser caps nesting), with names at the bottom. */
export function deepPage(depth: number): { html: string; entities: string[] } {
  const bottom = [SENTENCES[0]!, SENTENCES[2]!, SENTENCES[4]!];
  // Chromium's own layout crashes the tab past ~2,500 nested boxes (extension or not): the chain lays out as
  // display: contents, so the DOM is 5,000 deep while the boxes are not.
  const script = `<script>
(() => {
  let parent = document.getElementById('deep');
  for (let i = 0; i < ${depth}; i++) { const next = document.createElement(i % 10 === 9 ? 'section' : 'div'); parent.appendChild(next); parent = next; }
  parent.insertAdjacentHTML('beforeend', ${JSON.stringify(bottom.map((s, i) => paragraph(s, ` data-key="bottom${i}"`)).join(''))});
  let levels = 0;
  for (let e = parent; e; e = e.parentElement) levels++;
  window.__pageState = { levels };
})();
</script>`;
  return {
    html: `<style>#deep div, #deep section { display: contents; }</style><main><h1 data-key="title">Deep page</h1><div id="deep"></div></main>${script}`,
    entities: bottom.flatMap((s) => s.entities),
  };
}

/** A paragraph the page rewrites every `everyMs` (a runaway ticker), among stable ones. */
export function mutatingPage(everyMs: number): { html: string; stable: string[]; tickerEntities: string[] } {
  const stable = trilingualArticle(`<p id="ticker" data-key="ticker">Update 0: Belarus and Serbia</p>`);
  const script = `<script>
(() => {
  const state = window.__pageState = { rewrites: 0 };
  const ticker = document.getElementById('ticker');
  const timer = setInterval(() => { ticker.textContent = 'Update ' + (++state.rewrites) + ': Belarus and Serbia'; }, ${everyMs});
  window.__stop = () => clearInterval(timer);
})();
</script>`;
  return { html: stable.html + script, stable: stable.entities, tickerEntities: ['belarus', 'serbia'] };
}

/** A React-like page: every render replaces the paragraphs with new ones, in a rotated order. */
export function rerenderPage(renders: number, everyMs: number): { html: string; finalEntities: string[] } {
  const rotation = (renders - 1) % SENTENCES.length;
  const final = [...SENTENCES.slice(rotation), ...SENTENCES.slice(0, rotation)];
  const script = `<script>
(() => {
  const sentences = ${JSON.stringify(SENTENCES.map((s) => [s.lang, s.text]))};
  const root = document.getElementById('root');
  const state = window.__pageState = { renders: 0, done: false };
  const render = () => {
    const r = state.renders % sentences.length;
    const order = sentences.slice(r).concat(sentences.slice(0, r));
    root.replaceChildren(...order.map(([lang, text]) => {
      const p = document.createElement('p');
      p.lang = lang;
      if (lang === 'ar') p.dir = 'rtl';
      p.textContent = text;
      return p;
    }));
    state.renders++;
  };
  render();
  const timer = setInterval(() => {
    render();
    if (state.renders === ${renders}) { clearInterval(timer); state.done = true; }
  }, ${everyMs});
})();
</script>`;
  return { html: `<main><article id="root"></article></main>${script}`, finalEntities: final.flatMap((s) => s.entities) };
}

/** Arabic, right to left, with English and Russian names inside, bidi controls and dir=auto paragraphs. */
export function mixedDirectionPage(): { html: string; entities: string[]; texts: string[] } {
  const paragraphs = [
    // RLI…PDI around a Latin name, RLM around a Cyrillic one, LRM around a Latin one.
    { html: 'قال \u2067Sergei Lavrov\u2069 إن \u200fОДКБ\u200f و\u200eCSTO\u200e ستجتمع في موسكو مع بوتين و Путин.', entities: ['lavrov', 'csto', 'csto', 'moscow', 'putin', 'putin'], texts: ['Sergei Lavrov', 'ОДКБ', 'CSTO', 'موسكو', 'بوتين', 'Путин'] },
    { html: 'Путин и Токаев обсудили ситуацию в Центральной Азии.', attributes: ' dir="auto" lang="ru"', entities: ['putin', 'tokayev', 'central-asia'], texts: ['Путин', 'Токаев', 'Центральной Азии'] },
    // RLE…PDF inside an English paragraph, and an Arabic name in <bdi>.
    { html: '\u202bقالت روسيا\u202c The CSTO met in Moscow, said <bdi>لافروف</bdi>.', attributes: ' dir="auto" lang="en"', entities: ['russia', 'csto', 'moscow', 'lavrov'], texts: ['روسيا', 'CSTO', 'Moscow', 'لافروف'] },
    { html: 'قالت منظمة معاهدة الأمن الجماعي إن <b>روسيا</b> و<a href="#a">أرمينيا</a> ستشاركان في التدريبات.', entities: ['csto', 'russia', 'armenia'], texts: ['منظمة معاهدة الأمن الجماعي', 'روسيا', 'أرمينيا'] },
  ];
  const body = `<article><h1 data-key="title">الأمن الجماعي</h1>${paragraphs.map((p, i) => `<p data-key="p${i}"${p.attributes ?? ''}>${p.html}</p>`).join('\n')}</article>`;
  return {
    html: htmlPage({ lang: 'ar', htmlAttributes: ' dir="rtl"', body }),
    entities: paragraphs.flatMap((p) => p.entities),
    texts: paragraphs.flatMap((p) => p.texts),
  };
}

/**
 * A page that overrides DOM, Array and CSS globals in <head>, before any content script runs. The page's own calls go
 * through `__asPage`; every other call of an overridden function is counted as foreign (and as ours when its stack
 * names an extension URL). normalize() throws for anyone but the page, window.CSS is a fake that counts its use,
 * Highlight, MutationObserver and StaticRange throw.
 */
export const OVERRIDES_SCRIPT = `<script>
(() => {
  const state = window.__pageState = { own: 0, foreign: 0, fromExtension: 0, fakeCss: 0, built: 0, frozen: null };
  let depth = 0;
  window.__asPage = (work) => { depth++; try { return work(); } finally { depth--; } };
  const wrap = (target, name, strict) => {
    const original = target[name];
    target[name] = function (...args) {
      if (depth > 0) state.own++;
      else {
        state.foreign++;
        if (String(new Error().stack).includes('-extension://')) state.fromExtension++;
        if (strict) throw new Error('page: ' + name + ' is not for you');
      }
      return original.apply(this, args);
    };
  };
  wrap(Node.prototype, 'appendChild');
  wrap(Node.prototype, 'insertBefore');
  wrap(Node.prototype, 'normalize', true);
  wrap(Array.prototype, 'push');
  wrap(Array.prototype, 'map');
  wrap(Array.prototype, 'forEach');
  const fakeRegistry = { set() { state.fakeCss++; }, get() { state.fakeCss++; }, delete() { state.fakeCss++; }, has() { state.fakeCss++; return false; } };
  window.CSS = { highlights: fakeRegistry, supports() { state.fakeCss++; return false; }, escape(s) { return s; } };
  window.Highlight = function () { throw new Error('page: no Highlight here'); };
  window.MutationObserver = function () { throw new Error('page: no MutationObserver here'); };
  window.StaticRange = function () { throw new Error('page: no StaticRange here'); };
  // The counts 2.5 s after load, before a test evaluates anything in the page (its own plumbing may call them).
  window.addEventListener('load', () => setTimeout(() => { state.frozen = { own: state.own, foreign: state.foreign, fakeCss: state.fakeCss }; }, 2500));
})();
</script>`;

/** The body for OVERRIDES_SCRIPT: the page builds part of its article with its own (wrapped) functions. */
export function overridesPage(): { html: string; entities: string[] } {
  const built = SENTENCES.slice(3);
  const script = `<script>
window.__asPage(() => {
  const list = [];
  ${JSON.stringify(built.map((s) => [s.lang, s.text]))}.forEach((item) => list.push(item));
  const article = document.querySelector('article');
  list.map(([lang, text]) => {
    const p = document.createElement('p');
    p.lang = lang;
    if (lang === 'ar') p.dir = 'rtl';
    p.appendChild(document.createTextNode(text));
    return p;
  }).forEach((p) => article.insertBefore(p, null));
  article.normalize();
  window.__pageState.built = list.length;
});
</script>`;
  const head = SENTENCES.slice(0, 3);
  return {
    html: htmlPage({ head: OVERRIDES_SCRIPT, body: `<article><h1 data-key="title">Overrides</h1>${head.map((s, i) => paragraph(s, ` data-key="p${i}"`)).join('')}</article>${script}` }),
    entities: SENTENCES.flatMap((s) => s.entities),
  };
}
