// The CSTO membership timeline as an SVG chart: a row per state, bars coloured by status, year ticks, the article's
// date as a line. Geometry comes from src/core/membership-timeline.ts; this only draws it, mirrored in RTL.
// The chart is an image to assistive technology; the same facts follow as a table.
import { useMemo } from 'preact/hooks';
import { CARD_STRINGS, formatDate, formatPeriod } from '../core/card-strings.ts';
import type { IsoDay } from '../core/dates.ts';
import { membershipTimeline } from '../core/membership-timeline.ts';
import type { Entity, Lang } from '../core/pack.ts';
import { dirOf, t } from './i18n.ts';

export interface TimelineChartProps {
  entities: readonly Entity[];
  lang: Lang;
  today: IsoDay;
  /** The article's date, drawn as a line. */
  marker?: IsoDay | null;
  width?: number;
  /** Called when a state's name is chosen (to open its card). */
  onOpen?: (id: string) => void;
}

let nextId = 0;

export function TimelineChart({ entities, lang, today, marker = null, width = 640, onOpen }: TimelineChartProps) {
  const id = useMemo(() => `timeline-${nextId++}`, []);
  const labelWidth = width < 420 ? 92 : 120;
  const layout = useMemo(
    () => membershipTimeline(entities, { end: today, marker, width, labelWidth, rowHeight: width < 420 ? 20 : 22, axisHeight: 18 }),
    [entities, today, marker, width, labelWidth],
  );
  const rtl = dirOf(lang) === 'rtl';
  const s = CARD_STRINGS[lang];
  // Mirror x for right-to-left: names on the right, time running leftwards.
  const mx = (x: number, w = 0) => (rtl ? layout.width - x - w : x);
  const name = (entity: Entity) => entity.names[lang].short ?? entity.names[lang].name;
  const status = (key: keyof typeof s.statusesOther) => s.statusesOther[key];
  const bottom = layout.height - 4;

  return (
    <figure class="timeline" dir={dirOf(lang)} lang={lang}>
      <figcaption id={`${id}-caption`}>{t('timelineCaption', formatDate(today, lang))}</figcaption>
      <ul class="timeline-legend" aria-label={t('timelineLegend')}>
        {layout.statuses.map((key) => (
          <li key={key}>
            <span class={`swatch status-${key}`} aria-hidden="true" />
            {status(key)}
          </li>
        ))}
        {layout.marker && (
          <li>
            <span class="swatch marker" aria-hidden="true" />
            {t('timelineArticleDate', formatDate(layout.marker.date, lang))}
          </li>
        )}
      </ul>
      <svg
        class="timeline-chart"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-caption`}
        aria-describedby={`${id}-table`}
        data-rows={layout.rows.length}
      >
        {layout.ticks.map((tick) => (
          <g key={tick.year} class={tick.labelled ? 'tick labelled' : 'tick'}>
            <line x1={mx(tick.x)} x2={mx(tick.x)} y1={layout.plotTop - 3} y2={bottom} />
            {tick.labelled && (
              <text x={mx(tick.x)} y={layout.plotTop - 6} text-anchor="middle">
                {tick.year}
              </text>
            )}
          </g>
        ))}
        {layout.rows.map((row) => (
          <g key={row.entity.id} class="row" data-entity={row.entity.id}>
            <text
              class="row-label"
              x={rtl ? layout.width - 4 : 4}
              y={row.y + layout.rowHeight / 2}
              dominant-baseline="central"
              text-anchor="start"
              direction={rtl ? 'rtl' : 'ltr'}
            >
              {name(row.entity)}
            </text>
            {row.bars.map((bar) => {
              // A period outside the organisation (withdrawn) is drawn thinner than a membership, not just greyer.
              const height = bar.status === 'withdrawn' ? Math.round(layout.barHeight / 2) : layout.barHeight;
              return (
              <rect
                key={`${bar.status}-${bar.from}`}
                class={`bar status-${bar.status}`}
                data-status={bar.status}
                x={mx(bar.x, bar.width)}
                y={row.y + (layout.rowHeight - height) / 2}
                width={bar.width}
                height={height}
                rx={2}
              >
                <title>{`${name(row.entity)}: ${status(bar.status)}, ${formatPeriod(lang, bar.from, bar.to ?? undefined)}`}</title>
              </rect>
              );
            })}
          </g>
        ))}
        {layout.marker && (
          <g class="marker-line">
            <line x1={mx(layout.marker.x)} x2={mx(layout.marker.x)} y1={layout.plotTop - 3} y2={bottom} />
          </g>
        )}
      </svg>
      <details class="timeline-text">
        <summary>{t('timelineAsTable')}</summary>
        <table id={`${id}-table`}>
          <thead>
            <tr>
              <th scope="col">{t('timelineState')}</th>
              <th scope="col">{t('timelineStatus')}</th>
              <th scope="col">{t('timelinePeriod')}</th>
            </tr>
          </thead>
          <tbody>
            {layout.rows.flatMap((row) =>
              row.bars.map((bar, index) => (
                <tr key={`${row.entity.id}-${index}`}>
                  {index === 0 ? (
                    <th scope="row" rowSpan={row.bars.length}>
                      {onOpen ? (
                        <button type="button" class="link" onClick={() => onOpen(row.entity.id)}>
                          {name(row.entity)}
                        </button>
                      ) : (
                        name(row.entity)
                      )}
                    </th>
                  ) : null}
                  <td>{status(bar.status)}</td>
                  <td>{formatPeriod(lang, bar.from, bar.to ?? undefined)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
