// "On this page": the entities the page's content script has marked, with counts, grouped by category.
import { useMemo } from 'preact/hooks';
import { CARD_STRINGS, formatDate } from '../core/card-strings.ts';
import { bundledPack } from '../core/bundled-pack.ts';
import { entityIndex, type Lang } from '../core/pack.ts';
import { groupMentions } from '../core/page-mentions.ts';
import browser from '../shared/browser.ts';
import type { GoToMessage, MentionsResponse } from '../shared/messages.ts';
import { t, uiLang } from '../ui/i18n.ts';

const ENTITIES = entityIndex(bundledPack);
const lookup = (id: string) => ENTITIES.get(id);

export interface OnThisPageProps {
  state: 'loading' | 'none' | 'ready';
  page: MentionsResponse | null;
  tabId: number | null;
  lang: Lang;
  active: boolean;
  onOpenCard: (id: string) => void;
}

export function OnThisPage({ state, page, tabId, lang, active, onOpenCard }: OnThisPageProps) {
  const groups = useMemo(() => (page ? groupMentions(page.mentions, lookup) : []), [page]);
  const goTo = (entity: string) => {
    if (tabId === null) return;
    const message: GoToMessage = { type: 'csto-lens/go-to', entity };
    void browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
  };
  const total = groups.reduce((sum, g) => sum + g.items.length, 0);
  let body;
  if (state === 'loading') body = <p class="muted">{t('pageLoading')}</p>;
  else if (state === 'none') body = <p class="notice" data-reason="no-content-script">{t('pageUnavailable')}</p>;
  else if (!active) body = <p class="muted">{t('pageOff')}</p>;
  else if (total === 0) body = <p class="muted">{t('pageEmpty')}</p>;
  else
    body = (
      <div class="mention-groups">
        {groups.map((group) => (
      <section key={group.category} class="mention-group" aria-labelledby={`group-${group.category}`}>
        <h3 id={`group-${group.category}`}>{CARD_STRINGS[lang].categories[group.category]}</h3>
        <ul>
          {group.items.map(({ entity, count }) => (
            <li key={entity.id} class="mention-item" data-entity={entity.id}>
              <span class="mention-name" lang={lang}>
                {entity.names[lang].name}
              </span>
              <span class="count" aria-label={t('mentionCount', String(count))}>
                ×{count}
              </span>
              <span class="actions">
                <button type="button" onClick={() => goTo(entity.id)} aria-label={t('goToLabel', entity.names[lang].name)}>
                  {t('goTo')}
                </button>
                <button type="button" onClick={() => onOpenCard(entity.id)} aria-label={t('openCardLabel', entity.names[lang].name)}>
                  {t('openCard')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      </section>
        ))}
      </div>
    );
  return (
    <section class="on-this-page" aria-labelledby="page-heading">
      <h2 id="page-heading">
        {t('onThisPage')}
        {total > 0 && <span class="heading-count"> ({total})</span>}
      </h2>
      {page?.published && <p class="muted published">{t('publishedOn', formatDate(page.published, uiLang()))}</p>}
      {body}
    </section>
  );
}
