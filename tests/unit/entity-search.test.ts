// Entity search: the same card from any of the three scripts, spelling variants, folding.
import { describe, expect, it } from 'vitest';
import { bundledPack } from '../../src/core/bundled-pack.ts';
import { buildSearchIndex, foldForSearch, searchEntities } from '../../src/core/entity-search.ts';

const index = buildSearchIndex(bundledPack.entities);
const top = (query: string) => searchEntities(index, query)[0]?.entity.id;

describe('foldForSearch', () => {
  it.each([
    ['ШОЙГУ', 'шойгу'],
    ['Лукашёнко', 'лукашенко'],
    ['أَحْمَد', 'احمد'],
    ['إيران', 'ايران'],
    ['منظمة معاهدة الأمن الجماعية', 'منظمه معاهده الامن الجماعيه'],
    ['Shoïgu', 'shoigu'],
    ['  North-Atlantic  ', 'north atlantic'],
  ])('%s -> %s', (input, folded) => expect(foldForSearch(input)).toBe(folded));

  it('keeps й apart from и', () => expect(foldForSearch('Шойгу')).not.toBe(foldForSearch('Шоигу')));
});

describe('searchEntities', () => {
  it.each([
    ['shoigu', 'shoigu'],
    ['Shoygu', 'shoigu'],
    ['шойгу', 'shoigu'],
    ['شويغو', 'shoigu'],
    ['شويجو', 'shoigu'],
    ['ОДКБ', 'csto'],
    ['csto', 'csto'],
    ['منظمة معاهدة الأمن الجماعي', 'csto'],
    ['лукашенко', 'lukashenko'],
    ['Путин', 'putin'],
    ['بوتين', 'putin'],
    ['sergei shoigu', 'shoigu'],
    ['armenia', 'armenia'],
    ['армения', 'armenia'],
    ['أرمينيا', 'armenia'],
    ['nato', 'nato'],
  ])('%s finds %s first', (query, id) => expect(top(query)).toBe(id));

  it('finds a card by a prefix while typing', () => {
    expect(searchEntities(index, 'шой').map((h) => h.entity.id)).toContain('shoigu');
    expect(searchEntities(index, 'luka').map((h) => h.entity.id)).toContain('lukashenko');
  });

  it('returns every entity, grouped by category, for an empty query', () => {
    const all = searchEntities(index, '  ');
    expect(all).toHaveLength(bundledPack.entities.length);
    expect(all[0]?.entity.category).toBe('csto-bodies');
  });

  it('finds nothing for nonsense', () => expect(searchEntities(index, 'zzqxw')).toEqual([]));

  it('reports the script of the query', () => {
    expect(searchEntities(index, 'شويغو')[0]?.lang).toBe('ar');
    expect(searchEntities(index, 'шойгу')[0]?.lang).toBe('ru');
  });
});
