import { describe, expect, it } from 'vitest';
import { dayFromIsoText, dayFromJsonLd, dayFromUrl, publishedDay } from '../../src/core/published-date.ts';
import { langFromScript, langFromTag } from '../../src/core/script-lang.ts';

describe('dayFromIsoText', () => {
  it.each([
    ['2021-08-31', '2021-08-31'],
    ['2021-08-31T08:05:00Z', '2021-08-31'],
    ['  2021-08-31T08:05:00+03:00', '2021-08-31'],
    ['2021-08-31 08:05', '2021-08-31'],
    ['2021-02-30', null],
    ['31.08.2021', null],
    ['2021-08-311', null],
    ['', null],
  ])('%s -> %s', (text, day) => expect(dayFromIsoText(text)).toBe(day));
});

describe('dayFromJsonLd', () => {
  it('reads a plain object', () => {
    expect(dayFromJsonLd('{"@type":"NewsArticle","datePublished":"2022-01-07T13:40:00Z"}')).toBe('2022-01-07');
  });
  it('reads an @graph', () => {
    const text = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [{ '@type': 'WebSite', name: 'x' }, { '@type': 'NewsArticle', datePublished: '2021-08-31T10:00:00+04:00' }],
    });
    expect(dayFromJsonLd(text)).toBe('2021-08-31');
  });
  it('reads an array of objects and a nested mainEntity', () => {
    expect(dayFromJsonLd('[{"@type":"BreadcrumbList"},{"mainEntity":{"datePublished":"2020-05-14"}}]')).toBe('2020-05-14');
  });
  it('is null for broken JSON or no date', () => {
    expect(dayFromJsonLd('{"datePublished": ')).toBeNull();
    expect(dayFromJsonLd('{"dateModified":"2020-01-01"}')).toBeNull();
    expect(dayFromJsonLd('{"datePublished":"yesterday"}')).toBeNull();
  });
});

describe('dayFromUrl', () => {
  it.each([
    ['https://example.com/world/2021/08/31/csto-afghanistan', '2021-08-31'],
    ['https://example.com/2021-08-31/story.html', '2021-08-31'],
    ['https://example.com/news/2021/08/31', '2021-08-31'],
    ['https://example.com/2021/13/31/x', null],
    ['https://example.com/id/12345678/', null],
    ['https://example.com/?d=2021/08/31/', null],
  ])('%s -> %s', (url, day) => expect(dayFromUrl(url)).toBe(day));
});

describe('publishedDay', () => {
  const none = { metas: [], jsonLd: [], times: [], url: 'https://example.com/a' };
  it('prefers metas, then JSON-LD, then <time>, then the URL', () => {
    expect(publishedDay({ metas: ['2020-01-02'], jsonLd: ['{"datePublished":"2020-01-03"}'], times: ['2020-01-04'], url: 'https://x/2020/01/05/' })).toBe('2020-01-02');
    expect(publishedDay({ metas: ['garbage'], jsonLd: ['{"datePublished":"2020-01-03"}'], times: ['2020-01-04'], url: 'https://x/2020/01/05/' })).toBe('2020-01-03');
    expect(publishedDay({ ...none, times: ['2020-01-04T10:00'], url: 'https://x/2020/01/05/' })).toBe('2020-01-04');
    expect(publishedDay({ ...none, url: 'https://x/2020/01/05/' })).toBe('2020-01-05');
  });
  it('is null when nothing tells', () => expect(publishedDay(none)).toBeNull());
});

describe('page language', () => {
  it('reads tags', () => {
    expect(langFromTag('ar-EG')).toBe('ar');
    expect(langFromTag('RU')).toBe('ru');
    expect(langFromTag('fr')).toBeNull();
    expect(langFromTag(undefined)).toBeNull();
  });
  it('guesses from the script', () => {
    expect(langFromScript('قال الرئيس فلاديمير بوتين إن CSTO')).toBe('ar');
    expect(langFromScript('Генеральный секретарь ОДКБ')).toBe('ru');
    expect(langFromScript('The CSTO summit in Minsk')).toBe('en');
    expect(langFromScript('12345 !!')).toBeNull();
  });
});
