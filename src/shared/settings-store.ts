// Settings in browser storage, shared by the content script, the background, the popup and the options page.
// What follows the user lives in storage.sync; device-only values (DEVICE_KEYS) in storage.local. Whatever is
// stored is repaired on load (src/core/settings.ts), with a console warning, so a bad value never breaks a page.
import browser from './browser.ts';
import { joinFromStorage, repairSettings, splitForStorage, type Settings } from '../core/settings.ts';

const KEY = 'settings';

async function readArea(area: 'sync' | 'local'): Promise<unknown> {
  try {
    return (await browser.storage[area].get(KEY))[KEY];
  } catch (error) {
    // storage.sync can be unavailable (e.g. a Firefox profile with sync switched off by policy).
    console.warn(`CSTO Lens: could not read storage.${area}`, error);
    return undefined;
  }
}

export async function loadSettings(): Promise<Settings> {
  const [sync, local] = await Promise.all([readArea('sync'), readArea('local')]);
  const { settings, problems } = repairSettings(joinFromStorage(sync, local));
  if (problems.length > 0) console.warn(`CSTO Lens: repaired stored settings:\n  ${problems.join('\n  ')}`);
  return settings;
}

export async function saveSettings(settings: Settings): Promise<void> {
  const { sync, local } = splitForStorage(settings);
  await Promise.all([browser.storage.sync.set({ [KEY]: sync }), browser.storage.local.set({ [KEY]: local })]);
}

// Updates from one page run one after another: two quick changes (a click, then a select) must not both start
// from the same stored state, or the second would undo the first.
let queue: Promise<unknown> = Promise.resolve();

export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const run = queue.then(async () => {
    const next = change(await loadSettings());
    await saveSettings(next);
    return next;
  });
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Call `listener` whenever the stored settings change (in any tab or page of the extension). One save writes two
 * areas, so two events arrive; the listener hears only about settings that differ from what it last heard.
 */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  let last = '';
  const handler = (changes: Record<string, unknown>, area: string) => {
    if ((area !== 'sync' && area !== 'local') || !(KEY in changes)) return;
    void loadSettings().then((settings) => {
      const text = JSON.stringify(settings);
      if (text === last) return;
      last = text;
      listener(settings);
    });
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
