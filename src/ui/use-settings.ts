// Settings as preact state: loaded (and repaired) from storage, saved on change, and kept live across pages.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Settings } from '../core/settings.ts';
import { loadSettings, onSettingsChanged, updateSettings } from '../shared/settings-store.ts';
import { applyTheme } from './theme.ts';

export function useSettings(): [Settings | null, (change: (current: Settings) => Settings) => Promise<void>] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    void loadSettings().then((loaded) => live && setSettings(loaded));
    const stop = onSettingsChanged((next) => live && setSettings(next));
    return () => {
      live = false;
      stop();
    };
  }, []);
  useEffect(() => {
    if (settings) applyTheme(settings.theme);
  }, [settings?.theme]);
  const update = useCallback(async (change: (current: Settings) => Settings) => {
    // Change what is stored now, not what this page last saw: another page may have changed it since.
    try {
      setSettings(await updateSettings(change));
    } catch (error) {
      // E.g. a storage.sync quota: show what is really stored rather than a change that did not happen.
      console.warn('CSTO Lens: could not save settings', error);
      setSettings(await loadSettings());
    }
  }, []);
  return [settings, update];
}
