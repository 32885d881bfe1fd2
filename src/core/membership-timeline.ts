// The membership timeline of an organisation (the CSTO) as plain geometry: a row per state, a bar per membership
// period coloured by status, year ticks, and an optional marker for the article's date. Pure: the chart component
// only draws what this returns, so the layout is tested in node.
import { endOf, startOf, type IsoDay } from './dates.ts';
import { MEMBERSHIP_STATUSES, type Entity, type MembershipStatus, type PartialDate } from './pack.ts';

export interface TimelineBar {
  status: MembershipStatus;
  /** The entry as recorded. */
  from: PartialDate;
  to: PartialDate | null;
  /** The days drawn (clamped to the chart's range). */
  startDay: IsoDay;
  endDay: IsoDay;
  x: number;
  width: number;
  /** No end date: the status holds today. */
  ongoing: boolean;
}

export interface TimelineRow {
  entity: Entity;
  y: number;
  bars: TimelineBar[];
  /** The status on the chart's last day (null: none). */
  current: MembershipStatus | null;
}

export interface TimelineTick {
  year: number;
  x: number;
  /** Ticks carry a label every `labelEvery` years so they do not collide. */
  labelled: boolean;
}

export interface TimelineMarker {
  date: IsoDay;
  x: number;
}

export interface TimelineLayout {
  org: string;
  start: IsoDay;
  end: IsoDay;
  width: number;
  height: number;
  /** Left edge of the plot (room for the state names; on the right in RTL, mirrored by the component). */
  plotX: number;
  plotWidth: number;
  plotTop: number;
  rowHeight: number;
  barHeight: number;
  rows: TimelineRow[];
  ticks: TimelineTick[];
  marker: TimelineMarker | null;
  /** The statuses present, in MEMBERSHIP_STATUSES order, for the legend. */
  statuses: MembershipStatus[];
}

export interface TimelineOptions {
  org?: string;
  /** First day of the chart; default 1992-01-01 (the Tashkent treaty was signed on 15 May 1992). */
  start?: IsoDay;
  /** Today: the chart's last day. */
  end: IsoDay;
  /** The article's date, drawn as a line when it falls within the chart. */
  marker?: IsoDay | null;
  width?: number;
  labelWidth?: number;
  rowHeight?: number;
  /** Room above the rows for the year labels. */
  axisHeight?: number;
}

function dayNumber(day: IsoDay): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
}

/** A linear scale from days to x over [plotX, plotX + plotWidth]. */
export function dayScale(start: IsoDay, end: IsoDay, plotX: number, plotWidth: number): (day: IsoDay) => number {
  const d0 = dayNumber(start);
  const span = Math.max(1, dayNumber(end) - d0);
  return (day) => plotX + ((dayNumber(day) - d0) / span) * plotWidth;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function membershipTimeline(entities: readonly Entity[], options: TimelineOptions): TimelineLayout {
  const org = options.org ?? 'csto';
  const start = options.start ?? '1992-01-01';
  const end = options.end;
  const width = options.width ?? 640;
  const plotX = options.labelWidth ?? 120;
  const plotWidth = Math.max(1, width - plotX - 8);
  const rowHeight = options.rowHeight ?? 22;
  const barHeight = Math.round(rowHeight * 0.64);
  const plotTop = options.axisHeight ?? 20;
  const x = dayScale(start, end, plotX, plotWidth);

  const members = entities
    .filter((entity) => entity.type === 'state')
    .map((entity) => ({ entity, entries: entity.memberships.filter((m) => m.org === org && startOf(m.from) <= end) }))
    .filter(({ entries }) => entries.length > 0)
    .map(({ entity, entries }) => ({ entity, entries: [...entries].sort((a, b) => (startOf(a.from) < startOf(b.from) ? -1 : 1)) }))
    // Earliest first; among equals, the pack's order (stable sort), which is by id.
    .sort((a, b) => {
      const fa = startOf(a.entries[0]!.from);
      const fb = startOf(b.entries[0]!.from);
      return fa < fb ? -1 : fa > fb ? 1 : 0;
    });

  const statuses = new Set<MembershipStatus>();
  const rows: TimelineRow[] = members.map(({ entity, entries }, index) => {
    const bars: TimelineBar[] = entries.map((m) => {
      statuses.add(m.status);
      const startDay = startOf(m.from) < start ? start : startOf(m.from);
      const last = m.to ? endOf(m.to) : end;
      const endDay = last > end ? end : last;
      // Round the ends, not the width, so neighbouring bars meet exactly.
      const x0 = round(x(startDay));
      const x1 = round(x(endDay));
      return { status: m.status, from: m.from, to: m.to ?? null, startDay, endDay, x: x0, width: round(Math.max(1, x1 - x0)), ongoing: !m.to };
    });
    const open = entries.filter((m) => startOf(m.from) <= end && (!m.to || endOf(m.to) >= end));
    return { entity, y: plotTop + index * rowHeight, bars, current: open.at(-1)?.status ?? null };
  });

  const firstYear = Number(start.slice(0, 4));
  const lastYear = Number(end.slice(0, 4));
  const years = lastYear - firstYear;
  const labelEvery = plotWidth / Math.max(1, years) >= 32 ? 2 : 4;
  const ticks: TimelineTick[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const day = `${year}-01-01`;
    if (day < start) continue;
    ticks.push({ year, x: round(x(day)), labelled: (year - firstYear) % labelEvery === 0 });
  }

  const markerDay = options.marker;
  const marker = markerDay && markerDay >= start && markerDay <= end ? { date: markerDay, x: round(x(markerDay)) } : null;

  return {
    org,
    start,
    end,
    width,
    height: plotTop + rows.length * rowHeight + 4,
    plotX,
    plotWidth,
    plotTop,
    rowHeight,
    barHeight,
    rows,
    ticks,
    marker,
    statuses: MEMBERSHIP_STATUSES.filter((status) => statuses.has(status)),
  };
}
