// The switches and choices of the options page: on/off, mark style, first mention only, hover delay, card language,
// theme, and the categories of entities to mark.
import { CARD_LANGUAGES, HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS, MARK_STYLES, THEMES, type Settings } from '../core/settings.ts';
import { t } from '../ui/i18n.ts';
import { CategorySwitches, ChoiceField, choiceKey, type UpdateSettings } from '../ui/SettingFields.tsx';
import { Switch } from '../ui/Switch.tsx';

export interface SettingsProps {
  settings: Settings;
  update: UpdateSettings;
}

export function GeneralSettings({ settings, update }: SettingsProps) {
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
                {t(choiceKey('markStyle', style))}
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
        <ChoiceField
          id="opt-card-language"
          label={t('cardLanguage')}
          value={settings.cardLanguage}
          choices={CARD_LANGUAGES}
          messagePrefix="cardLanguage"
          onChoose={(cardLanguage) => void update((s) => ({ ...s, cardLanguage }))}
        />
        <ChoiceField
          id="opt-theme"
          label={t('theme')}
          value={settings.theme}
          choices={THEMES}
          messagePrefix="theme"
          onChoose={(theme) => void update((s) => ({ ...s, theme }))}
        />
      </section>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">{t('categoriesHeading')}</h2>
        <p class="muted">{t('categoriesHelp')}</p>
        <CategorySwitches settings={settings} update={update} idPrefix="opt" />
      </section>
    </>
  );
}
