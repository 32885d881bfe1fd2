// An on/off switch: a real checkbox (role=switch) with its label, so Tab, Space and screen readers all work.
import type { ComponentChildren } from 'preact';

export interface SwitchProps {
  id: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  children: ComponentChildren;
  /** A line under the label: what the switch's state means here. */
  description?: string;
}

export function Switch({ id, checked, disabled = false, onChange, children, description }: SwitchProps) {
  return (
    <div class={`switch-row${disabled ? ' disabled' : ''}`}>
      <input
        id={id}
        class="switch"
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={description ? `${id}-description` : undefined}
        onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)}
      />
      <label for={id}>
        <span class="switch-label">{children}</span>
        {description && (
          <span id={`${id}-description`} class="switch-description">
            {description}
          </span>
        )}
      </label>
    </div>
  );
}
