// The card model for (entity, date, language, today): everything the content-script card, the popup and the CLI
// render, as plain serialisable JSON. Pure: no DOM, no clock (today is passed in).
import { CARD_STRINGS, fill, formatDate, formatPeriod, statusLabel, type Dir } from './card-strings.ts';
import type { IsoDay } from './dates.ts';
import { LANGS, type Category, type Entity, type EntityType, type Lang, type MembershipStatus, type PartialDate } from './pack.ts';
import { changesBetween, snapshot, type MembershipOn, type RoleOn, type Snapshot } from './timeline.ts';

export interface CardName {
  lang: Lang;
  name: string;
  dir: Dir;
}

export interface CardRole {
  /** The title in the card language. */
  title: string;
  /** Entity id the role is held in. */
  of: string;
  /** That entity's (short) name in the card language. */
  ofName: string;
  from: PartialDate;
  to: PartialDate | null;
  /** "6 Nov 2012 – 12 May 2024" / "since 2004". */
  period: string;
  /** The line to show: "Minister of Defence, Russia", or "former Secretary General, CSTO" for a former role. */
  text: string;
  former: boolean;
  /** The day falls in the uncertain part of a partial date. */
  approximate: boolean;
  note?: string;
}

export interface CardMembership {
  /** Organisation id. */
  org: string;
  orgName: string;
  /** null: no recorded relation on the day (not yet, or no longer, a member). */
  status: MembershipStatus | null;
  /** "founding member", "participation frozen", "not yet a member" … in the card language. */
  statusLabel: string;
  /** Dates of the entry in force (null when there is none). */
  from: PartialDate | null;
  to: PartialDate | null;
  period: string;
  /** "CSTO: participation frozen". */
  text: string;
  approximate: boolean;
  note?: string;
}

export interface CardSection {
  date: IsoDay;
  /** "31 Aug 2021". */
  dateLabel: string;
  /** "At the time of this article (31 Aug 2021)" or "Today". */
  heading: string;
  /** Roles held on the day. */
  roles: CardRole[];
  /** Roles that had ended before the day, most recently ended first. */
  formerRoles: CardRole[];
  /** The relation to each organisation the entity has a record with. */
  memberships: CardMembership[];
  /** The relation to the CSTO, when there is a record of one. */
  csto: CardMembership | null;
  /** A person with no role on the day. */
  noRole: boolean;
  /** The day is before every dated fact of the entity. */
  beforeRecords: boolean;
  /** Localised lines explaining the above (e.g. "No recorded office on this date"). */
  notices: string[];
}

export type CardDifferenceKind = 'role-ended' | 'role-started' | 'role-between' | 'status-changed';

export interface CardDifference {
  kind: CardDifferenceKind;
  /** One localised line: "Then: Minister of Defence, Russia; now former (until 12 May 2024)". */
  text: string;
  /** For role changes. */
  role?: CardRole;
  /** For status changes. */
  org?: string;
  then?: MembershipStatus | null;
  now?: MembershipStatus | null;
  since?: PartialDate | null;
  /** Statuses held only in between the two days, in time order. */
  between?: MembershipStatus[];
}

export interface CardLabels {
  type: string;
  category: string;
  roles: string;
  formerRoles: string;
  memberships: string;
  changes: string;
  background: string;
  related: string;
  sources: string;
  /** "Checked 29 Nov 2026". */
  checked: string;
  otherNames: string;
  former: string;
  approximate: string;
  close: string;
}

export interface CardModel {
  version: 1;
  id: string;
  type: EntityType;
  category: Category;
  /** The card language, and the text direction to render it in. */
  lang: Lang;
  dir: Dir;
  /** Name in the card language. */
  name: string;
  shortName?: string;
  /** The name in the two other languages (original scripts). */
  otherNames: CardName[];
  wikidata?: string;
  summary: string;
  background: string;
  /** The article's date (or the date asked for) and today. */
  date: IsoDay;
  today: IsoDay;
  /** date === today: `then` and `now` are the same day. */
  sameDay: boolean;
  then: CardSection;
  now: CardSection;
  /** Whether anything differs between then and now (same as differences.length > 0). */
  changed: boolean;
  differences: CardDifference[];
  related: Array<{ id: string; name: string }>;
  sources: Array<{ url: string; title: string }>;
  checked: PartialDate;
  labels: CardLabels;
}

/** Finds an entity by id (a Map's get, or a function over a pack). */
export type EntityLookup = (id: string) => Entity | undefined;

export interface CardOptions {
  /** The article's date, or the date the card is asked for. */
  date: IsoDay;
  lang: Lang;
  /** Today, passed in so the model stays pure. */
  today: IsoDay;
  lookup: EntityLookup;
  /** 'article' (default): the then-heading reads "At the time of this article (…)"; 'date': "As of …". */
  context?: 'article' | 'date';
}

/** The name of an entity in a language, short form when asked and available; the id when it is unknown. */
export function displayName(lookup: EntityLookup, id: string, lang: Lang, short = false): string {
  const entity = lookup(id);
  if (!entity) return id;
  const names = entity.names[lang];
  return (short ? names.short : undefined) ?? names.name;
}

/** Whether a role title already names the entity it is held in ("Secretary General of the CSTO"). */
function titleMentions(title: string, entity: Entity | undefined, lang: Lang): boolean {
  if (!entity) return false;
  const names = entity.names[lang];
  const candidates = [names.name, names.short, ...names.aliases.flatMap((a) => [a.text, ...a.forms])].filter(
    (text): text is string => text !== undefined && text.length >= 3,
  );
  const folded = title.toLocaleLowerCase();
  return candidates.some((text) => {
    const needle = text.toLocaleLowerCase();
    if (folded.includes(needle)) return true;
    // Russian titles hold the name in another case: "Министр обороны России" for "Россия".
    if (lang === 'ru' && needle.length >= 5 && !needle.includes(' ')) return folded.includes(needle.slice(0, -1));
    return false;
  });
}

function cardRole(on: RoleOn, lang: Lang, lookup: EntityLookup, former: boolean): CardRole {
  const s = CARD_STRINGS[lang];
  const { role } = on;
  const title = role.title[lang];
  const ofName = displayName(lookup, role.of, lang, true);
  const line = (t: string): string => (titleMentions(title, lookup(role.of), lang) ? t : fill(s.roleIn, { title: t, of: ofName }));
  const plain = line(title);
  const formerText = s.formerAppliesTo === 'title' ? line(fill(s.formerRole, { title })) : fill(s.formerRole, { title: plain });
  return {
    title,
    of: role.of,
    ofName,
    from: role.from,
    to: role.to ?? null,
    period: formatPeriod(lang, role.from, role.to),
    text: former ? formerText : plain,
    former,
    approximate: on.approximate,
    ...(role.note ? { note: role.note[lang] } : {}),
  };
}

function cardMembership(on: MembershipOn, entity: Entity, lang: Lang, lookup: EntityLookup): CardMembership {
  const s = CARD_STRINGS[lang];
  const orgName = displayName(lookup, on.org, lang, true);
  const label =
    on.status !== null
      ? statusLabel(lang, on.status, entity.type === 'state')
      : on.previous && on.next
        ? s.notMember
        : on.previous
          ? s.noLongerMember
          : s.notYetMember;
  const m = on.membership;
  return {
    org: on.org,
    orgName,
    status: on.status,
    statusLabel: label,
    from: m?.from ?? null,
    to: m?.to ?? null,
    period: m ? formatPeriod(lang, m.from, m.to) : '',
    text: fill(s.statusIn, { org: orgName, status: label }),
    approximate: on.approximate,
    ...(m?.note ? { note: m.note[lang] } : {}),
  };
}

function section(entity: Entity, snap: Snapshot, heading: string, lang: Lang, lookup: EntityLookup): CardSection {
  const s = CARD_STRINGS[lang];
  const memberships = snap.memberships.map((on) => cardMembership(on, entity, lang, lookup));
  const noRole = entity.type === 'person' && snap.roles.length === 0;
  const notices: string[] = [];
  if (snap.beforeRecords && snap.earliest) notices.push(fill(s.beforeRecords, { date: formatDate(snap.earliest, lang, true) }));
  else if (noRole) notices.push(s.noRole);
  return {
    date: snap.day,
    dateLabel: formatDate(snap.day, lang),
    heading,
    roles: snap.roles.map((on) => cardRole(on, lang, lookup, false)),
    formerRoles: snap.formerRoles.map((on) => cardRole(on, lang, lookup, true)),
    memberships,
    csto: memberships.find((m) => m.org === 'csto') ?? null,
    noRole,
    beforeRecords: snap.beforeRecords,
    notices,
  };
}

/** The card for `entity` as of options.date, compared with options.today, in options.lang. */
export function buildCard(entity: Entity, options: CardOptions): CardModel {
  const { date, lang, today, lookup } = options;
  const s = CARD_STRINGS[lang];
  const dateLabel = formatDate(date, lang);
  const thenHeading = date === today ? s.today : fill(options.context === 'date' ? s.asOf : s.atArticle, { date: dateLabel });
  const then = section(entity, snapshot(entity, date), thenHeading, lang, lookup);
  const now = section(entity, snapshot(entity, today), s.today, lang, lookup);

  const forState = entity.type === 'state';
  const differences: CardDifference[] = changesBetween(entity, date, today).map((change) => {
    if (change.kind === 'status-changed') {
      const orgName = displayName(lookup, change.org, lang, true);
      const label = (status: MembershipStatus | null, side: 'then' | 'now'): string => {
        if (status !== null) return statusLabel(lang, status, forState);
        const on = side === 'then' ? then.memberships : now.memberships;
        return on.find((m) => m.org === change.org)?.statusLabel ?? s.notMember;
      };
      const values = { org: orgName, then: label(change.then, 'then'), now: label(change.now, 'now') };
      const between = change.between.map((m) => m.status);
      const detail = [
        ...(change.since ? [fill(s.since, { from: formatDate(change.since, lang, true) })] : []),
        ...(between.length > 0 ? [fill(s.inBetween, { list: between.map((b) => statusLabel(lang, b, forState)).join(s.listSeparator) })] : []),
      ].join(lang === 'ar' ? '؛ ' : '; ');
      const text = detail ? fill(s.statusChanged, { ...values, detail }) : fill(s.statusChangedNoDate, values);
      return { kind: change.kind, text, org: change.org, then: change.then, now: change.now, since: change.since ?? null, between };
    }
    const role = cardRole({ index: change.index, role: change.role, approximate: false }, lang, lookup, change.kind === 'role-ended');
    const plain = cardRole({ index: change.index, role: change.role, approximate: false }, lang, lookup, false).text;
    const text =
      change.kind === 'role-ended'
        ? fill(s.roleEnded, { role: plain, to: formatDate(change.role.to ?? today, lang, true) })
        : change.kind === 'role-started'
          ? fill(s.roleStarted, { role: plain, since: fill(s.since, { from: formatDate(change.role.from, lang, true) }) })
          : fill(s.roleBetween, { role: plain, period: role.period });
    return { kind: change.kind, text, role };
  });

  const names = entity.names[lang];
  return {
    version: 1,
    id: entity.id,
    type: entity.type,
    category: entity.category,
    lang,
    dir: s.dir,
    name: names.name,
    ...(names.short ? { shortName: names.short } : {}),
    otherNames: LANGS.filter((other) => other !== lang).map((other) => ({
      lang: other,
      name: entity.names[other].name,
      dir: CARD_STRINGS[other].dir,
    })),
    ...(entity.wikidata ? { wikidata: entity.wikidata } : {}),
    summary: entity.summary[lang],
    background: entity.background[lang],
    date,
    today,
    sameDay: date === today,
    then,
    now,
    changed: differences.length > 0,
    differences,
    related: entity.related.filter((id) => lookup(id) !== undefined).map((id) => ({ id, name: displayName(lookup, id, lang) })),
    sources: entity.sources.map(({ url, title }) => ({ url, title })),
    checked: entity.checked,
    labels: {
      type: s.types[entity.type],
      category: s.categories[entity.category],
      roles: s.roles,
      formerRoles: s.formerRoles,
      memberships: s.memberships,
      changes: s.changes,
      background: s.background,
      related: s.related,
      sources: s.sources,
      checked: fill(s.checked, { date: formatDate(entity.checked, lang) }),
      otherNames: s.otherNames,
      former: s.former,
      approximate: s.approximate,
      close: s.close,
    },
  };
}

/** A lookup over a list of entities (a pack's `entities`). */
export function lookupOf(entities: readonly Entity[]): EntityLookup {
  const index = new Map(entities.map((entity) => [entity.id, entity]));
  return (id) => index.get(id);
}

/** Plain text of a card, for the CLI and for copying: the name, then, today, what changed, background, sources. */
export function cardToText(card: CardModel): string {
  const lines: string[] = [];
  const others = card.otherNames.map((n) => n.name).join(' · ');
  lines.push(others ? `${card.name}  (${others})` : card.name);
  lines.push(`${card.labels.type} · ${card.labels.category}`);
  lines.push(card.summary, '');
  const sectionLines = (sec: CardSection): void => {
    lines.push(sec.heading === CARD_STRINGS[card.lang].today ? `${sec.heading} (${sec.dateLabel})` : sec.heading);
    for (const notice of sec.notices) lines.push(`  ${notice}`);
    for (const role of sec.roles) lines.push(`  • ${role.text} (${role.period})${role.approximate ? ` [${card.labels.approximate}]` : ''}`);
    for (const m of sec.memberships) lines.push(`  • ${m.text}${m.period ? ` (${m.period})` : ''}${m.approximate ? ` [${card.labels.approximate}]` : ''}`);
    const latestFormer = sec.formerRoles[0];
    if (sec.noRole && latestFormer) lines.push(`  • ${latestFormer.text} (${latestFormer.period})`);
  };
  sectionLines(card.then);
  if (!card.sameDay) {
    lines.push('');
    sectionLines(card.now);
    if (card.differences.length > 0) {
      lines.push('', `${card.labels.changes}:`);
      for (const d of card.differences) lines.push(`  • ${d.text}`);
    }
  }
  lines.push('', `${card.labels.background}:`, `  ${card.background}`);
  if (card.related.length > 0) lines.push('', `${card.labels.related}: ${card.related.map((r) => `${r.name} [${r.id}]`).join(CARD_STRINGS[card.lang].listSeparator)}`);
  lines.push('', `${card.labels.sources}:`);
  for (const source of card.sources) lines.push(`  - ${source.title} <${source.url}>`);
  lines.push(card.labels.checked);
  return lines.join('\n');
}
