// The full entity card (src/core/card.ts model) for the popup and the options page: names, summary, the article's
// day and today, what changed, background, related entities, sources. Text only: nothing is inserted as HTML.
import type { ComponentChildren } from 'preact';
import type { CardMembership, CardModel, CardRole, CardSection } from '../core/card.ts';

function RoleItem({ role, approximate }: { role: CardRole; approximate: string }) {
  return (
    <li>
      {role.text} <span class="period">({role.period})</span>
      {role.approximate && <span class="approximate"> · {approximate}</span>}
      {role.note && <div class="note">{role.note}</div>}
    </li>
  );
}

function MembershipItem({ membership, approximate }: { membership: CardMembership; approximate: string }) {
  return (
    <li data-org={membership.org} data-status={membership.status ?? 'none'}>
      {membership.text}
      {membership.period && <span class="period"> ({membership.period})</span>}
      {membership.approximate && <span class="approximate"> · {approximate}</span>}
    </li>
  );
}

function Section({ section, card, headingLevel }: { section: CardSection; card: CardModel; headingLevel: 3 | 4 }) {
  const H = headingLevel === 3 ? 'h3' : 'h4';
  // "Today" gets its date; the article's heading already holds it.
  const isToday = section.date === card.today;
  // An organisation has no roles or memberships of its own: no empty heading for it.
  if (section.notices.length === 0 && section.roles.length === 0 && section.memberships.length === 0) return null;
  return (
    <section class="card-section">
      <H>{isToday ? `${section.heading} (${section.dateLabel})` : section.heading}</H>
      {section.notices.map((notice) => (
        <p class="notice" key={notice}>
          {notice}
        </p>
      ))}
      {section.roles.length > 0 && (
        <ul class="roles" aria-label={card.labels.roles}>
          {section.roles.map((role) => (
            <RoleItem key={`${role.of}-${role.from}`} role={role} approximate={card.labels.approximate} />
          ))}
        </ul>
      )}
      {section.memberships.length > 0 && (
        <ul class="memberships" aria-label={card.labels.memberships}>
          {section.memberships.map((m) => (
            <MembershipItem key={m.org} membership={m} approximate={card.labels.approximate} />
          ))}
        </ul>
      )}
    </section>
  );
}

export interface CardViewProps {
  card: CardModel;
  /** Open another entity's card (related entities). */
  onOpen?: (id: string) => void;
  /** Extra content after the sections (the CSTO's membership timeline). */
  children?: ComponentChildren;
  /** The level of the card's own heading, so it fits the page's outline. */
  level?: 2 | 3;
}

export function CardView({ card, onOpen, children, level = 2 }: CardViewProps) {
  const H = level === 2 ? 'h2' : 'h3';
  const sub = level === 2 ? 3 : 4;
  return (
    <article class="card" lang={card.lang} dir={card.dir} data-entity={card.id} aria-labelledby={`card-${card.id}-name`}>
      <header>
        <H id={`card-${card.id}-name`} class="card-name">
          {card.name}
        </H>
        {card.otherNames.length > 0 && (
          <p class="other-names" aria-label={card.labels.otherNames}>
            {card.otherNames.map((other, index) => (
              <span key={other.lang}>
                {index > 0 && ' · '}
                <bdi lang={other.lang} dir={other.dir}>
                  {other.name}
                </bdi>
              </span>
            ))}
          </p>
        )}
        <p class="kind">
          {card.labels.type} · {card.labels.category}
        </p>
      </header>
      <p class="summary">{card.summary}</p>
      <Section section={card.then} card={card} headingLevel={sub} />
      {!card.sameDay && <Section section={card.now} card={card} headingLevel={sub} />}
      {card.differences.length > 0 && (
        <section class="card-section changes">
          {sub === 3 ? <h3>{card.labels.changes}</h3> : <h4>{card.labels.changes}</h4>}
          <ul>
            {card.differences.map((d) => (
              <li key={d.text}>{d.text}</li>
            ))}
          </ul>
        </section>
      )}
      {children}
      <details class="card-section background">
        <summary>{card.labels.background}</summary>
        <p>{card.background}</p>
      </details>
      {card.related.length > 0 && (
        <section class="card-section related">
          {sub === 3 ? <h3>{card.labels.related}</h3> : <h4>{card.labels.related}</h4>}
          <ul class="chips">
            {card.related.map((r) => (
              <li key={r.id}>
                {onOpen ? (
                  <button type="button" class="chip" onClick={() => onOpen(r.id)}>
                    {r.name}
                  </button>
                ) : (
                  r.name
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="card-section sources">
        {sub === 3 ? <h3>{card.labels.sources}</h3> : <h4>{card.labels.sources}</h4>}
        <ul>
          {card.sources.map((source) => (
            <li key={source.url}>
              <a href={source.url} target="_blank" rel="noopener noreferrer">
                {source.title}
              </a>
            </li>
          ))}
        </ul>
        <p class="checked">{card.labels.checked}</p>
      </section>
    </article>
  );
}
