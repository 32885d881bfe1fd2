// "As of day D": the roles an entity held, its memberships and their statuses, and what changed between two days.
// Pure: no DOM, no browser API, no clock. Partial dates (YYYY, YYYY-MM) are ranges of days (see dates.ts): a fact
// dated "2024-05" may hold on any day of May 2024, so on such a day it counts as held and is marked `approximate`.
import { endOf, startOf, type IsoDay } from './dates.ts';
import type { Entity, Membership, MembershipStatus, Role } from './pack.ts';

/** A role held on a day. */
export interface RoleOn {
  /** Index into entity.roles: a stable identity for comparing two days. */
  index: number;
  role: Role;
  /** True when the day falls inside the uncertain part of a partial `from` or `to` (e.g. "2024" or "2024-05"). */
  approximate: boolean;
}

/**
 * An entity's relation to one organisation on a day.
 * `status` is null when no recorded entry covers the day: before the first entry (`next` is set, `previous` is not),
 * between two entries (both set) or after the last one ended (`previous` set).
 */
export interface MembershipOn {
  org: string;
  status: MembershipStatus | null;
  /** The entry in force on the day (index into entity.memberships), when there is one. */
  index?: number;
  membership?: Membership;
  approximate: boolean;
  /** The latest entry for this organisation that ended before the day. */
  previous?: Membership;
  /** The earliest entry for this organisation that starts after the day. */
  next?: Membership;
}

export interface Snapshot {
  day: IsoDay;
  roles: RoleOn[];
  /** Roles that ended before the day, most recently ended first. */
  formerRoles: RoleOn[];
  /** One entry per organisation the entity has any recorded relation with, in order of first appearance. */
  memberships: MembershipOn[];
  /** The first day of the earliest dated fact, if the entity has any. */
  earliest?: IsoDay;
  /** The day is before every dated fact of the entity (nothing can be said about it then). */
  beforeRecords: boolean;
}

export type Change =
  /** Held on the then-day, no longer held today. */
  | { kind: 'role-ended'; index: number; role: Role }
  /** Held today, not held on the then-day. */
  | { kind: 'role-started'; index: number; role: Role }
  /** Started after the then-day and ended before today: held only in between. */
  | { kind: 'role-between'; index: number; role: Role }
  /**
   * The relation to an organisation differs between the two days, or was interrupted in between
   * (`between` lists the entries that started after then and ended before now, in time order).
   */
  | {
      kind: 'status-changed';
      org: string;
      then: MembershipStatus | null;
      now: MembershipStatus | null;
      /** When the status in force today started (absent when there is none today). */
      since?: string;
      /** When the relation recorded on the then-day ended, if it has ended. */
      until?: string;
      between: Membership[];
    };

export interface Timeline {
  then: Snapshot;
  now: Snapshot;
  changes: Change[];
}

/** Whether a fact dated [from, to] holds on `day`, and whether only approximately (partial boundary dates). */
export function coverage(day: IsoDay, from: string, to?: string): { holds: boolean; approximate: boolean } {
  const holds = startOf(from) <= day && (to === undefined || day <= endOf(to));
  if (!holds) return { holds, approximate: false };
  // Certain only when the day is at or after the last day `from` can mean and at or before the first day `to` can mean.
  const approximate = day < endOf(from) || (to !== undefined && day > startOf(to));
  return { holds, approximate };
}

function endedBefore(day: IsoDay, to: string | undefined): boolean {
  return to !== undefined && endOf(to) < day;
}

function startsAfter(day: IsoDay, from: string): boolean {
  return startOf(from) > day;
}

/** The roles held on `day`, in the order they are written (which is time order). */
export function rolesOn(entity: Entity, day: IsoDay): RoleOn[] {
  const held: RoleOn[] = [];
  entity.roles.forEach((role, index) => {
    const { holds, approximate } = coverage(day, role.from, role.to);
    if (holds) held.push({ index, role, approximate });
  });
  return held;
}

/** Roles that had ended before `day`, most recently ended first. */
export function formerRolesOn(entity: Entity, day: IsoDay): RoleOn[] {
  return entity.roles
    .map((role, index) => ({ index, role, approximate: false }))
    .filter(({ role }) => endedBefore(day, role.to))
    .sort((a, b) => (endOf(b.role.to!) < endOf(a.role.to!) ? -1 : endOf(b.role.to!) > endOf(a.role.to!) ? 1 : b.index - a.index));
}

/** The organisations an entity has a recorded relation with, in order of first appearance. */
export function orgsOf(entity: Entity): string[] {
  return [...new Set(entity.memberships.map((m) => m.org))];
}

/** The entity's relation to `org` on `day`. */
export function membershipOn(entity: Entity, org: string, day: IsoDay): MembershipOn {
  const history = entity.memberships.map((membership, index) => ({ membership, index })).filter(({ membership }) => membership.org === org);
  // When two entries meet on a boundary day (one ends the day the next starts, or a partial end date overlaps the
  // next start), the later one wins: on the day Armenia's participation was frozen, it is frozen.
  let current: { membership: Membership; index: number; approximate: boolean } | undefined;
  for (const { membership, index } of history) {
    const { holds, approximate } = coverage(day, membership.from, membership.to);
    if (holds) current = { membership, index, approximate };
  }
  const previous = [...history].reverse().find(({ membership }) => endedBefore(day, membership.to))?.membership;
  const next = history.find(({ membership }) => startsAfter(day, membership.from))?.membership;
  return {
    org,
    status: current?.membership.status ?? null,
    ...(current ? { index: current.index, membership: current.membership } : {}),
    approximate: current?.approximate ?? false,
    ...(previous ? { previous } : {}),
    ...(next ? { next } : {}),
  };
}

/** The relation to every organisation the entity has a record with, on `day`. */
export function membershipsOn(entity: Entity, day: IsoDay): MembershipOn[] {
  return orgsOf(entity).map((org) => membershipOn(entity, org, day));
}

/** The first day of the earliest dated fact (role or membership) of the entity. */
export function earliestFact(entity: Entity): IsoDay | undefined {
  const starts = [...entity.roles.map((r) => startOf(r.from)), ...entity.memberships.map((m) => startOf(m.from))].sort();
  return starts[0];
}

export function snapshot(entity: Entity, day: IsoDay): Snapshot {
  const earliest = earliestFact(entity);
  return {
    day,
    roles: rolesOn(entity, day),
    formerRoles: formerRolesOn(entity, day),
    memberships: membershipsOn(entity, day),
    ...(earliest ? { earliest } : {}),
    beforeRecords: earliest !== undefined && day < earliest,
  };
}

function nextDay(day: IsoDay): IsoDay {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Whether some day in (early, late) is covered by no entry for `org`. */
function lapsedBetween(entity: Entity, org: string, early: IsoDay, late: IsoDay): boolean {
  const history = entity.memberships.filter((m) => m.org === org);
  // Walk from `early`: the covered stretch extends as long as the next entry starts by the day after it ends.
  let coveredTo: IsoDay | undefined;
  for (const m of history) {
    if (endOf(m.to ?? '9999') < early) continue;
    if (coveredTo === undefined) {
      if (startOf(m.from) > early) return true;
    } else if (startOf(m.from) > nextDay(coveredTo)) {
      return true; // a gap after coveredTo, which is before `late`
    }
    coveredTo = m.to === undefined ? '9999-12-31' : coveredTo === undefined || endOf(m.to) > coveredTo ? endOf(m.to) : coveredTo;
    if (coveredTo >= late) return false;
  }
  return coveredTo === undefined || coveredTo < late;
}

/** What changed between `then` and `now` (usually the article's date and today). */
export function changesBetween(entity: Entity, then: IsoDay, now: IsoDay): Change[] {
  const [early, late] = then <= now ? [then, now] : [now, then];
  const changes: Change[] = [];
  const heldThen = new Set(rolesOn(entity, then).map((r) => r.index));
  const heldNow = new Set(rolesOn(entity, now).map((r) => r.index));
  entity.roles.forEach((role, index) => {
    if (heldThen.has(index) && !heldNow.has(index)) changes.push({ kind: 'role-ended', index, role });
    else if (!heldThen.has(index) && heldNow.has(index)) changes.push({ kind: 'role-started', index, role });
    else if (!heldThen.has(index) && !heldNow.has(index) && startsAfter(early, role.from) && endedBefore(late, role.to)) {
      changes.push({ kind: 'role-between', index, role });
    }
  });
  for (const org of orgsOf(entity)) {
    const a = membershipOn(entity, org, then);
    const b = membershipOn(entity, org, now);
    const between = entity.memberships.filter(
      (m, index) => m.org === org && index !== a.index && index !== b.index && startsAfter(early, m.from) && endedBefore(late, m.to),
    );
    const sameEntry = a.index !== undefined && a.index === b.index;
    if (sameEntry) continue;
    // The same status on both days through different entries counts only if the relation lapsed in between
    // (left and came back), not when one entry simply follows the next.
    if (a.status === b.status && between.length === 0 && !(a.status !== null && lapsedBetween(entity, org, early, late))) continue;
    changes.push({
      kind: 'status-changed',
      org,
      then: a.status,
      now: b.status,
      ...(b.membership ? { since: b.membership.from } : {}),
      ...(a.membership?.to !== undefined ? { until: a.membership.to } : {}),
      between,
    });
  }
  // Time order of the change itself: when it happened.
  const when = (c: Change): string =>
    c.kind === 'role-ended' ? startOf(c.role.to ?? late) : c.kind === 'status-changed' ? startOf(c.since ?? c.until ?? late) : startOf(c.role.from);
  return changes
    .map((change, order) => ({ change, order }))
    .sort((x, y) => (when(x.change) < when(y.change) ? -1 : when(x.change) > when(y.change) ? 1 : x.order - y.order))
    .map(({ change }) => change);
}

/** Both snapshots and the changes between them. */
export function timeline(entity: Entity, then: IsoDay, now: IsoDay): Timeline {
  return { then: snapshot(entity, then), now: snapshot(entity, now), changes: changesBetween(entity, then, now) };
}
