// Table-driven tests of "as of day D" on a small hand-written pack (invented facts shaped like real ones).
import { describe, expect, it } from 'vitest';
import type { Entity, Membership, Role } from '../../src/core/pack.ts';
import { changesBetween, coverage, earliestFact, membershipOn, rolesOn, snapshot, timeline, type Change } from '../../src/core/timeline.ts';

const t = (en: string) => ({ en, ar: `ar:${en}`, ru: `ru:${en}` });

function entity(id: string, type: Entity['type'], facts: { roles?: Role[]; memberships?: Membership[] } = {}): Entity {
  return {
    id,
    type,
    category: type === 'person' ? 'people' : type === 'state' ? 'member-states' : 'organisations',
    names: { en: { name: id, aliases: [] }, ar: { name: id, aliases: [] }, ru: { name: id, aliases: [] } },
    summary: t(id),
    background: t(id),
    roles: facts.roles ?? [],
    memberships: facts.memberships ?? [],
    related: [],
    sources: [{ url: 'https://example.org', title: 'x' }],
    checked: '2026-11-29',
  };
}

// A Secretary General in and out of office, with an earlier national post.
const secretary = entity('secretary', 'person', {
  roles: [
    { title: t('Chief of the General Staff'), of: 'state-b', from: '2014-01', to: '2019' },
    { title: t('Secretary General'), of: 'org', from: '2020-01-01', to: '2022-12-31' },
  ],
});

// A minister who changed posts, with a short post in between.
const minister = entity('minister', 'person', {
  roles: [
    { title: t('Minister of Emergencies'), of: 'state-a', from: '1994-01-20', to: '2012-05-11' },
    { title: t('Governor of the Region'), of: 'state-a', from: '2012-05-11', to: '2012-11-06' },
    { title: t('Minister of Defence'), of: 'state-a', from: '2012-11-06', to: '2024-05-12' },
    { title: t('Secretary of the Security Council'), of: 'state-a', from: '2024-05-12' },
  ],
});

// Joined, left, came back, was suspended.
const wanderer = entity('wanderer', 'state', {
  memberships: [
    { org: 'org', status: 'founding-member', from: '1992-05-15', to: '1999-04-02' },
    { org: 'org', status: 'withdrawn', from: '1999-04-02', to: '2006-08-16' },
    { org: 'org', status: 'member', from: '2006-08-16', to: '2012-06-28' },
    { org: 'org', status: 'suspended', from: '2012-06-28' },
  ],
});

// A founding member that froze its participation, and is an observer elsewhere.
const frozen = entity('frozen', 'state', {
  memberships: [
    { org: 'org', status: 'founding-member', from: '1992-05-15', to: '2024-02-22' },
    { org: 'org', status: 'frozen', from: '2024-02-22' },
    { org: 'other', status: 'observer', from: '2008' },
  ],
});

// Left without a "withdrawn" entry and came back later: a gap in the record. Partial dates at every boundary.
const gappy = entity('gappy', 'state', {
  memberships: [
    { org: 'org', status: 'member', from: '1994', to: '1999-04' },
    { org: 'org', status: 'member', from: '2006-08' },
  ],
});

// One entry follows the next without a gap and with the same status (split for a note): not a change.
const split = entity('split', 'state', {
  memberships: [
    { org: 'org', status: 'member', from: '1993-12-24', to: '2003-12-31' },
    { org: 'org', status: 'member', from: '2004-01-01' },
  ],
});

// A person with a role whose dates are known only to the year and month.
const partial = entity('partial', 'person', {
  roles: [
    { title: t('Foreign Minister'), of: 'state-a', from: '2004', to: '2024-02' },
    { title: t('Adviser'), of: 'state-a', from: '2024-02' },
  ],
});

const noFacts = entity('nofacts', 'media');

const E = { secretary, minister, wanderer, frozen, gappy, split, partial, noFacts };
type Name = keyof typeof E;

describe('coverage: partial dates are ranges of days', () => {
  it.each([
    // day, from, to, holds, approximate
    ['2003-12-31', '2004', '2024-02', false, false],
    ['2004-01-01', '2004', '2024-02', true, true],
    ['2004-12-30', '2004', '2024-02', true, true],
    ['2004-12-31', '2004', '2024-02', true, false],
    ['2005-01-01', '2004', '2024-02', true, false],
    ['2024-01-31', '2004', '2024-02', true, false],
    ['2024-02-01', '2004', '2024-02', true, false],
    ['2024-02-02', '2004', '2024-02', true, true],
    ['2024-02-29', '2004', '2024-02', true, true],
    ['2024-03-01', '2004', '2024-02', false, false],
    ['2020-01-01', '2020-01-01', '2022-12-31', true, false],
    ['2022-12-31', '2020-01-01', '2022-12-31', true, false],
    ['2023-01-01', '2020-01-01', '2022-12-31', false, false],
    ['2019-12-31', '2020-01-01', undefined, false, false],
    ['2099-01-01', '2020-01-01', undefined, true, false],
    ['2023-02-27', '2023-02', undefined, true, true],
    ['2023-02-28', '2023-02', undefined, true, false],
    ['2023-03-01', '2023-02', undefined, true, false],
  ] as const)('%s in [%s, %s] -> holds %s, approximate %s', (day, from, to, holds, approximate) => {
    expect(coverage(day, from, to)).toEqual({ holds, approximate });
  });
});

describe('rolesOn', () => {
  const titles = (name: Name, day: string) => rolesOn(E[name], day).map((r) => r.role.title.en);
  it.each([
    // entity, day, roles held
    ['secretary', '2013-12-31', []],
    ['secretary', '2014-01-01', ['Chief of the General Staff']],
    ['secretary', '2019-12-31', ['Chief of the General Staff']],
    ['secretary', '2020-01-01', ['Secretary General']],
    ['secretary', '2021-08-31', ['Secretary General']],
    ['secretary', '2022-12-31', ['Secretary General']],
    ['secretary', '2023-01-01', []],
    ['secretary', '2026-11-29', []],
    ['minister', '1994-01-19', []],
    ['minister', '2000-06-01', ['Minister of Emergencies']],
    // A handover day: both posts are held on the day one ends and the next begins.
    ['minister', '2012-05-11', ['Minister of Emergencies', 'Governor of the Region']],
    ['minister', '2012-08-01', ['Governor of the Region']],
    ['minister', '2021-08-31', ['Minister of Defence']],
    ['minister', '2024-05-12', ['Minister of Defence', 'Secretary of the Security Council']],
    ['minister', '2024-05-13', ['Secretary of the Security Council']],
    ['minister', '2026-11-29', ['Secretary of the Security Council']],
    ['partial', '2003-12-31', []],
    ['partial', '2004-01-01', ['Foreign Minister']],
    ['partial', '2024-02-15', ['Foreign Minister', 'Adviser']],
    ['partial', '2024-03-01', ['Adviser']],
    ['noFacts', '2021-08-31', []],
  ] as const)('%s on %s', (name, day, expected) => {
    expect(titles(name, day)).toEqual(expected);
  });

  it('marks roles held only approximately on a partial boundary', () => {
    expect(rolesOn(partial, '2024-02-15').map((r) => [r.role.title.en, r.approximate])).toEqual([
      ['Foreign Minister', true],
      ['Adviser', true],
    ]);
    expect(rolesOn(partial, '2010-06-01')[0]!.approximate).toBe(false);
    expect(rolesOn(secretary, '2014-01-15')[0]!.approximate).toBe(true);
  });

  it('keeps the index into entity.roles as identity', () => {
    expect(rolesOn(minister, '2026-11-29')).toEqual([{ index: 3, role: minister.roles[3], approximate: false }]);
  });
});

describe('membershipOn', () => {
  it.each([
    // entity, day, status, previous status, next status
    ['wanderer', '1992-05-14', null, undefined, 'founding-member'],
    ['wanderer', '1992-05-15', 'founding-member', undefined, 'withdrawn'],
    ['wanderer', '1998-01-01', 'founding-member', undefined, 'withdrawn'],
    // On a boundary day the later entry wins.
    ['wanderer', '1999-04-02', 'withdrawn', undefined, 'member'],
    ['wanderer', '2003-01-01', 'withdrawn', 'founding-member', 'member'],
    ['wanderer', '2006-08-16', 'member', 'founding-member', 'suspended'],
    ['wanderer', '2010-01-01', 'member', 'withdrawn', 'suspended'],
    ['wanderer', '2012-06-28', 'suspended', 'withdrawn', undefined],
    ['wanderer', '2026-11-29', 'suspended', 'member', undefined],
    ['frozen', '1991-12-31', null, undefined, 'founding-member'],
    ['frozen', '2021-08-31', 'founding-member', undefined, 'frozen'],
    ['frozen', '2024-02-21', 'founding-member', undefined, 'frozen'],
    ['frozen', '2024-02-22', 'frozen', undefined, undefined],
    ['frozen', '2026-11-29', 'frozen', 'founding-member', undefined],
    ['gappy', '1993-12-31', null, undefined, 'member'],
    ['gappy', '1994-01-01', 'member', undefined, 'member'],
    ['gappy', '1999-04-30', 'member', undefined, 'member'],
    ['gappy', '1999-05-01', null, 'member', 'member'],
    ['gappy', '2006-07-31', null, 'member', 'member'],
    ['gappy', '2006-08-01', 'member', 'member', undefined],
  ] as const)('%s on %s: %s', (name, day, status, previous, next) => {
    const e = E[name];
    const on = membershipOn(e, 'org', day);
    expect(on.status).toBe(status);
    expect(on.previous?.status).toBe(previous);
    expect(on.next?.status).toBe(next);
    if (status === null) expect(on.membership).toBeUndefined();
    else expect(on.membership).toBe(e.memberships[on.index!]);
  });

  it('marks partial boundaries as approximate', () => {
    expect(membershipOn(gappy, 'org', '1994-06-01').approximate).toBe(true);
    expect(membershipOn(gappy, 'org', '1995-06-01').approximate).toBe(false);
    expect(membershipOn(gappy, 'org', '1999-04-10').approximate).toBe(true);
    expect(membershipOn(frozen, 'other', '2008-05-05')).toMatchObject({ status: 'observer', approximate: true });
    expect(membershipOn(frozen, 'other', '2007-12-31')).toMatchObject({ status: null, approximate: false });
  });

  it('answers per organisation', () => {
    const snap = snapshot(frozen, '2026-11-29');
    expect(snap.memberships.map((m) => [m.org, m.status])).toEqual([
      ['org', 'frozen'],
      ['other', 'observer'],
    ]);
    expect(membershipOn(frozen, 'nowhere', '2026-11-29')).toEqual({ org: 'nowhere', status: null, approximate: false });
  });
});

describe('snapshot', () => {
  it('lists former roles, most recently ended first', () => {
    const snap = snapshot(minister, '2026-11-29');
    expect(snap.roles.map((r) => r.role.title.en)).toEqual(['Secretary of the Security Council']);
    expect(snap.formerRoles.map((r) => r.role.title.en)).toEqual(['Minister of Defence', 'Governor of the Region', 'Minister of Emergencies']);
  });

  it('flags days before every recorded fact', () => {
    expect(earliestFact(frozen)).toBe('1992-05-15');
    expect(earliestFact(partial)).toBe('2004-01-01');
    expect(earliestFact(noFacts)).toBeUndefined();
    expect(snapshot(frozen, '1980-01-01')).toMatchObject({ beforeRecords: true, earliest: '1992-05-15', roles: [], formerRoles: [] });
    expect(snapshot(frozen, '1992-05-15').beforeRecords).toBe(false);
    expect(snapshot(noFacts, '1900-01-01')).toEqual({ day: '1900-01-01', roles: [], formerRoles: [], memberships: [], beforeRecords: false });
  });
});

type Brief = [Change['kind'], string, ...unknown[]];
function brief(changes: Change[]): Brief[] {
  return changes.map((c) =>
    c.kind === 'status-changed'
      ? [c.kind, c.org, c.then, c.now, c.since, c.until, c.between.map((m) => m.status)]
      : [c.kind, c.role.title.en],
  );
}

describe('changesBetween', () => {
  it.each([
    // entity, then, now, changes
    ['secretary', '2021-08-31', '2026-11-29', [['role-ended', 'Secretary General']]],
    ['secretary', '2021-08-31', '2022-12-31', []],
    ['secretary', '2018-01-01', '2026-11-29', [['role-ended', 'Chief of the General Staff'], ['role-between', 'Secretary General']]],
    ['secretary', '2010-01-01', '2021-08-31', [['role-between', 'Chief of the General Staff'], ['role-started', 'Secretary General']]],
    [
      'minister',
      '2021-08-31',
      '2026-11-29',
      [
        ['role-ended', 'Minister of Defence'],
        ['role-started', 'Secretary of the Security Council'],
      ],
    ],
    [
      'minister',
      '2012-01-01',
      '2013-01-01',
      [
        ['role-ended', 'Minister of Emergencies'],
        ['role-between', 'Governor of the Region'],
        ['role-started', 'Minister of Defence'],
      ],
    ],
    ['minister', '2013-01-01', '2021-08-31', []],
    ['wanderer', '2021-08-31', '2026-11-29', []],
    ['wanderer', '2000-01-01', '2026-11-29', [['status-changed', 'org', 'withdrawn', 'suspended', '2012-06-28', '2006-08-16', ['member']]]],
    [
      'wanderer',
      '1995-01-01',
      '2026-11-29',
      [['status-changed', 'org', 'founding-member', 'suspended', '2012-06-28', '1999-04-02', ['withdrawn', 'member']]],
    ],
    ['wanderer', '2007-01-01', '2010-01-01', []],
    ['wanderer', '1990-01-01', '1995-01-01', [['status-changed', 'org', null, 'founding-member', '1992-05-15', undefined, []]]],
    ['frozen', '2021-08-31', '2026-11-29', [['status-changed', 'org', 'founding-member', 'frozen', '2024-02-22', '2024-02-22', []]]],
    ['frozen', '2024-02-22', '2026-11-29', []],
    ['frozen', '2000-01-01', '2026-11-29', [['status-changed', 'other', null, 'observer', '2008', undefined, []], ['status-changed', 'org', 'founding-member', 'frozen', '2024-02-22', '2024-02-22', []]]],
    // Left and came back: the same status on both days, but the relation lapsed in between.
    ['gappy', '1995-01-01', '2021-08-31', [['status-changed', 'org', 'member', 'member', '2006-08', '1999-04', []]]],
    ['gappy', '2000-01-01', '2021-08-31', [['status-changed', 'org', null, 'member', '2006-08', undefined, []]]],
    ['gappy', '2007-01-01', '2021-08-31', []],
    // Consecutive entries with the same status are not a change.
    ['split', '2000-01-01', '2021-08-31', []],
    ['partial', '2021-08-31', '2026-11-29', [['role-ended', 'Foreign Minister'], ['role-started', 'Adviser']]],
    ['noFacts', '2021-08-31', '2026-11-29', []],
  ] as const)('%s from %s to %s', (name, then, now, expected) => {
    expect(brief(changesBetween(E[name], then, now))).toEqual(expected);
  });

  it('bundles both snapshots with the changes', () => {
    const result = timeline(minister, '2021-08-31', '2026-11-29');
    expect(result.then.roles.map((r) => r.index)).toEqual([2]);
    expect(result.now.roles.map((r) => r.index)).toEqual([3]);
    expect(result.changes).toHaveLength(2);
  });

  it('is plain data that survives JSON', () => {
    const result = timeline(wanderer, '1995-01-01', '2026-11-29');
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});
