// The site each tab shows, learnt from its content script's page-status messages (the extension has no "tabs"
// permission, so tab URLs are not otherwise visible). Kept in storage.session so a restarted service worker still
// knows which icon each tab should have when the settings change.
import browser from '../shared/browser.ts';

const KEY = 'tabSites';
type TabSites = Record<string, string>;

interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

let memory: TabSites = {};

function sessionArea(): SessionArea | null {
  return (browser.storage as unknown as { session?: SessionArea }).session ?? null;
}

export async function readTabSites(): Promise<TabSites> {
  const area = sessionArea();
  if (!area) return memory;
  const stored = (await area.get(KEY).catch((): Record<string, unknown> => ({})))[KEY];
  return typeof stored === 'object' && stored !== null ? (stored as TabSites) : {};
}

async function write(sites: TabSites): Promise<void> {
  memory = sites;
  await sessionArea()?.set({ [KEY]: sites }).catch(() => undefined);
}

export async function rememberTabSite(tabId: number, hostname: string): Promise<void> {
  const sites = await readTabSites();
  if (sites[tabId] === hostname) return;
  await write({ ...sites, [tabId]: hostname });
}

export async function forgetTab(tabId: number): Promise<void> {
  const sites = await readTabSites();
  if (!(tabId in sites)) return;
  const { [tabId]: _gone, ...rest } = sites;
  await write(rest);
}
