// The user's settings: types, defaults, a valibot schema, a version with migrations, and repair of whatever storage
// or an imported file holds. Pure (no DOM, no browser API) so the popup, the options page, the background and the
// content script share it. Repair never throws: a bad value falls back to its default and is reported.
import * as v from 'valibot';
import { lazyRegExp } from './lazy-regexp.ts';
import { CATEGORIES, LANGS, type Category, type Lang } from './pack.ts';

/**
 * 1: the first shape (foundation). 2: disabled sites are stored as normalised hostnames (lower case, no "www.", no
 * trailing dot), so "www.example.com" and "example.com" are one site.
 */
export const SETTINGS_VERSION = 2;
export const MARK_STYLES = ['underline', 'background', 'none'] as const;
export type MarkStyle = (typeof MARK_STYLES)[number];
export const CARD_LANGUAGES = ['auto', 'page', ...LANGS] as const;
/** auto: the browser's interface language; page: the article's language; or a fixed language. */
export type CardLanguage = 'auto' | 'page' | Lang;
export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const HOVER_DELAY_MIN_MS = 0;
export const HOVER_DELAY_MAX_MS = 3000;
/** Enough for any real list; keeps one storage.sync item under its 8 KB quota. */
export const MAX_DISABLED_SITES = 200;

export interface Settings {
  version: number;
  enabled: boolean;
  /** Hostnames where the extension is switched off (normalised with siteKey). */
  disabledSites: string[];
  categories: Record<Category, boolean>;
  markStyle: MarkStyle;
  firstMentionOnly: boolean;
  /** Hover intent: how long the pointer rests on a mark before its card shows. */
  hoverDelayMs: number;
  cardLanguage: CardLanguage;
  theme: Theme;
}

/** Kept on this device only (storage.local): a hover delay suits a pointer, not a person's other machines. */
export const DEVICE_KEYS = ['hoverDelayMs'] as const satisfies ReadonlyArray<keyof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  enabled: true,
  disabledSites: [],
  categories: Object.fromEntries(CATEGORIES.map((c) => [c, true])) as Record<Category, boolean>,
  markStyle: 'underline',
  firstMentionOnly: false,
  hoverDelayMs: 450,
  cardLanguage: 'auto',
  theme: 'auto',
};

const ASCII_HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;
// Built on first use (an IDN host): its Unicode classes cost milliseconds to build when the module loads.
const UNICODE_HOST = lazyRegExp(() => /^[\p{L}\p{N}]([\p{L}\p{N}-]*[\p{L}\p{N}])?(\.[\p{L}\p{N}]([\p{L}\p{N}-]*[\p{L}\p{N}])?)*$/u);

/** The form a hostname takes in `disabledSites`; '' when it is not a usable hostname. */
export function siteKey(hostname: string): string {
  const host = hostname.trim().toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
  // ASCII first: location.hostname always is, and the Unicode pattern costs milliseconds to compile on every page.
  return ASCII_HOST.test(host) || UNICODE_HOST.test(host) || /^\[[0-9a-f:.]+\]$/.test(host)
    ? host
    : '';
}

/**
 * What a user typed as a site ("https://www.example.com/path", "example.com", "рбк.рф") as the key pages will match:
 * URL parsing gives the hostname as pages report it (IDNs in punycode). '' when it is not a site.
 */
export function siteFromInput(input: string): string {
  const text = input.trim();
  if (!text || /\s/.test(text)) return '';
  try {
    const url = new URL(text.includes('://') ? text : `https://${text}`);
    return url.protocol === 'http:' || url.protocol === 'https:' ? siteKey(url.hostname) : '';
  } catch {
    return '';
  }
}

/** Whether annotations run on a page of this hostname. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(siteKey(hostname));
}

export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  return settings.disabledSites.includes(siteKey(hostname));
}

/** The settings with this site switched on or off (other sites untouched). */
export function withSite(settings: Settings, hostname: string, on: boolean): Settings {
  const key = siteKey(hostname);
  if (!key) return settings;
  const others = settings.disabledSites.filter((site) => site !== key);
  return { ...settings, disabledSites: on ? others : [...others, key].sort() };
}

// One schema per field, so a bad field is repaired alone and the rest of the user's choices survive. Made on first
// repair, not when the module loads: every page's content script loads this module, and most have nothing to repair.
const fieldSchemas = () =>
  ({
    enabled: v.boolean(),
    disabledSites: v.array(v.unknown()),
    categories: v.record(v.string(), v.unknown()),
    markStyle: v.picklist(MARK_STYLES),
    firstMentionOnly: v.boolean(),
    hoverDelayMs: v.pipe(v.number(), v.finite()),
    cardLanguage: v.picklist(CARD_LANGUAGES),
    theme: v.picklist(THEMES),
  }) satisfies Record<Exclude<keyof Settings, 'version'>, v.GenericSchema>;
let schemas: ReturnType<typeof fieldSchemas> | null = null;

export type Raw = Record<string, unknown>;

export function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Migrations from version N to N+1, by N. Each takes and returns a plain object; repair checks the result. */
const MIGRATIONS: Record<number, (raw: Raw) => Raw> = {
  1: (raw) => ({
    ...raw,
    version: 2,
    disabledSites: Array.isArray(raw.disabledSites)
      ? raw.disabledSites.map((site) => (typeof site === 'string' ? siteKey(site) || site : site))
      : raw.disabledSites,
  }),
};

export function migrate(raw: Raw, problems: string[]): Raw {
  let current = raw;
  let version = typeof current.version === 'number' && Number.isInteger(current.version) ? current.version : 1;
  if (current.version !== undefined && version !== current.version) problems.push(`version: ${JSON.stringify(current.version)} is not a version; read as 1`);
  if (version > SETTINGS_VERSION) problems.push(`version: ${version} is newer than this extension (${SETTINGS_VERSION}); reading what it understands`);
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) break;
    current = step(current);
    version += 1;
  }
  return current;
}

export interface RepairResult {
  settings: Settings;
  /** One line per value that was reset, dropped or adjusted; empty when the input was already sound. */
  problems: string[];
}

function repairSites(value: unknown, problems: string[]): string[] {
  const sites = new Set<string>();
  for (const site of value as unknown[]) {
    const key = typeof site === 'string' ? siteKey(site) : '';
    if (!key) problems.push(`disabledSites: dropped ${JSON.stringify(site)}`);
    else sites.add(key);
  }
  const list = [...sites].sort();
  if (list.length > MAX_DISABLED_SITES) problems.push(`disabledSites: kept the first ${MAX_DISABLED_SITES} of ${list.length}`);
  return list.slice(0, MAX_DISABLED_SITES);
}

function repairCategories(value: Raw, problems: string[]): Record<Category, boolean> {
  const categories = { ...DEFAULT_SETTINGS.categories };
  for (const [key, on] of Object.entries(value)) {
    if (!(CATEGORIES as readonly string[]).includes(key)) problems.push(`categories.${key}: unknown, dropped`);
    else if (typeof on !== 'boolean') problems.push(`categories.${key}: ${JSON.stringify(on)} is not true or false; reset`);
    else categories[key as Category] = on;
  }
  return categories;
}

/**
 * Settings from anything storage may hold: missing values take their defaults, old versions are migrated, bad values
 * are reset one by one and unknown keys dropped, each with a line in `problems`. Never throws.
 */
export function repairSettings(stored: unknown): RepairResult {
  const problems: string[] = [];
  if (stored === undefined || stored === null) return { settings: structuredClone(DEFAULT_SETTINGS), problems };
  if (!isRecord(stored)) {
    problems.push(`settings: ${typeof stored} instead of an object; all reset`);
    return { settings: structuredClone(DEFAULT_SETTINGS), problems };
  }
  const raw = migrate(stored, problems);
  const FIELD_SCHEMAS = (schemas ??= fieldSchemas());
  const settings = structuredClone(DEFAULT_SETTINGS);
  const out = settings as unknown as Raw;
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'version') continue;
    if (!Object.hasOwn(FIELD_SCHEMAS, key)) {
      problems.push(`${key}: unknown setting, dropped`);
      continue;
    }
    if (value === undefined) continue;
    const field = key as keyof typeof FIELD_SCHEMAS;
    if (!v.is(FIELD_SCHEMAS[field], value)) {
      problems.push(`${key}: ${JSON.stringify(value)?.slice(0, 80)} is not valid; reset to ${JSON.stringify(out[key])}`);
      continue;
    }
    if (field === 'disabledSites') out[key] = repairSites(value, problems);
    else if (field === 'categories') out[key] = repairCategories(value as Raw, problems);
    else if (field === 'hoverDelayMs') {
      const ms = Math.round(Math.min(HOVER_DELAY_MAX_MS, Math.max(HOVER_DELAY_MIN_MS, value as number)));
      if (ms !== value) problems.push(`hoverDelayMs: ${String(value)} adjusted to ${ms}`);
      out[key] = ms;
    } else out[key] = value;
  }
  return { settings, problems };
}

/** The settings split for storage: what follows the user (storage.sync) and what stays on this device. */
export function splitForStorage(settings: Settings): { sync: Raw; local: Raw } {
  const sync: Raw = {};
  const local: Raw = { version: settings.version };
  for (const [key, value] of Object.entries(settings)) {
    if ((DEVICE_KEYS as readonly string[]).includes(key)) local[key] = value;
    else sync[key] = value;
  }
  return { sync, local };
}

/** Both storage areas back into one raw object for repairSettings (the device's values win for device keys). */
export function joinFromStorage(sync: unknown, local: unknown): unknown {
  if (!isRecord(local)) return sync;
  const device = Object.fromEntries(Object.entries(local).filter(([key]) => (DEVICE_KEYS as readonly string[]).includes(key)));
  if (sync === undefined || sync === null) return Object.keys(device).length > 0 ? { version: local.version, ...device } : undefined;
  return isRecord(sync) ? { ...sync, ...device } : sync;
}
