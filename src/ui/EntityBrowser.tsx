// The entity browser: search every card by name or alias in English, Arabic or Russian, and read the full card.
import { useMemo, useRef, useState, useEffect } from 'preact/hooks';
import { buildCard, lookupOf } from '../core/card.ts';
import { CARD_STRINGS } from '../core/card-strings.ts';
import type { IsoDay } from '../core/dates.ts';
import { buildSearchIndex, searchEntities } from '../core/entity-search.ts';
import type { Entity, Lang } from '../core/pack.ts';
import { CardView } from './CardView.tsx';
import { t, uiLang } from './i18n.ts';
import { TimelineChart } from './TimelineChart.tsx';

export interface EntityBrowserProps {
  entities: readonly Entity[];
  /** The card language. */
  lang: Lang;
  /** The day the card is "as of": the article's date when known, else today. */
  date: IsoDay;
  today: IsoDay;
  /** The article's date, for the "at the time of this article" heading and the timeline's line. */
  articleDate: IsoDay | null;
  selected: string | null;
  onSelect: (id: string | null) => void;
  /** List every entity when the search box is empty (options page), or nothing (popup). */
  listAllWhenEmpty?: boolean;
  chartWidth?: number;
  headingLevel?: 2 | 3;
}

const MAX_RESULTS = 40;

export function EntityBrowser(props: EntityBrowserProps) {
  const { entities, lang, date, today, articleDate, selected, onSelect, listAllWhenEmpty = false, chartWidth = 640, headingLevel = 2 } = props;
  const [query, setQuery] = useState('');
  const index = useMemo(() => buildSearchIndex(entities), [entities]);
  const lookup = useMemo(() => lookupOf(entities), [entities]);
  const hits = useMemo(() => (query.trim() || listAllWhenEmpty ? searchEntities(index, query, MAX_RESULTS) : []), [index, query, listAllWhenEmpty]);
  const entity = selected ? lookup(selected) : undefined;
  const card = useMemo(
    () => (entity ? buildCard(entity, { date: articleDate ?? date, lang, today, lookup, context: articleDate ? 'article' : 'date' }) : null),
    [entity, articleDate, date, lang, today, lookup],
  );
  // The CSTO's card shows every state's membership; a state with a CSTO record shows its own row.
  const timelineOf = useMemo(
    () => (entity?.id === 'csto' ? entities : entity?.type === 'state' && entity.memberships.some((m) => m.org === 'csto') ? [entity] : null),
    [entity, entities],
  );
  const cardRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (card) cardRef.current?.scrollIntoView({ block: 'nearest' });
  }, [card?.id]);
  const categories = CARD_STRINGS[lang].categories;
  const H = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <section class="entity-browser" aria-labelledby="browser-heading">
      <H id="browser-heading">{t('browserHeading')}</H>
      <div class="search">
        <label for="entity-search">{t('browserSearchLabel')}</label>
        <input
          id="entity-search"
          type="search"
          value={query}
          placeholder={t('browserSearchPlaceholder')}
          autocomplete="off"
          spellcheck={false}
          onInput={(event) => setQuery((event.currentTarget as HTMLInputElement).value)}
          aria-controls="entity-results"
        />
      </div>
      <p class="result-count" role="status" aria-live="polite">
        {query.trim() ? (hits.length === 0 ? t('browserNoResults') : t('browserResultCount', String(hits.length))) : ''}
      </p>
      {hits.length > 0 && (
        <ul id="entity-results" class="results">
          {hits.map(({ entity: hit }) => (
            <li key={hit.id}>
              <button
                type="button"
                class="result"
                data-entity={hit.id}
                aria-pressed={hit.id === selected}
                onClick={() => onSelect(hit.id)}
              >
                <span class="result-name" lang={lang}>
                  {hit.names[lang].name}
                </span>
                <span class="result-kind">{categories[hit.category]}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div ref={cardRef} class="card-holder">
        {card && (
          <CardView card={card} onOpen={onSelect} level={3}>
            {timelineOf && (
              <section class="card-section">
                <h4>{t('timelineHeading')}</h4>
                <TimelineChart entities={timelineOf} lang={uiLang()} today={today} marker={articleDate} width={chartWidth} onOpen={onSelect} />
              </section>
            )}
          </CardView>
        )}
      </div>
    </section>
  );
}
