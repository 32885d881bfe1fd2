// The pure parts of the card layer: which language a card speaks, what each of the
// "then" and "today" columns says, and the background's answer to `csto-lens/card-model`.
import { describe, expect, it } from 'vitest';
import { answerCardModel } from '../../src/background/card-model.ts';
import { resolveCardLang, themeAttribute } from '../../src/content/card/language.ts';
import { sectionLines } from '../../src/content/card/view.tsx';

describe('card language', () => {
  it.each([
    ['auto', 'ru-RU', 'en', 'ru'],
    ['auto', 'ar', null, 'ar'],
    ['auto', 'de-DE', 'ar', 'ar'],
    ['auto', 'de-DE', null, 'en'],
    ['page', 'en-US', 'ar', 'ar'],
    ['page', 'ru', null, 'ru'],
    ['en', 'ar', 'ar', 'en'],
    ['ar', 'en-US', 'ru', 'ar'],
    ['ru', 'en-US', 'en', 'ru'],
  ] as const)('setting %s, UI %s, page %s -> %s', (setting, ui, page, expected) => {
    expect(resolveCardLang(setting, ui, page)).toBe(expected);
  });

  it('maps the theme setting to the host attribute', () => {
    expect(themeAttribute('auto')).toBe('auto');
    expect(themeAttribute('dark')).toBe('dark');
    expect(themeAttribute('light')).toBe('light');
  });
});

describe('csto-lens/card-model in the background', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  const ask = (id: string, lang: 'en' | 'ar' | 'ru', date = '2021-08-31') =>
    answerCardModel({ type: 'csto-lens/card-model', id, date, lang }, now);

  it('builds the then/today card of Zas, Shoigu and Armenia for an article of 31 Aug 2021', () => {
    const zas = ask('zas', 'en')!;
    expect(zas.then.heading).toBe('At the time of this article (31 Aug 2021)');
    expect(sectionLines(zas, zas.then).map((l) => l.text)).toEqual(['Secretary General of the CSTO']);
    expect(sectionLines(zas, zas.now).map((l) => l.text)).toEqual(['former Secretary General of the CSTO']);

    const shoigu = ask('shoigu', 'en')!;
    expect(sectionLines(shoigu, shoigu.then)[0]!.text).toMatch(/Minister of Defence/);
    expect(sectionLines(shoigu, shoigu.now)[0]!.text).toMatch(/Secretary of the Security Council/);

    const armenia = ask('armenia', 'en')!;
    expect(sectionLines(armenia, armenia.then)[0]!.text).toBe('CSTO: founding member');
    expect(sectionLines(armenia, armenia.now)[0]!.text).toBe('CSTO: participation frozen');
    expect(armenia.changed).toBe(true);
  });

  it('speaks Arabic right to left and Russian', () => {
    const ar = ask('zas', 'ar')!;
    expect(ar.dir).toBe('rtl');
    expect(ar.name).toBe('ستانيسلاف زاس');
    const ru = ask('shoigu', 'ru')!;
    expect(ru.then.heading).toBe('На момент выхода статьи (31 августа 2021)');
  });

  it('answers null for an unknown entity or language, and today for a bad date', () => {
    expect(ask('no-such-entity', 'en')).toBeNull();
    expect(answerCardModel({ type: 'csto-lens/card-model', id: 'zas', date: '2021-08-31', lang: 'de' as 'en' }, now)).toBeNull();
    const card = ask('zas', 'en', 'yesterday')!;
    expect(card.date).toBe('2026-11-29');
    expect(card.sameDay).toBe(true);
  });

});

describe('then and today columns', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  it('list memberships outside the CSTO only where they changed', () => {
    const armenia = answerCardModel({ type: 'csto-lens/card-model', id: 'armenia', date: '2021-08-31', lang: 'en' }, now)!;
    expect(sectionLines(armenia, armenia.then, armenia.now).map((l) => l.text)).toEqual(['CSTO: founding member']);
    expect(sectionLines(armenia, armenia.now, armenia.then).map((l) => l.text)).toEqual(['CSTO: participation frozen']);
    // On its own, the day lists everything.
    expect(sectionLines(armenia, armenia.now).length).toBeGreaterThan(1);
  });
});
