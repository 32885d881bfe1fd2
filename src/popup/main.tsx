// Toolbar popup: the global and this-site switches, the entities on this page, and the entity browser.
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { bundledPack } from '../core/bundled-pack.ts';
import { todayIso } from '../core/dates.ts';
import { isActiveOn, isSiteDisabled, withSite } from '../core/settings.ts';
import browser from '../shared/browser.ts';
import type { MentionsResponse } from '../shared/messages.ts';
import { hostnameOf, requestMentions, setTabIcon, targetTabId } from '../ui/active-tab.ts';
import { EntityBrowser } from '../ui/EntityBrowser.tsx';
import { applyDocumentLanguage, cardLanguage, isolate, t } from '../ui/i18n.ts';
import { OnThisPage } from './OnThisPage.tsx';
import { QuickSettings } from './QuickSettings.tsx';
import { Switch } from '../ui/Switch.tsx';
import { useSettings } from '../ui/use-settings.ts';
import '../ui/styles.css';

type PageState = { status: 'loading' } | { status: 'none' } | { status: 'ready'; tabId: number; page: MentionsResponse };

function usePage(): { state: PageState; tabId: number | null } {
  const [state, setState] = useState<PageState>({ status: 'loading' });
  const [tabId, setTabId] = useState<number | null>(null);
  useEffect(() => {
    void (async () => {
      const id = await targetTabId(location.search);
      setTabId(id);
      const page = id === null ? null : await requestMentions(id);
      setState(page && id !== null ? { status: 'ready', tabId: id, page } : { status: 'none' });
    })();
  }, []);
  return { state, tabId };
}

function Popup() {
  const [settings, update] = useSettings();
  const { state: page, tabId } = usePage();
  const [selected, setSelected] = useState<string | null>(null);
  const today = useMemo(() => todayIso(), []);
  const host = page.status === 'ready' ? hostnameOf(page.page.url) : null;

  // Keep the toolbar icon of this tab in step with the switches.
  useEffect(() => {
    if (settings && tabId !== null && host) void setTabIcon(tabId, isActiveOn(settings, host));
  }, [settings, host, tabId]);

  if (!settings) return <main class="popup" aria-busy="true" />;
  const siteOn = host ? !isSiteDisabled(settings, host) : false;
  // A local file has a content script but no site to switch off: only the global switch applies there.
  const localFile = page.status === 'ready' && !host;
  const active = host ? isActiveOn(settings, host) : localFile && settings.enabled;
  const stateKind = page.status !== 'ready' ? 'unavailable' : active ? 'active' : 'off';
  const state =
    page.status === 'loading'
      ? ''
      : page.status === 'none'
        ? t('stateUnavailable')
        : !settings.enabled
          ? t('stateOffEverywhere')
          : host
            ? active
              ? t('stateActive', isolate(host))
              : t('stateOffHere', isolate(host))
            : t('stateActiveLocal');
  const pageInfo = page.status === 'ready' ? page.page : null;
  const lang = cardLanguage(settings.cardLanguage, pageInfo?.lang ?? null);

  return (
    <main class="popup" data-active={active ? 'true' : 'false'}>
      <header class="popup-header">
        <h1>
          <img src="/icons/icon-32.png" alt="" width={20} height={20} />
          {t('extName')}
        </h1>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </header>
      <section class={`switches ${active ? 'on' : page.status === 'ready' ? 'off' : 'unavailable'}`} aria-label={t('switchesLabel')}>
        <p class="site-state" role="status" data-state={stateKind}>
          {state}
        </p>
        <Switch id="switch-global" checked={settings.enabled} onChange={(on) => void update((s) => ({ ...s, enabled: on }))}>
          {t('switchGlobal')}
        </Switch>
        <Switch
          id="switch-site"
          checked={siteOn}
          disabled={!host}
          onChange={(on) => host && void update((s) => withSite(s, host, on))}
          description={host ? undefined : localFile ? t('siteSwitchLocal') : t('siteSwitchUnavailable')}
        >
          {host ? t('switchSite', isolate(host)) : t('switchSiteNoHost')}
        </Switch>
        <QuickSettings settings={settings} update={update} />
      </section>
      <OnThisPage
        state={page.status}
        page={pageInfo}
        tabId={page.status === 'ready' ? page.tabId : null}
        lang={lang}
        active={active}
        onOpenCard={(id) => setSelected(id)}
      />
      <EntityBrowser
        entities={bundledPack.entities}
        lang={lang}
        date={pageInfo?.published ?? today}
        today={today}
        articleDate={pageInfo?.published ?? null}
        selected={selected}
        onSelect={setSelected}
        chartWidth={340}
      />
    </main>
  );
}

applyDocumentLanguage(t('popupTitle'));
render(<Popup />, document.getElementById('app')!);
