// Export the settings as a JSON file, and import one. A bad file is refused whole, with the reason, and nothing
// changes (the parsing and checking live in src/core/settings.ts).
import { useRef, useState } from 'preact/hooks';
import { exportSettingsFile, parseSettingsFile, type ImportError } from '../core/settings-file.ts';
import type { Settings } from '../core/settings.ts';
import { saveSettings } from '../shared/settings-store.ts';
import { t } from '../ui/i18n.ts';

const ERROR_KEYS: Record<ImportError, string> = {
  'not-json': 'importNotJson',
  'not-settings': 'importNotSettings',
  'newer-version': 'importNewer',
  invalid: 'importInvalid',
};

/** Files above this size are not settings files; refuse them before reading. */
const MAX_FILE_BYTES = 256 * 1024;

export function ImportExport({ settings }: { settings: Settings }) {
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const exportFile = () => {
    const now = new Date().toISOString();
    const blob = new Blob([exportSettingsFile(settings, now)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `csto-lens-settings-${now.slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const importFile = async (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      setMessage({ kind: 'error', text: t('importTooLarge') });
      return;
    }
    const result = parseSettingsFile(await file.text());
    if (!result.ok) {
      setMessage({ kind: 'error', text: `${t(ERROR_KEYS[result.error])} (${result.detail})` });
      return;
    }
    await saveSettings(result.settings);
    setMessage({ kind: 'ok', text: t('importDone') });
  };

  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backupHeading')}</h2>
      <p class="muted">{t('backupHelp')}</p>
      <div class="field">
        <button type="button" id="export-settings" onClick={exportFile}>
          {t('exportSettings')}
        </button>
        <label for="import-settings" class="label">
          {t('importSettings')}
        </label>
        <input
          ref={fileInput}
          id="import-settings"
          type="file"
          accept="application/json,.json"
          onChange={(event) => {
            const file = (event.currentTarget as HTMLInputElement).files?.[0];
            if (file) void importFile(file).finally(() => fileInput.current && (fileInput.current.value = ''));
          }}
        />
      </div>
      {message && (
        <p id="import-message" class={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-kind={message.kind}>
          {message.text}
        </p>
      )}
    </section>
  );
}
