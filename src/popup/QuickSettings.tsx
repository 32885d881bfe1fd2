// The settings a reader changes while reading, folded away under the switches: mark style, first mention only,
// card language and the categories. Everything else is on the options page.
import { CARD_STRINGS } from '../core/card-strings.ts';
import { CATEGORIES } from '../core/pack.ts';
import { CARD_LANGUAGES, MARK_STYLES, type CardLanguage, type MarkStyle, type Settings } from '../core/settings.ts';
import { t, uiLang } from '../ui/i18n.ts';
import { Switch } from '../ui/Switch.tsx';

const key = (prefix: string, value: string) => `${prefix}_${value.replace(/-/g, '_')}`;

export function QuickSettings({ settings, update }: { settings: Settings; update: (change: (s: Settings) => Settings) => Promise<void> }) {
  const categories = CARD_STRINGS[uiLang()].categories;
  return (
    <details class="quick-settings">
      <summary>{t('quickSettings')}</summary>
      <div class="field">
        <label for="quick-mark-style">{t('markStyle')}</label>
        <select
          id="quick-mark-style"
          value={settings.markStyle}
          onChange={(event) => {
            const markStyle = (event.currentTarget as HTMLSelectElement).value as MarkStyle;
            void update((s) => ({ ...s, markStyle }));
          }}
        >
          {MARK_STYLES.map((style) => (
            <option key={style} value={style}>
              {t(key('markStyle', style))}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="quick-card-language">{t('cardLanguage')}</label>
        <select
          id="quick-card-language"
          value={settings.cardLanguage}
          onChange={(event) => {
            const cardLanguage = (event.currentTarget as HTMLSelectElement).value as CardLanguage;
            void update((s) => ({ ...s, cardLanguage }));
          }}
        >
          {CARD_LANGUAGES.map((lang) => (
            <option key={lang} value={lang}>
              {t(key('cardLanguage', lang))}
            </option>
          ))}
        </select>
      </div>
      <Switch id="quick-first-mention" checked={settings.firstMentionOnly} onChange={(on) => void update((s) => ({ ...s, firstMentionOnly: on }))}>
        {t('firstMentionOnly')}
      </Switch>
      <fieldset>
        <legend>{t('categoriesHeading')}</legend>
        {CATEGORIES.map((category) => (
          <Switch
            key={category}
            id={`quick-category-${category}`}
            checked={settings.categories[category]}
            onChange={(on) => void update((s) => ({ ...s, categories: { ...s.categories, [category]: on } }))}
          >
            {categories[category]}
          </Switch>
        ))}
      </fieldset>
    </details>
  );
}
