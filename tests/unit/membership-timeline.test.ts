// Membership timeline geometry: rows, bars, scale, ticks and the article's date marker.
import { describe, expect, it } from 'vitest';
import { bundledPack } from '../../src/core/bundled-pack.ts';
import { dayScale, membershipTimeline } from '../../src/core/membership-timeline.ts';
import type { Entity } from '../../src/core/pack.ts';

const TODAY = '2026-11-29';
const layout = membershipTimeline(bundledPack.entities, { end: TODAY, width: 600, labelWidth: 100 });
const row = (id: string) => layout.rows.find((r) => r.entity.id === id);

describe('dayScale', () => {
  it('maps the range linearly', () => {
    const x = dayScale('2000-01-01', '2000-01-11', 10, 100);
    expect(x('2000-01-01')).toBe(10);
    expect(x('2000-01-06')).toBe(60);
    expect(x('2000-01-11')).toBe(110);
  });
});

describe('membershipTimeline (CSTO)', () => {
  it('has a row per state with a CSTO record, earliest first', () => {
    const ids = layout.rows.map((r) => r.entity.id);
    for (const id of ['russia', 'armenia', 'kazakhstan', 'kyrgyzstan', 'tajikistan', 'belarus', 'uzbekistan', 'azerbaijan', 'georgia']) expect(ids).toContain(id);
    expect(ids).not.toContain('putin');
    expect(ids.indexOf('armenia')).toBeLessThan(ids.indexOf('belarus'));
    expect(layout.rows.every((r, i) => r.y === layout.plotTop + i * layout.rowHeight)).toBe(true);
    expect(layout.height).toBeGreaterThanOrEqual(layout.plotTop + layout.rows.length * layout.rowHeight);
  });

  it('draws each period as a bar within the plot, in order, without overlap', () => {
    for (const r of layout.rows) {
      for (const bar of r.bars) {
        expect(bar.x).toBeGreaterThanOrEqual(layout.plotX);
        expect(bar.x + bar.width).toBeLessThanOrEqual(layout.plotX + layout.plotWidth + 0.01);
        expect(bar.width).toBeGreaterThan(0);
      }
      for (let i = 1; i < r.bars.length; i++) expect(r.bars[i]!.x).toBeGreaterThanOrEqual(r.bars[i - 1]!.x + r.bars[i - 1]!.width - 0.01);
    }
  });

  it('gives Uzbekistan its five periods and the right current statuses', () => {
    expect(row('uzbekistan')?.bars.map((b) => b.status)).toEqual(['founding-member', 'withdrawn', 'member', 'suspended', 'withdrawn']);
    expect(row('uzbekistan')?.current).toBe('withdrawn');
    expect(row('armenia')?.current).toBe('frozen');
    expect(row('russia')?.current).toBe('founding-member');
    expect(row('afghanistan')).toBeUndefined(); // an observer of the Parliamentary Assembly, not of the CSTO
  });

  it('ends open bars at today and reaches the right edge', () => {
    const bar = row('russia')!.bars[0]!;
    expect(bar.ongoing).toBe(true);
    expect(bar.endDay).toBe(TODAY);
    expect(bar.x + bar.width).toBeCloseTo(layout.plotX + layout.plotWidth, 1);
  });

  it('lists the statuses present for the legend, in a fixed order', () => {
    expect(layout.statuses).toEqual(['member', 'founding-member', 'frozen', 'suspended', 'withdrawn']);
    const withObserver = membershipTimeline(
      [{ ...bundledPack.entities.find((e) => e.id === 'serbia')!, memberships: [{ org: 'csto', status: 'observer', from: '2013' }] }],
      { end: TODAY },
    );
    expect(withObserver.statuses).toEqual(['observer']);
    expect(withObserver.rows[0]?.current).toBe('observer');
  });

  it('ticks every year from 1992 and labels some', () => {
    expect(layout.ticks[0]).toMatchObject({ year: 1992, x: layout.plotX, labelled: true });
    expect(layout.ticks.at(-1)?.year).toBe(2026);
    expect(layout.ticks.filter((t) => t.labelled).length).toBeGreaterThan(4);
  });

  it('draws the article date as a marker only inside the range', () => {
    const withMarker = membershipTimeline(bundledPack.entities, { end: TODAY, marker: '2021-08-31' });
    const x = dayScale('1992-01-01', TODAY, withMarker.plotX, withMarker.plotWidth)('2021-08-31');
    expect(withMarker.marker?.x).toBeCloseTo(x, 1);
    expect(membershipTimeline(bundledPack.entities, { end: TODAY, marker: '1980-01-01' }).marker).toBeNull();
    expect(membershipTimeline(bundledPack.entities, { end: TODAY, marker: null }).marker).toBeNull();
  });

  it('leaves out periods that start after the end, and clamps partial dates', () => {
    const state = {
      ...bundledPack.entities.find((e) => e.id === 'serbia')!,
      id: 'test-state',
      memberships: [
        { org: 'csto', status: 'observer' as const, from: '1990', to: '1995' },
        { org: 'csto', status: 'member' as const, from: '2030-01-01' },
      ],
    } satisfies Entity;
    const only = membershipTimeline([state], { end: TODAY });
    expect(only.rows[0]?.bars).toHaveLength(1);
    expect(only.rows[0]?.bars[0]).toMatchObject({ startDay: '1992-01-01', endDay: '1995-12-31', x: only.plotX });
  });
});
