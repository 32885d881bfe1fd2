// The card, rendered with preact from the core's card model. Every text goes in as text (never as HTML).
import { useState } from 'preact/hooks';
import type { CardModel, CardRole, CardSection } from '../../core/card.ts';
import type { Lang } from '../../core/pack.ts';
import { CARD_UI } from './ui-strings.ts';

export interface CardViewProps {
  model: CardModel;
  pageLang: Lang | null;
  pinned: boolean;
  canGoBack: boolean;
  onPin(): void;
  onClose(): void;
  onBack(): void;
  onRelated(id: string): void;
  onOpenFull(id: string): void;
}

interface Line {
  text: string;
  dates?: string;
  notice?: boolean;
}

function roleLine(role: CardRole): Line {
  return { text: role.text, dates: role.period };
}

/** What the card says about one day: offices held, the CSTO relation and other memberships, or why there is none.
 *  Beside another day (`other`), memberships outside the CSTO are listed only where they differ. */
export function sectionLines(model: CardModel, section: CardSection, other?: CardSection): Line[] {
  const lines: Line[] = section.roles.map(roleLine);
  if (model.type === 'person' && section.roles.length === 0) {
    // "former Secretary General of the CSTO" says more than "no recorded office".
    const latest = section.formerRoles[0];
    if (latest) lines.push(roleLine(latest));
    else lines.push(...section.notices.map((text) => ({ text, notice: true })));
  }
  const unchanged = (text: string) => other !== undefined && other.memberships.some((m) => m.text === text);
  const memberships = [...section.memberships]
    .filter((m) => m.org === 'csto' || !unchanged(m.text))
    .sort((a, b) => Number(b.org === 'csto') - Number(a.org === 'csto'));
  for (const m of memberships) lines.push({ text: m.text, ...(m.period ? { dates: m.period } : {}) });
  if (section.beforeRecords) lines.push(...section.notices.filter(() => model.type !== 'person').map((text) => ({ text, notice: true })));
  return lines;
}

/** The heading with its date kept on one line: "At the time of this article (31 Aug 2021)". */
function Heading(props: { text: string; date: string }) {
  const date = `(${props.date})`;
  const at = props.text.indexOf(date);
  if (at < 0) return <h3>{props.text}</h3>;
  return (
    <h3>
      {props.text.slice(0, at)}
      <span class="date">{date}</span>
      {props.text.slice(at + date.length)}
    </h3>
  );
}

function Period(props: { heading: string; date: string; lines: Line[]; now?: boolean }) {
  return (
    <section class={props.now ? 'period now' : 'period'}>
      <Heading text={props.heading} date={props.date} />
      <ul>
        {props.lines.map((line, i) => (
          <li key={i} class={line.notice ? 'notice' : undefined}>
            {line.text}
            {line.dates ? <span class="dates">{line.dates}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

const PIN_ICON = (
  <svg viewBox="0 0 24 24" aria-hidden="true">
    <path d="M9 4h6l-1 6 3 3H7l3-3-1-6zM12 16v5" />
  </svg>
);
const CLOSE_ICON = (
  <svg viewBox="0 0 24 24" aria-hidden="true">
    <path d="M6 6l12 12M18 6L6 18" />
  </svg>
);

export function CardView(props: CardViewProps) {
  const { model } = props;
  const ui = CARD_UI[model.lang];
  const [backgroundOpen, setBackgroundOpen] = useState(false);
  // The name in the page's script, when the card speaks another language.
  const original = props.pageLang && props.pageLang !== model.lang ? model.otherNames.find((n) => n.lang === props.pageLang) : undefined;
  const twoDays = !model.sameDay && model.changed;
  const thenLines = sectionLines(model, model.then, twoDays ? model.now : undefined);
  const nowLines = sectionLines(model, model.now, model.then);
  const hasTime = thenLines.length > 0 || nowLines.length > 0;

  return (
    <>
      {props.canGoBack ? (
        <button type="button" class="back" onClick={props.onBack}>
          {model.dir === 'rtl' ? '→ ' : '← '}
          {ui.back}
        </button>
      ) : null}
      <header>
        <div class="titles">
          <h2 id="csto-lens-card-name">
            <bdi>{model.name}</bdi>
          </h2>
          {original ? (
            <div class="original">
              <bdi lang={original.lang} dir={original.dir}>
                {original.name}
              </bdi>
            </div>
          ) : null}
          <div class="kind">
            {model.labels.type} · {model.labels.category}
          </div>
        </div>
        <div class="tools">
          <button
            type="button"
            class="icon pin"
            aria-pressed={props.pinned ? 'true' : 'false'}
            title={props.pinned ? ui.unpin : ui.pin}
            aria-label={props.pinned ? ui.unpin : ui.pin}
            onClick={props.onPin}
          >
            {PIN_ICON}
          </button>
          <button type="button" class="icon close" title={model.labels.close} aria-label={model.labels.close} onClick={props.onClose}>
            {CLOSE_ICON}
          </button>
        </div>
      </header>
      <p class="summary" id="csto-lens-card-summary">{model.summary}</p>
      {hasTime ? (
        twoDays ? (
          <div class="time two">
            <Period heading={model.then.heading} date={model.then.dateLabel} lines={thenLines} />
            <Period heading={model.now.heading} date={model.now.dateLabel} lines={nowLines} now />
          </div>
        ) : (
          <div class="time">
            <Period heading={model.then.heading} date={model.then.dateLabel} lines={thenLines} />
          </div>
        )
      ) : null}
      {model.background ? (
        <>
          <h3 class="section-title">{model.labels.background}</h3>
          <p class={backgroundOpen ? 'background open' : 'background'}>{model.background}</p>
          {backgroundOpen ? null : (
            <button type="button" class="more" aria-expanded="false" onClick={() => setBackgroundOpen(true)}>
              {ui.more}
            </button>
          )}
        </>
      ) : null}
      {model.related.length > 0 ? (
        <>
          <h3 class="section-title">{model.labels.related}</h3>
          <ul class="related">
            {model.related.map((r) => (
              <li key={r.id}>
                <button type="button" class="chip" data-entity={r.id} onClick={() => props.onRelated(r.id)}>
                  <bdi>{r.name}</bdi>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {model.sources.length > 0 ? (
        <>
          <h3 class="section-title">{model.labels.sources}</h3>
          <ul class="sources">
            {model.sources.map((s) => (
              <li key={s.url}>
                {/^https?:\/\//i.test(s.url) ? (
                  <a href={s.url} target="_blank" rel="noopener noreferrer" title={s.url}>
                    <bdi>{s.title}</bdi>
                  </a>
                ) : (
                  <bdi>{s.title}</bdi>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <footer>
        <span class="checked">{model.labels.checked}</span>
        <button type="button" class="full" onClick={() => props.onOpenFull(model.id)}>
          {ui.openFull}
        </button>
      </footer>
    </>
  );
}
