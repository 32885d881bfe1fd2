// Setting controls the popup and the options page share: a labelled choice list, and the category switches.
import { CARD_STRINGS } from '../core/card-strings.ts';
import { CATEGORIES } from '../core/pack.ts';
import type { Settings } from '../core/settings.ts';
import { t, uiLang } from './i18n.ts';
import { Switch } from './Switch.tsx';

export type UpdateSettings = (change: (current: Settings) => Settings) => Promise<void>;

/** The message key of one choice: ("markStyle", "underline") -> "markStyle_underline". */
export const choiceKey = (prefix: string, value: string) => `${prefix}_${value.replace(/-/g, '_')}`;

/** A labelled <select> over fixed choices, each labelled by the message `<messagePrefix>_<choice>`. */
export function ChoiceField<T extends string>(props: {
  id: string;
  label: string;
  value: T;
  choices: readonly T[];
  messagePrefix: string;
  onChoose: (choice: T) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        // Read the value now: currentTarget is gone once the event has been dispatched.
        onChange={(event) => props.onChoose((event.currentTarget as HTMLSelectElement).value as T)}
      >
        {props.choices.map((choice) => (
          <option key={choice} value={choice}>
            {t(choiceKey(props.messagePrefix, choice))}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One switch per category of entities to mark; `idPrefix` keeps ids unique per page. */
export function CategorySwitches({ settings, update, idPrefix }: { settings: Settings; update: UpdateSettings; idPrefix: string }) {
  const names = CARD_STRINGS[uiLang()].categories;
  return (
    <>
      {CATEGORIES.map((category) => (
        <Switch
          key={category}
          id={`${idPrefix}-category-${category}`}
          checked={settings.categories[category]}
          onChange={(on) => void update((s) => ({ ...s, categories: { ...s.categories, [category]: on } }))}
        >
          {names[category]}
        </Switch>
      ))}
    </>
  );
}
