// Options page: every setting, sites that are off, shortcuts, export and import, the entity browser and the CSTO
// membership timeline. Opens a card directly at #entity=ID (optionally &date=YYYY-MM-DD for an article's date).
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { bundledPack } from '../core/bundled-pack.ts';
import { isIsoDay, todayIso } from '../core/dates.ts';
import { entityIndex } from '../core/pack.ts';
import { EntityBrowser } from '../ui/EntityBrowser.tsx';
import { applyDocumentLanguage, cardLanguage, t, uiLang } from '../ui/i18n.ts';
import { TimelineChart } from '../ui/TimelineChart.tsx';
import { useSettings } from '../ui/use-settings.ts';
import { GeneralSettings } from './GeneralSettings.tsx';
import { DisabledSites } from './DisabledSites.tsx';
import { Shortcuts } from './Shortcuts.tsx';
import { ImportExport } from './ImportExport.tsx';
import '../ui/styles.css';

const KNOWN = entityIndex(bundledPack);

function readHash(): { entity: string | null; date: string | null } {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const entity = params.get('entity');
  const date = params.get('date');
  return { entity: entity && KNOWN.has(entity) ? entity : null, date: date && isIsoDay(date) ? date : null };
}

function Options() {
  const [settings, update] = useSettings();
  const [hash, setHash] = useState(readHash);
  const [selected, setSelected] = useState<string | null>(hash.entity);
  const today = useMemo(() => todayIso(), []);

  useEffect(() => {
    const onHash = () => {
      const next = readHash();
      setHash(next);
      if (next.entity) setSelected(next.entity);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // A card opened from the hash is what the reader came for: bring it into view.
  useEffect(() => {
    if (settings && hash.entity) document.getElementById('browser-heading')?.scrollIntoView();
  }, [settings !== null, hash.entity]);

  if (!settings) return <main class="options" aria-busy="true" />;
  const lang = cardLanguage(settings.cardLanguage, null);
  return (
    <main class="options">
      <h1>
        <img src="/icons/icon-32.png" alt="" width={28} height={28} />
        {t('optionsTitle')}
      </h1>
      <GeneralSettings settings={settings} update={update} />
      <DisabledSites settings={settings} update={update} />
      <Shortcuts />
      <ImportExport settings={settings} />
      <EntityBrowser
        entities={bundledPack.entities}
        lang={lang}
        date={hash.date ?? today}
        today={today}
        articleDate={hash.date}
        selected={selected}
        onSelect={(id) => {
          setSelected(id);
          if (id) history.replaceState(null, '', `#entity=${id}${hash.date ? `&date=${hash.date}` : ''}`);
        }}
        listAllWhenEmpty
        chartWidth={680}
      />
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('timelineHeading')}</h2>
        <TimelineChart entities={bundledPack.entities} lang={uiLang()} today={today} marker={hash.date} width={780} onOpen={setSelected} />
      </section>
    </main>
  );
}

applyDocumentLanguage(t('optionsTitle'));
render(<Options />, document.getElementById('app')!);
