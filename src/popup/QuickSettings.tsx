// The settings a reader changes while reading, folded away under the switches: mark style, first mention only,
// card language and the categories. Everything else is on the options page.
import { CARD_LANGUAGES, MARK_STYLES, type Settings } from '../core/settings.ts';
import { t } from '../ui/i18n.ts';
import { CategorySwitches, ChoiceField, type UpdateSettings } from '../ui/SettingFields.tsx';
import { Switch } from '../ui/Switch.tsx';

export function QuickSettings({ settings, update }: { settings: Settings; update: UpdateSettings }) {
  return (
    <details class="quick-settings">
      <summary>{t('quickSettings')}</summary>
      <ChoiceField
        id="quick-mark-style"
        label={t('markStyle')}
        value={settings.markStyle}
        choices={MARK_STYLES}
        messagePrefix="markStyle"
        onChoose={(markStyle) => void update((s) => ({ ...s, markStyle }))}
      />
      <ChoiceField
        id="quick-card-language"
        label={t('cardLanguage')}
        value={settings.cardLanguage}
        choices={CARD_LANGUAGES}
        messagePrefix="cardLanguage"
        onChoose={(cardLanguage) => void update((s) => ({ ...s, cardLanguage }))}
      />
      <Switch id="quick-first-mention" checked={settings.firstMentionOnly} onChange={(on) => void update((s) => ({ ...s, firstMentionOnly: on }))}>
        {t('firstMentionOnly')}
      </Switch>
      <fieldset>
        <legend>{t('categoriesHeading')}</legend>
        <CategorySwitches settings={settings} update={update} idPrefix="quick" />
      </fieldset>
    </details>
  );
}
