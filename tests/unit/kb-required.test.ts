// The real knowledge base (entities/ compiled as `npm run entities` does): every id GUIDE section 3 requires is
// there with names, summaries and backgrounds written in all three languages and sources; the spelling variants the
// issue names are known; and the time-aware expectations of ../shared/seed/gold-ar.json hold.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCard, lookupOf } from '../../src/core/card.ts';
import { isWithin } from '../../src/core/dates.ts';
import { LANGS, type Entity, type Lang, type Pack } from '../../src/core/pack.ts';
import { membershipOn, rolesOn } from '../../src/core/timeline.ts';
import { realPack } from './fixtures/real-pack.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TODAY = '2026-11-29';

// GUIDE section 3: "These ids are required as named".
const REQUIRED = [
  'csto', 'collective-security-treaty', 'csto-collective-security-council', 'csto-secretariat', 'csto-joint-staff',
  'csto-crrf', 'csto-peacekeeping-forces', 'csto-collective-forces', 'csto-crdf', 'csto-parliamentary-assembly',
  'russia', 'belarus', 'armenia', 'kazakhstan', 'kyrgyzstan', 'tajikistan', 'uzbekistan', 'azerbaijan', 'georgia',
  'afghanistan', 'usa', 'serbia', 'putin', 'lavrov', 'shoigu', 'belousov', 'lukashenko', 'pashinyan', 'tokayev',
  'japarov', 'rahmon', 'zas', 'tasmagambetov', 'masadykov', 'bordyuzha', 'khachaturov', 'nato', 'sco', 'cis', 'eaeu',
  'un', 'taliban', 'tass', 'reuters', 'moscow', 'central-asia',
];

const SCRIPT: Record<Lang, RegExp> = { en: /\p{Script=Latin}/gu, ar: /\p{Script=Arabic}/gu, ru: /\p{Script=Cyrillic}/gu };

/** The share of letters of a text that are in the language's script. */
function scriptShare(text: string, lang: Lang): number {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters === 0 ? 0 : (text.match(SCRIPT[lang])?.length ?? 0) / letters;
}


let pack: Pack;
let byId: Map<string, Entity>;
beforeAll(() => {
  pack = realPack();
  byId = new Map(pack.entities.map((e) => [e.id, e]));
});
const get = (id: string): Entity => {
  const entity = byId.get(id);
  if (!entity) throw new Error(`entity "${id}" is missing from entities/`);
  return entity;
};

describe('required ids (GUIDE section 3)', () => {
  it('the list matches GUIDE section 3 when ../shared/GUIDE.md is there', () => {
    const guide = join(ROOT, '..', 'shared', 'GUIDE.md');
    if (!existsSync(guide)) return;
    const text = readFileSync(guide, 'utf8');
    const block = text.slice(text.indexOf('**Entity ids**'), text.indexOf('**CLI**'));
    const ids = [...block.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]);
    expect(ids).toEqual(REQUIRED);
  });

  it('every required id exists', () => {
    expect(REQUIRED.filter((id) => !byId.has(id))).toEqual([]);
  });

  it.each(REQUIRED)('%s has names, summary, background in en/ar/ru, written in each language, and sources', (id) => {
    const entity = get(id);
    for (const lang of LANGS) {
      expect(entity.names[lang].name.trim(), `${id} names.${lang}`).not.toBe('');
      for (const field of ['summary', 'background'] as const) {
        const text = entity[field][lang];
        expect(text.trim().length, `${id} ${field}.${lang}`).toBeGreaterThan(field === 'summary' ? 15 : 60);
        // Really written in the language: mostly its own script (names of Latin-script things may appear).
        expect(scriptShare(text, lang), `${id} ${field}.${lang} is not mostly in ${lang} script`).toBeGreaterThan(0.7);
      }
      if (lang !== 'en') expect(scriptShare(entity.names[lang].name, lang), `${id} names.${lang}.name`).toBeGreaterThan(0.5);
    }
    expect(entity.summary.ar).not.toBe(entity.summary.en);
    expect(entity.sources.length).toBeGreaterThan(0);
    for (const source of entity.sources) {
      expect(source.url).toMatch(/^https:\/\//);
      expect(source.title.trim()).not.toBe('');
    }
    expect(entity.checked).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    expect(entity.checked <= TODAY).toBe(true);
  });
});

describe('spelling variants the issue names', () => {
  const known = (id: string, lang: Lang): string[] => {
    const names = get(id).names[lang];
    return [names.name, ...(names.short ? [names.short] : []), ...names.aliases.map((a) => a.text)];
  };
  it.each([
    ['shoigu', 'ar', ['شويغو', 'شويجو']],
    ['kyrgyzstan', 'ar', ['قرغيزستان', 'قيرغيزستان']],
    ['belarus', 'ar', ['بيلاروس', 'روسيا البيضاء']],
    ['belarus', 'ru', ['Белоруссия', 'Беларусь']],
    ['kyrgyzstan', 'en', ['Kyrgyzstan', 'Kirghizia']],
  ] as const)('%s (%s) knows %j', (id, lang, variants) => {
    const names = known(id, lang);
    for (const variant of variants) expect(names, `${id}.${lang}`).toContain(variant);
  });

  it('flags "Georgia" as ambiguous in English (also a US state)', () => {
    expect(get('georgia').names.en.aliases).toContainEqual(expect.objectContaining({ text: 'Georgia', ambiguous: true }));
  });
});

describe('facts the press often gets wrong', () => {
  it('Armenia froze its participation in 2024 and is not a former member', () => {
    const armenia = get('armenia');
    expect(membershipOn(armenia, 'csto', TODAY).status).toBe('frozen');
    expect(membershipOn(armenia, 'csto', TODAY).membership!.from.startsWith('2024')).toBe(true);
    expect(armenia.memberships.some((m) => m.org === 'csto' && m.status === 'withdrawn')).toBe(false);
    expect(armenia.category).toBe('member-states');
  });

  it('the Collective Security Treaty was signed in Tashkent on 15 May 1992', () => {
    const treaty = get('collective-security-treaty');
    const text = `${treaty.summary.en} ${treaty.background.en}`;
    expect(text).toMatch(/15 May 1992/);
    expect(text).toMatch(/Tashkent/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Gold expectations: ../shared/seed/gold-ar.json, read relative to the repository root.

interface Expectation {
  entity: string;
  as_of: string;
  expect: string;
}

const GOLD = join(ROOT, '..', 'shared', 'seed', 'gold-ar.json');
const gold: { published?: string; mentions?: Array<{ entity: string }>; time_aware_expectations?: Expectation[] } = existsSync(GOLD)
  ? JSON.parse(readFileSync(GOLD, 'utf8'))
  : {};
const expectations = gold.time_aware_expectations ?? [];

/** The entity whose English name, short name or alias is `text` ("Russia", "CSTO"). */
function entityNamed(text: string): Entity | undefined {
  return pack.entities.find((e) => {
    const n = e.names.en;
    return [n.name, n.short, ...n.aliases.map((a) => a.text)].some((name) => name?.toLowerCase() === text.toLowerCase());
  });
}

/** Checks a period written as the gold file writes them against a role's or membership's dates. */
function checkPeriod(period: string | undefined, fact: { from: string; to?: string | undefined }, where: string): void {
  if (period === undefined) return;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const toDate = (text: string): string => {
    const m = /^(?:(January|February|March|April|May|June|July|August|September|October|November|December) )?(\d{4})$/.exec(text.trim());
    if (m) return m[1] ? `${m[2]}-${String(months.indexOf(m[1]) + 1).padStart(2, '0')}` : m[2]!;
    return text.trim();
  };
  let m: RegExpExecArray | null;
  if ((m = /^in office (\S+) to (\S+)$/.exec(period))) {
    expect(fact.from, where).toBe(m[1]);
    expect(fact.to, where).toBe(m[2]);
  } else if ((m = /^since (.+)$/.exec(period))) {
    expect(fact.from.startsWith(toDate(m[1]!)), `${where}: from ${fact.from} vs "${period}"`).toBe(true);
    expect(fact.to, `${where}: still so`).toBeUndefined();
  } else if ((m = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(period))) {
    expect(fact.from.startsWith(m[1]!), `${where}: from ${fact.from} vs "${period}"`).toBe(true);
    expect(fact.to?.startsWith(m[2]!), `${where}: to ${fact.to} vs "${period}"`).toBe(true);
  } else {
    throw new Error(`${where}: cannot read the period "${period}"`);
  }
}

/** One clause: "CSTO member state", "CSTO Secretary General (in office …)", "Minister of Defence of Russia (2012-2024)". */
function checkClause(entity: Entity, day: string, clause: string, where: string): void {
  const [, head, period] = /^(.*?)\s*(?:\((.*)\))?$/.exec(clause.trim())!;
  const status = /^(\S+) (founding member|member state|member|observer)$/.exec(head!);
  if (status) {
    const org = entityNamed(status[1]!);
    expect(org, `${where}: organisation "${status[1]}"`).toBeDefined();
    const on = membershipOn(entity, org!.id, day);
    const wanted = status[2] === 'founding member' ? ['founding-member'] : status[2] === 'observer' ? ['observer'] : ['member', 'founding-member'];
    expect(wanted, `${where}: ${entity.id} in ${org!.id} on ${day} is ${on.status}`).toContain(on.status);
    if (on.membership) checkPeriod(period, on.membership, where);
    return;
  }
  // "<title> of <Entity>" or "<Org> <title>".
  let title: string;
  let org: Entity | undefined;
  const of = /^(.+) of ([A-Z][\w .-]*)$/.exec(head!);
  if (of && entityNamed(of[2]!)) {
    title = of[1]!;
    org = entityNamed(of[2]!);
  } else {
    const [first, ...rest] = head!.split(' ');
    org = entityNamed(first!);
    title = rest.join(' ');
  }
  expect(org, `${where}: no entity named in "${head}"`).toBeDefined();
  const held = rolesOn(entity, day).filter((r) => r.role.of === org!.id && r.role.title.en.toLowerCase().includes(title.toLowerCase()));
  expect(held.length, `${where}: ${entity.id} holds no "${title}" in ${org!.id} on ${day}; holds ${JSON.stringify(rolesOn(entity, day).map((r) => r.role.title.en))}`).toBe(1);
  checkPeriod(period, held[0]!.role, where);
  // The card shows the same role in that section.
  const card = buildCard(entity, { date: day, lang: 'en', today: TODAY, lookup: lookupOf(pack.entities) });
  expect(card.then.roles.map((r) => r.of)).toContain(org!.id);
}

describe.skipIf(!existsSync(GOLD))('time-aware expectations of ../shared/seed/gold-ar.json', () => {
  it('there are some', () => {
    expect(expectations.length).toBeGreaterThan(0);
  });

  it.each(expectations.map((e) => [e.entity, e.as_of, e.expect, e] as const))('%s on %s: %s', (_id, _day, _text, expectation) => {
    const entity = get(expectation.entity);
    // "A; today B": A holds on as_of, B holds today.
    const [then, ...rest] = expectation.expect.split(/;\s*today\s+/);
    checkClause(entity, expectation.as_of, then!, `${expectation.entity} on ${expectation.as_of}`);
    for (const clause of rest) checkClause(entity, TODAY, clause, `${expectation.entity} today`);
  });

  it('every entity the gold article mentions is in the pack', () => {
    const missing = [...new Set((gold.mentions ?? []).map((m) => m.entity))].filter((id) => !byId.has(id));
    expect(missing).toEqual([]);
  });

  it('isWithin agrees with the gold dates for the Secretary General', () => {
    const zas = get('zas').roles.find((r) => r.of === 'csto')!;
    expect(isWithin('2021-08-31', zas.from, zas.to)).toBe(true);
    expect(isWithin(TODAY, zas.from, zas.to)).toBe(false);
  });
});
