// Keyboard shortcuts: the current ones from commands.getAll, and the way to the browser's own page to change them
// (extensions cannot set them themselves).
import { useEffect, useState } from 'preact/hooks';
import browser from '../shared/browser.ts';
import { t } from '../ui/i18n.ts';

interface Command {
  name?: string;
  description?: string;
  shortcut?: string;
}

async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as unknown as { openShortcutSettings?: () => Promise<void> };
  // Firefox (137+) opens its own page; Chromium takes a tab on chrome://extensions/shortcuts.
  if (typeof commands.openShortcutSettings === 'function') await commands.openShortcutSettings();
  else await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

export function Shortcuts() {
  const [commands, setCommands] = useState<Command[] | null>(null);
  useEffect(() => {
    void browser.commands
      .getAll()
      .then((all) => setCommands(all.filter((c) => c.name !== '_execute_action')))
      .catch(() => setCommands([]));
  }, []);
  return (
    <section aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">{t('shortcutsHeading')}</h2>
      {commands && commands.length > 0 && (
        <table class="shortcuts">
          <thead>
            <tr>
              <th scope="col">{t('shortcutAction')}</th>
              <th scope="col">{t('shortcutKeys')}</th>
            </tr>
          </thead>
          <tbody>
            {commands.map((command) => (
              <tr key={command.name} data-command={command.name}>
                <td>{command.description || command.name}</td>
                <td>{command.shortcut ? <kbd dir="ltr">{command.shortcut}</kbd> : <span class="muted">{t('shortcutNone')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <button type="button" onClick={() => void openShortcutSettings().catch(() => undefined)}>
          {t('shortcutsChange')}
        </button>
      </p>
    </section>
  );
}
