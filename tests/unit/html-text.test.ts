import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from '../../src/core/html-text.ts';
import { dayFromIsoText, dayFromJsonLd, dayFromUrl } from '../../src/core/published-date.ts';

const filler = '<p>' + 'Filler words of a long enough article body. '.repeat(6) + '</p>';

describe('htmlToText: what is read', () => {
  it.each([
    ['inline elements are stitched into one block', '<p>Сергей <b>Шойгу</b> и <a href="#">Лавров</a></p>', 'Сергей Шойгу и Лавров'],
    ['blocks are separated by newlines', '<h1>One</h1><p>Two</p><ul><li>Three<li>Four</ul>', 'One\nTwo\nThree\nFour'],
    ['<br> ends a block', '<p>One<br>Two</p>', 'One\nTwo'],
    ['whitespace collapses inside a block', '<p>  a \n\t b  </p>', 'a b'],
    ['script, style, noscript, template are skipped', '<p>a</p><script>b</script><style>c</style><noscript>d</noscript><template>e</template>', 'a'],
    ['textarea, code, pre, svg, math, button, select are skipped', '<p>a</p><textarea>b</textarea><code>c</code><pre>d</pre><svg><text>e</text></svg><math>f</math><button>g</button><select><option>h</select>', 'a'],
    ['aria-hidden and contenteditable parts are skipped', '<p>a</p><div aria-hidden="true">b</div><div contenteditable>c</div><div contenteditable="false">d</div>', 'a\nd'],
    ['the head is not read', '<html><head><title>T</title></head><body><p>a</p></body></html>', 'a'],
    ['entities are decoded', '<p>&laquo;ТАСС&raquo; &amp; &#1585;&#x648;&#x633;&#1610;&#1575; &nbsp;&hellip; &unknown;</p>', '«ТАСС» & روسيا \u00a0… &unknown;'],
    ['comments and CDATA', '<p>a<!-- b -->c</p>', 'ac'],
    ['unclosed paragraphs close at the next block', '<p>one<p>two<div>three</div>', 'one\ntwo\nthree'],
    ['a tag-like "<" in text stays', '<p>1 < 2 and 3 <4</p>', '1 < 2 and 3 <4'],
  ])('%s', (_rule, html, text) => {
    expect(htmlToText(html).text).toBe(text);
  });

  it('prefers the one <article> with text over the rest of the page', () => {
    const page = `<body><nav>Moscow</nav><article><h1>Title</h1>${filler}</article><aside>Related: Minsk</aside></body>`;
    const { text } = htmlToText(page);
    expect(text.startsWith('Title\nFiller')).toBe(true);
    expect(text).not.toContain('Moscow');
    expect(text).not.toContain('Minsk');
  });

  it('then <main>, [itemprop=articleBody], [role=main]; several articles mean the whole body', () => {
    expect(htmlToText(`<body><p>x</p><main>${filler}</main></body>`).text).not.toContain('x\n');
    expect(htmlToText(`<body><p>x</p><div itemprop="articleBody">${filler}</div></body>`).text.startsWith('Filler')).toBe(true);
    expect(htmlToText(`<body><p>x</p><div role="main">${filler}</div></body>`).text.startsWith('Filler')).toBe(true);
    expect(htmlToText(`<body><p>x</p><article>${filler}</article><article>${filler}</article></body>`).text.startsWith('x\n')).toBe(true);
    expect(htmlToText(`<body><p>x</p><article>short</article></body>`).text).toBe('x\nshort');
  });

  it('gives block offsets into the text', () => {
    const { text, blocks } = htmlToText('<h1>One</h1><p>Two <b>three</b></p>');
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual(['One', 'Two three']);
  });

  it('keeps the lang of the root or the document', () => {
    expect(htmlToText('<html lang="ar"><body><p>x</p></body></html>').langTag).toBe('ar');
    expect(htmlToText(`<html lang="en"><body><article lang="ru">${filler}</article></body></html>`).langTag).toBe('ru');
  });

  it('decodes references outside the BMP and refuses broken ones', () => {
    expect(decodeEntities('&#x1D402;&#0;&#xD800;')).toBe('𝐂\ufffd\ufffd');
  });
});

describe('htmlToText: the publication day', () => {
  it.each([
    ['article:published_time', '<meta property="article:published_time" content="2021-08-31T23:30:00-04:00">', '2021-08-31'],
    ['og:published_time', '<meta property="og:published_time" content="2021-08-30">', '2021-08-30'],
    ['name="pubdate"', '<meta name="pubdate" content="2021-08-29 10:00">', '2021-08-29'],
    ['itemprop on a <time>', '<time itemprop="datePublished" datetime="2021-08-28">x</time>', '2021-08-28'],
    ['JSON-LD', '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-08-27T08:00:00Z"}</script>', '2021-08-27'],
    ['JSON-LD @graph', '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2021-08-26"}]}</script>', '2021-08-26'],
    ['a <time> in the article', `<article><time datetime="2021-08-25T09:00">Aug 25</time>${filler}</article>`, '2021-08-25'],
    ['the canonical URL', '<link rel="canonical" href="https://example.com/world/2021/08/24/csto-story.html">', '2021-08-24'],
    ['og:url', '<meta property="og:url" content="https://example.com/2021-08-23/story">', '2021-08-23'],
    ['nothing', '<p>no date here 2021</p>', null],
    ['an impossible day', '<meta property="article:published_time" content="2021-02-30">', null],
  ])('%s', (_source, html, day) => {
    expect(htmlToText(html).date).toBe(day);
  });

  it('metas win over JSON-LD, JSON-LD over <time>, <time> over the URL', () => {
    const html = `<link rel="canonical" href="https://x.org/2020/01/04/a"><script type="application/ld+json">{"datePublished":"2020-01-02"}</script>
      <meta property="article:published_time" content="2020-01-01"><article><time datetime="2020-01-03"></time>${filler}</article>`;
    expect(htmlToText(html).date).toBe('2020-01-01');
  });

  it.each([
    ['2021-08-31', '2021-08-31'],
    ['2021-08-31T10:00:00Z', '2021-08-31'],
    [' 2021-08-31 10:00', '2021-08-31'],
    ['31.08.2021', null],
    ['2021-13-01', null],
  ])('dayFromIsoText(%j)', (text, day) => {
    expect(dayFromIsoText(text)).toBe(day);
  });

  it('dayFromJsonLd and dayFromUrl refuse what they cannot read', () => {
    expect(dayFromJsonLd('{not json')).toBeNull();
    expect(dayFromJsonLd('[{"datePublished":["2021-08-31"]}]')).toBe('2021-08-31');
    expect(dayFromUrl('https://x.org/news/2021/8/31/a')).toBeNull();
    expect(dayFromUrl('/2021/08/31/')).toBe('2021-08-31');
  });
});
