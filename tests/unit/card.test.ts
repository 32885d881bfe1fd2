// The card model: first on a small hand-written pack (pure behaviour, labels, dates), then on the real pack
// compiled from entities/ for the cases the issue names (zas, shoigu, lavrov, armenia on 31 Aug 2021 vs today).
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCard, cardToText, lookupOf, type CardModel } from '../../src/core/card.ts';
import { CARD_STRINGS, fill, formatDate, formatPeriod, statusLabel } from '../../src/core/card-strings.ts';
import { CATEGORIES, ENTITY_TYPES, LANGS, MEMBERSHIP_STATUSES, type Entity, type Lang, type Pack } from '../../src/core/pack.ts';
import { realPack } from './fixtures/real-pack.ts';

const TODAY = '2026-11-29';
const ARTICLE = '2021-08-31';


// ---------------------------------------------------------------------------------------------------------------
// Hand-written pack

const L = (en: string, ar: string, ru: string) => ({ en, ar, ru });
function names(en: string, ar: string, ru: string, short?: [string, string, string]): Entity['names'] {
  return {
    en: { name: en, ...(short ? { short: short[0] } : {}), aliases: [] },
    ar: { name: ar, ...(short ? { short: short[1] } : {}), aliases: [] },
    ru: { name: ru, ...(short ? { short: short[2] } : {}), aliases: [] },
  };
}
function make(partial: Partial<Entity> & Pick<Entity, 'id' | 'type' | 'names'>): Entity {
  return {
    category: 'places',
    summary: L(`${partial.id} summary`, `ملخص ${partial.id}`, `кратко ${partial.id}`),
    background: L(`${partial.id} background`, `خلفية ${partial.id}`, `справка ${partial.id}`),
    roles: [],
    memberships: [],
    related: [],
    sources: [{ url: `https://example.org/${partial.id}`, title: `${partial.id} source` }],
    checked: '2026-11-29',
    ...partial,
  };
}

const org = make({
  id: 'org',
  type: 'organisation',
  category: 'csto-bodies',
  names: names('Collective Security Treaty Organization', 'منظمة معاهدة الأمن الجماعي', 'Организация Договора о коллективной безопасности', [
    'CSTO',
    'منظمة الأمن الجماعي',
    'ОДКБ',
  ]),
});
const csto = { ...org, id: 'csto' };
const land = make({ id: 'land', type: 'state', category: 'member-states', names: names('Land', 'لاند', 'Ланд') });
const general = make({
  id: 'general',
  type: 'person',
  category: 'people',
  names: names('Ivan General', 'إيفان جنرال', 'Иван Генерал', ['General', 'جنرال', 'Генерал']),
  roles: [
    { title: L('Secretary General of the CSTO', 'الأمين العام لمنظمة معاهدة الأمن الجماعي', 'Генеральный секретарь ОДКБ'), of: 'csto', from: '2020-01-01', to: '2022-12-31' },
    { title: L('Adviser', 'مستشار', 'Советник'), of: 'land', from: '2025-03' },
  ],
  related: ['csto', 'land', 'missing-id'],
});
const frozenState = make({
  id: 'frozen-state',
  type: 'state',
  category: 'member-states',
  names: names('Frozenia', 'فروزينيا', 'Фрозения'),
  memberships: [
    { org: 'csto', status: 'founding-member', from: '1992-05-15', to: '2024-02-22' },
    {
      org: 'csto',
      status: 'frozen',
      from: '2024-02-22',
      note: L('No formal withdrawal.', 'من دون انسحاب رسمي.', 'Без официального выхода.'),
    },
  ],
});
const newcomer = make({
  id: 'newcomer',
  type: 'state',
  category: 'member-states',
  names: names('Newland', 'نيولاند', 'Ньюленд'),
  memberships: [{ org: 'csto', status: 'member', from: '2023-06' }],
});
const wanderer = make({
  id: 'wanderer',
  type: 'state',
  category: 'former-and-observers',
  names: names('Wanderland', 'واندرلاند', 'Вандерланд'),
  memberships: [
    { org: 'csto', status: 'founding-member', from: '1992-05-15', to: '1999-04-02' },
    { org: 'csto', status: 'withdrawn', from: '1999-04-02', to: '2006-08-16' },
    { org: 'csto', status: 'member', from: '2006-08-16', to: '2012-06-28' },
    { org: 'csto', status: 'suspended', from: '2012-06-28' },
  ],
});
const outlet = make({ id: 'outlet', type: 'media', category: 'media', names: names('Outlet', 'منفذ', 'Издание') });
const hand = lookupOf([csto, land, general, frozenState, newcomer, wanderer, outlet]);

describe('card strings and dates', () => {
  it('has every label in every language', () => {
    for (const lang of LANGS) {
      const s = CARD_STRINGS[lang];
      for (const type of ENTITY_TYPES) expect(s.types[type]).toBeTruthy();
      for (const category of CATEGORIES) expect(s.categories[category]).toBeTruthy();
      for (const status of MEMBERSHIP_STATUSES) {
        expect(s.statuses[status]).toBeTruthy();
        expect(s.statusesOther[status]).toBeTruthy();
      }
      for (const [key, value] of Object.entries(s)) if (typeof value === 'string') expect(value, `${lang}.${key}`).not.toBe('');
    }
    expect(CARD_STRINGS.ar.dir).toBe('rtl');
    expect(CARD_STRINGS.en.dir).toBe('ltr');
    expect(CARD_STRINGS.ru.dir).toBe('ltr');
  });

  it('names statuses as the press does', () => {
    expect(LANGS.map((lang) => statusLabel(lang, 'founding-member', true))).toEqual(['founding member', 'عضو مؤسس', 'государство-основатель']);
    expect(LANGS.map((lang) => statusLabel(lang, 'frozen', true))).toEqual(['participation frozen', 'المشاركة مجمَّدة', 'участие заморожено']);
    expect(LANGS.map((lang) => CARD_STRINGS[lang].former)).toEqual(['former', 'سابق', 'бывший']);
    expect(LANGS.map((lang) => CARD_STRINGS[lang].today)).toEqual(['Today', 'اليوم', 'Сегодня']);
  });

  it.each([
    ['2021-08-31', 'en', false, '31 Aug 2021'],
    ['2021-08-31', 'ar', false, '31 أغسطس 2021'],
    ['2021-08-31', 'ru', false, '31 августа 2021'],
    ['2021-08-31', 'ru', true, '31 августа 2021 г.'],
    ['2024-05', 'en', false, 'May 2024'],
    ['2024-05', 'ar', false, 'مايو 2024'],
    ['2024-05', 'ru', false, 'май 2024'],
    ['2024-05', 'ru', true, 'мая 2024 г.'],
    ['2004', 'en', true, '2004'],
    ['2004', 'ar', false, '2004'],
    ['2004', 'ru', false, '2004'],
    ['2004', 'ru', true, '2004 г.'],
    ['2022-01-07', 'en', false, '7 Jan 2022'],
    ['2022-12-01', 'ar', false, '1 ديسمبر 2022'],
    ['2026-11-29', 'ru', false, '29 ноября 2026'],
  ] as const)('formatDate(%s, %s, governed %s) = %s', (date, lang, governed, expected) => {
    expect(formatDate(date, lang, governed)).toBe(expected);
  });

  it('writes all twelve months in each language without Intl', () => {
    const months = (lang: Lang) => Array.from({ length: 12 }, (_, i) => formatDate(`2020-${String(i + 1).padStart(2, '0')}`, lang));
    expect(months('ar')).toEqual(['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'].map((m) => `${m} 2020`));
    expect(new Set(months('en')).size).toBe(12);
    expect(new Set(months('ru')).size).toBe(12);
    expect(Array.from({ length: 12 }, (_, i) => formatDate(`2020-${String(i + 1).padStart(2, '0')}-01`, 'ru').split(' ')[1])).toEqual([
      'января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря',
    ]);
  });

  it('writes periods', () => {
    expect(formatPeriod('en', '2012-11-06', '2024-05-12')).toBe('6 Nov 2012 – 12 May 2024');
    expect(formatPeriod('en', '2004-03-09', undefined)).toBe('since 9 Mar 2004');
    expect(formatPeriod('ar', '2004-03-09', undefined)).toBe('منذ 9 مارس 2004');
    expect(formatPeriod('ru', '2024-05', undefined)).toBe('с мая 2024 г.');
    expect(formatPeriod('ru', '2020-01-01', '2022-12-31')).toBe('1 января 2020 – 31 декабря 2022');
    expect(fill('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });
});

describe('buildCard on a hand-written pack', () => {
  const card = (entity: Entity, lang: Lang, date = ARTICLE, today = TODAY): CardModel => buildCard(entity, { date, lang, today, lookup: hand });

  it('gives names, type, category, direction and the other scripts', () => {
    const c = card(general, 'ar');
    expect(c).toMatchObject({ id: 'general', type: 'person', category: 'people', lang: 'ar', dir: 'rtl', name: 'إيفان جنرال', shortName: 'جنرال' });
    expect(c.otherNames).toEqual([
      { lang: 'en', name: 'Ivan General', dir: 'ltr' },
      { lang: 'ru', name: 'Иван Генерал', dir: 'ltr' },
    ]);
    expect(c.labels.type).toBe('شخصية');
    expect(c.labels.category).toBe('شخصيات');
    expect(c.summary).toBe('ملخص general');
    expect(c.background).toBe('خلفية general');
    expect(c.then.heading).toBe('وقت نشر هذا المقال (31 أغسطس 2021)');
    expect(c.now.heading).toBe('اليوم');
    expect(c.labels.checked).toBe('تاريخ التحقق: 29 نوفمبر 2026');
  });

  it('shows a role then and "former" now, without repeating the organisation already in the title', () => {
    const c = card(general, 'en');
    expect(c.then.heading).toBe('At the time of this article (31 Aug 2021)');
    expect(c.then.roles).toEqual([
      {
        title: 'Secretary General of the CSTO',
        of: 'csto',
        ofName: 'CSTO',
        from: '2020-01-01',
        to: '2022-12-31',
        period: '1 Jan 2020 – 31 Dec 2022',
        text: 'Secretary General of the CSTO',
        former: false,
        approximate: false,
      },
    ]);
    expect(c.now.roles.map((r) => r.text)).toEqual(['Adviser, Land']);
    expect(c.now.formerRoles.map((r) => r.text)).toEqual(['former Secretary General of the CSTO']);
    expect(c.differences.map((d) => [d.kind, d.text])).toEqual([
      ['role-ended', 'Then: Secretary General of the CSTO; now former (until 31 Dec 2022)'],
      ['role-started', 'Now: Adviser, Land (since Mar 2025)'],
    ]);
    expect(c.changed).toBe(true);
  });

  it('localises differences in Arabic and Russian', () => {
    expect(card(general, 'ar').differences.map((d) => d.text)).toEqual([
      'آنذاك: الأمين العام لمنظمة معاهدة الأمن الجماعي؛ الآن: منصب سابق (حتى 31 ديسمبر 2022)',
      'الآن: مستشار، لاند (منذ مارس 2025)',
    ]);
    expect(card(general, 'ru').differences.map((d) => d.text)).toEqual([
      'Тогда: Генеральный секретарь ОДКБ; теперь в прошлом (до 31 декабря 2022 г.)',
      'Теперь: Советник, Ланд (с марта 2025 г.)',
    ]);
    expect(card(general, 'ru').now.formerRoles[0]!.text).toBe('Генеральный секретарь ОДКБ (в прошлом)');
    expect(card(general, 'ar').now.formerRoles[0]!.text).toBe('الأمين العام لمنظمة معاهدة الأمن الجماعي السابق');
  });

  it('says so when a person held no role on the date', () => {
    const c = card(general, 'en', '2023-06-01');
    expect(c.then.roles).toEqual([]);
    expect(c.then.noRole).toBe(true);
    expect(c.then.notices).toEqual(['No recorded office on this date']);
    expect(card(general, 'ru', '2023-06-01').then.notices).toEqual(['На эту дату должностей не зафиксировано']);
    expect(c.now.noRole).toBe(false);
  });

  it('handles a date before every recorded fact', () => {
    const c = card(general, 'en', '1950-01-01');
    expect(c.then.beforeRecords).toBe(true);
    expect(c.then.notices[0]).toBe('Nothing is recorded this early; the earliest record is from 1 Jan 2020');
    const s = card(frozenState, 'ru', '1980-01-01');
    expect(s.then.beforeRecords).toBe(true);
    expect(s.then.csto).toMatchObject({ status: null, statusLabel: 'ещё не член', from: null, to: null, period: '' });
    expect(s.then.notices).toEqual(['На эту дату сведений нет; самые ранние — от 15 мая 1992 г.']);
  });

  it('shows the CSTO status then and now for a frozen member', () => {
    const c = card(frozenState, 'en');
    expect(c.then.csto).toMatchObject({ org: 'csto', orgName: 'CSTO', status: 'founding-member', statusLabel: 'founding member', text: 'CSTO: founding member' });
    expect(c.now.csto).toMatchObject({ status: 'frozen', statusLabel: 'participation frozen', from: '2024-02-22', to: null, note: 'No formal withdrawal.' });
    expect(c.then.noRole).toBe(false);
    expect(c.differences).toEqual([
      {
        kind: 'status-changed',
        text: 'CSTO: founding member then, participation frozen now (since 22 Feb 2024)',
        org: 'csto',
        then: 'founding-member',
        now: 'frozen',
        since: '2024-02-22',
        between: [],
      },
    ]);
    expect(card(frozenState, 'ar').differences[0]!.text).toBe('منظمة الأمن الجماعي: عضو مؤسس آنذاك، المشاركة مجمَّدة الآن (منذ 22 فبراير 2024)');
    expect(card(frozenState, 'ru').differences[0]!.text).toBe('ОДКБ: тогда — государство-основатель, теперь — участие заморожено (с 22 февраля 2024 г.)');
  });

  it('shows "not yet a member" for a state that joined after the article', () => {
    const c = card(newcomer, 'en');
    expect(c.then.csto).toMatchObject({ status: null, statusLabel: 'not yet a member' });
    expect(c.now.csto).toMatchObject({ status: 'member', statusLabel: 'member state', period: 'since Jun 2023' });
    expect(c.differences.map((d) => d.text)).toEqual(['CSTO: not yet a member then, member state now (since Jun 2023)']);
  });

  it('names the statuses held in between for a state that left, came back and was suspended', () => {
    expect(card(wanderer, 'en', '1995-01-01').differences).toEqual([
      {
        kind: 'status-changed',
        text: 'CSTO: founding member then, membership suspended now (since 28 Jun 2012; in between: withdrawn, member state)',
        org: 'csto',
        then: 'founding-member',
        now: 'suspended',
        since: '2012-06-28',
        between: ['withdrawn', 'member'],
      },
    ]);
    expect(card(wanderer, 'ru', '2003-01-01').differences[0]!.text).toBe(
      'ОДКБ: тогда — вышло из организации, теперь — членство приостановлено (с 28 июня 2012 г.; в промежутке: государство-член)',
    );
    expect(card(wanderer, 'en', '2003-01-01').then.csto).toMatchObject({ status: 'withdrawn', period: '2 Apr 1999 – 16 Aug 2006' });
  });

  it('has a single "Today" section when the date is today', () => {
    const c = card(general, 'en', TODAY);
    expect(c.sameDay).toBe(true);
    expect(c.then.heading).toBe('Today');
    expect(c.differences).toEqual([]);
    expect(buildCard(general, { date: ARTICLE, lang: 'en', today: TODAY, lookup: hand, context: 'date' }).then.heading).toBe('As of 31 Aug 2021');
  });

  it('lists related entities by name in the card language, dropping unknown ids', () => {
    expect(card(general, 'ru').related).toEqual([
      { id: 'csto', name: 'Организация Договора о коллективной безопасности' },
      { id: 'land', name: 'Ланд' },
    ]);
  });

  it('handles an entity with no dated facts', () => {
    const c = card(outlet, 'en');
    expect(c.then).toMatchObject({ roles: [], formerRoles: [], memberships: [], csto: null, noRole: false, beforeRecords: false, notices: [] });
    expect(c.differences).toEqual([]);
    expect(c.sources).toEqual([{ url: 'https://example.org/outlet', title: 'outlet source' }]);
  });

  it('is plain JSON', () => {
    for (const entity of [general, frozenState, newcomer, wanderer, outlet]) {
      for (const lang of LANGS) {
        const c = card(entity, lang);
        expect(JSON.parse(JSON.stringify(c))).toEqual(c);
      }
    }
  });

  it('renders as text', () => {
    const text = cardToText(card(frozenState, 'en'));
    expect(text).toContain('Frozenia  (فروزينيا · Фрозения)');
    expect(text).toContain('At the time of this article (31 Aug 2021)');
    expect(text).toContain('Today (29 Nov 2026)');
    expect(text).toContain('CSTO: participation frozen (since 22 Feb 2024)');
    expect(text).toContain('What changed since then:');
    expect(text).toContain('https://example.org/frozen-state');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The real pack

describe('buildCard on the real pack: 31 Aug 2021 vs 29 Nov 2026', () => {
  let pack: Pack;
  beforeAll(() => {
    pack = realPack();
  });
  const card = (id: string, lang: Lang): CardModel => {
    const lookup = lookupOf(pack.entities);
    const entity = lookup(id);
    if (!entity) throw new Error(`no entity "${id}" in the pack`);
    return buildCard(entity, { date: ARTICLE, lang, today: TODAY, lookup });
  };

  it.each(LANGS)('zas (%s): Secretary General then, former now', (lang) => {
    const c = card('zas', lang);
    const sg = c.then.roles.filter((r) => r.of === 'csto');
    expect(sg).toHaveLength(1);
    expect(sg[0]).toMatchObject({ from: '2020-01-01', to: '2022-12-31' });
    expect(sg[0]!.title).toMatch({ en: /Secretary General/, ar: /الأمين العام/, ru: /Генеральный секретарь/ }[lang]);
    expect(c.now.roles.filter((r) => r.of === 'csto')).toEqual([]);
    expect(c.now.formerRoles.some((r) => r.of === 'csto' && r.former && r.text.includes({ en: 'former', ar: 'السابق', ru: 'в прошлом' }[lang]))).toBe(true);
    const ended = c.differences.filter((d) => d.kind === 'role-ended' && d.role?.of === 'csto');
    expect(ended).toHaveLength(1);
    expect(ended[0]!.text).toContain({ en: '31 Dec 2022', ar: '31 ديسمبر 2022', ru: '31 декабря 2022' }[lang]);
    expect(c.dir).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    expect(c.name).toBe({ en: 'Stanislav Zas', ar: 'ستانيسلاف زاس', ru: 'Станислав Зась' }[lang]);
  });

  it.each(LANGS)('shoigu (%s): Minister of Defence then, Secretary of the Security Council now', (lang) => {
    const c = card('shoigu', lang);
    const defence = { en: /Defence/, ar: /الدفاع/, ru: /обороны/ }[lang];
    const council = { en: /Security Council/, ar: /مجلس الأمن/, ru: /Совета безопасности/ }[lang];
    expect(c.then.roles.map((r) => [r.of, r.title])).toEqual([['russia', expect.stringMatching(defence)]]);
    expect(c.now.roles.map((r) => [r.of, r.title])).toEqual([['russia', expect.stringMatching(council)]]);
    expect(c.then.roles[0]!.text).toContain({ en: 'Russia', ar: 'روسيا', ru: 'Россия' }[lang]);
    expect(c.differences.map((d) => d.kind)).toEqual(['role-ended', 'role-started']);
    expect(c.differences[0]!.role!.title).toMatch(defence);
    expect(c.differences[1]!.role).toMatchObject({ from: '2024-05-12', to: null });
    expect(c.differences[1]!.role!.title).toMatch(council);
    expect(c.now.formerRoles[0]!.title).toMatch(defence);
    const former = { en: `former ${c.now.formerRoles[0]!.title}, Russia`, ar: `${c.now.formerRoles[0]!.title} السابق، روسيا`, ru: `${c.now.formerRoles[0]!.title}, Россия (в прошлом)` }[lang];
    expect(c.now.formerRoles[0]!.text).toBe(former);
  });

  it.each(LANGS)('lavrov (%s): Minister of Foreign Affairs then and now, nothing changed', (lang) => {
    const c = card('lavrov', lang);
    const foreign = { en: /Foreign Affairs/, ar: /الخارجية/, ru: /иностранных дел/ }[lang];
    expect(c.then.roles.map((r) => [r.of, r.title])).toEqual([['russia', expect.stringMatching(foreign)]]);
    expect(c.now.roles).toEqual(c.then.roles);
    expect(c.then.roles[0]!.from.startsWith('2004')).toBe(true);
    expect(c.then.roles[0]!.to).toBeNull();
    expect(c.differences).toEqual([]);
    expect(c.changed).toBe(false);
  });

  it.each(LANGS)('armenia (%s): member then, participation frozen now', (lang) => {
    const c = card('armenia', lang);
    expect(c.type).toBe('state');
    expect(c.then.csto?.status).toMatch(/^(founding-member|member)$/);
    expect(c.now.csto).toMatchObject({ status: 'frozen', statusLabel: statusLabel(lang, 'frozen', true) });
    expect(c.now.csto!.from!.startsWith('2024')).toBe(true);
    const csto = c.differences.filter((d) => d.kind === 'status-changed' && d.org === 'csto');
    expect(csto).toHaveLength(1);
    expect(csto[0]).toMatchObject({ then: c.then.csto!.status, now: 'frozen' });
    expect(csto[0]!.text).toContain(statusLabel(lang, 'frozen', true));
    expect(c.labels.type).toBe(CARD_STRINGS[lang].types.state);
  });

  it('builds a serialisable card for every entity in every language, today and on the article date', () => {
    const lookup = lookupOf(pack.entities);
    for (const entity of pack.entities) {
      for (const lang of LANGS) {
        for (const date of [ARTICLE, TODAY, '1985-01-01']) {
          const c = buildCard(entity, { date, lang, today: TODAY, lookup });
          expect(JSON.parse(JSON.stringify(c))).toEqual(c);
          expect(c.name).toBeTruthy();
          expect(c.summary).toBeTruthy();
          for (const r of [...c.then.roles, ...c.now.roles]) expect(r.text, `${entity.id} ${lang}`).not.toMatch(/\{\w+\}/);
          for (const d of c.differences) expect(d.text, `${entity.id} ${lang}`).not.toMatch(/\{\w+\}/);
        }
      }
    }
  });
});
