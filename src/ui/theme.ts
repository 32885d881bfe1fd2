// The theme setting on the extension's own pages: auto follows prefers-color-scheme in CSS; light/dark override it.
import type { Theme } from '../core/settings.ts';

export function applyTheme(theme: Theme): void {
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}
