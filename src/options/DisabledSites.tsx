// Sites where the extension is off: the list, remove, and add by hostname or address.
import { useState } from 'preact/hooks';
import { siteFromInput, withSite } from '../core/settings.ts';
import { t } from '../ui/i18n.ts';
import type { SettingsProps } from './GeneralSettings.tsx';

export function DisabledSites({ settings, update }: SettingsProps) {
  const [input, setInput] = useState('');
  const [error, setError] = useState('');
  const add = (event: Event) => {
    event.preventDefault();
    const site = siteFromInput(input);
    if (!site) {
      setError(t('siteInvalid'));
      return;
    }
    setError('');
    setInput('');
    void update((s) => withSite(s, site, false));
  };
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('sitesHeading')}</h2>
      {settings.disabledSites.length === 0 ? (
        <p class="muted">{t('sitesNone')}</p>
      ) : (
        <ul class="sites" aria-labelledby="sites-heading">
          {settings.disabledSites.map((site) => (
            <li key={site} data-site={site}>
              <bdi>{site}</bdi>
              <button type="button" onClick={() => void update((s) => withSite(s, site, true))} aria-label={t('siteRemoveLabel', site)}>
                {t('siteRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="field" onSubmit={add}>
        <label for="site-add">{t('siteAddLabel')}</label>
        <input
          id="site-add"
          type="text"
          dir="ltr"
          value={input}
          placeholder="example.com"
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={error ? 'site-add-error' : undefined}
          onInput={(event) => setInput((event.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit">{t('siteAdd')}</button>
      </form>
      {error && (
        <p id="site-add-error" class="message error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
