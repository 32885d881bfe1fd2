// The switches and choices of the options page: on/off, mark style, first mention only, hover delay, card language,
// theme, and the categories of entities to mark.
import { CARD_STRINGS } from '../core/card-strings.ts';
import { CATEGORIES } from '../core/pack.ts';
import { CARD_LANGUAGES, HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS, MARK_STYLES, THEMES, type CardLanguage, type Settings, type Theme } from '../core/settings.ts';
import { t, uiLang } from '../ui/i18n.ts';
import { Switch } from '../ui/Switch.tsx';

export interface SettingsProps {
  settings: Settings;
  update: (change: (current: Settings) => Settings) => Promise<void>;
}

const key = (prefix: string, value: string) => `${prefix}_${value.replace(/-/g, '_')}`;

export function GeneralSettings({ settings, update }: SettingsProps) {
  const categories = CARD_STRINGS[uiLang()].categories;
  return (
    <>
      <section aria-labelledby="general-heading">
        <h2 id="general-heading">{t('generalHeading')}</h2>
        <Switch id="opt-enabled" checked={settings.enabled} onChange={(on) => void update((s) => ({ ...s, enabled: on }))}>
          {t('switchGlobal')}
        </Switch>
        <Switch
          id="opt-first-mention"
          checked={settings.firstMentionOnly}
          onChange={(on) => void update((s) => ({ ...s, firstMentionOnly: on }))}
          description={t('firstMentionOnlyHelp')}
        >
          {t('firstMentionOnly')}
        </Switch>
        <fieldset>
          <legend>{t('markStyle')}</legend>
          <div class="radio-row">
            {MARK_STYLES.map((style) => (
              <label key={style}>
                <input
                  type="radio"
                  name="mark-style"
                  value={style}
                  checked={settings.markStyle === style}
                  onChange={() => void update((s) => ({ ...s, markStyle: style }))}
                />
                {t(key('markStyle', style))}
              </label>
            ))}
          </div>
        </fieldset>
        <div class="field">
          <label for="opt-hover-delay">{t('hoverDelay')}</label>
          <input
            id="opt-hover-delay"
            type="number"
            min={HOVER_DELAY_MIN_MS}
            max={HOVER_DELAY_MAX_MS}
            step={50}
            value={settings.hoverDelayMs}
            aria-describedby="opt-hover-delay-help"
            onChange={(event) => {
              const ms = Number((event.currentTarget as HTMLInputElement).value);
              if (Number.isFinite(ms)) void update((s) => ({ ...s, hoverDelayMs: Math.round(Math.min(HOVER_DELAY_MAX_MS, Math.max(HOVER_DELAY_MIN_MS, ms))) }));
            }}
          />
          <span id="opt-hover-delay-help" class="muted">
            {t('hoverDelayHelp')}
          </span>
        </div>
        <div class="field">
          <label for="opt-card-language">{t('cardLanguage')}</label>
          <select
            id="opt-card-language"
            value={settings.cardLanguage}
            onChange={(event) => {
              // Read now: currentTarget is gone once the event has been dispatched, before update runs.
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
        <div class="field">
          <label for="opt-theme">{t('theme')}</label>
          <select id="opt-theme" value={settings.theme} onChange={(event) => {
              const theme = (event.currentTarget as HTMLSelectElement).value as Theme;
              void update((s) => ({ ...s, theme }));
            }}>
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {t(key('theme', theme))}
              </option>
            ))}
          </select>
        </div>
      </section>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">{t('categoriesHeading')}</h2>
        <p class="muted">{t('categoriesHelp')}</p>
        {CATEGORIES.map((category) => (
          <Switch
            key={category}
            id={`opt-category-${category}`}
            checked={settings.categories[category]}
            onChange={(on) => void update((s) => ({ ...s, categories: { ...s.categories, [category]: on } }))}
          >
            {categories[category]}
          </Switch>
        ))}
      </section>
    </>
  );
}
