// Settings as a JSON file: export, and an all-or-nothing import checked against the strict valibot schema. Apart from
// settings.ts so the content script, which only loads and repairs settings, does not carry the strict schema.
import * as v from 'valibot';
import { CATEGORIES, type Category } from './pack.ts';
import {
  CARD_LANGUAGES,
  HOVER_DELAY_MAX_MS,
  HOVER_DELAY_MIN_MS,
  MARK_STYLES,
  MAX_DISABLED_SITES,
  SETTINGS_VERSION,
  THEMES,
  isRecord,
  migrate,
  repairSettings,
  siteKey,
  type Settings,
} from './settings.ts';

/** The whole shape, strict: what an exported file holds and what import accepts. */
export const SettingsSchema = v.strictObject({
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  enabled: v.boolean(),
  disabledSites: v.pipe(v.array(v.pipe(v.string(), v.check((site) => siteKey(site) !== ''))), v.maxLength(MAX_DISABLED_SITES)),
  categories: v.strictObject(Object.fromEntries(CATEGORIES.map((c) => [c, v.boolean()])) as Record<Category, v.BooleanSchema<undefined>>),
  markStyle: v.picklist(MARK_STYLES),
  firstMentionOnly: v.boolean(),
  hoverDelayMs: v.pipe(v.number(), v.integer(), v.minValue(HOVER_DELAY_MIN_MS), v.maxValue(HOVER_DELAY_MAX_MS)),
  cardLanguage: v.picklist(CARD_LANGUAGES),
  theme: v.picklist(THEMES),
});

export const SETTINGS_FILE_FORMAT = 'csto-lens-settings';

export function exportSettingsFile(settings: Settings, exportedAt: string): string {
  return `${JSON.stringify({ format: SETTINGS_FILE_FORMAT, exportedAt, settings }, null, 2)}\n`;
}

export type ImportError = 'not-json' | 'not-settings' | 'newer-version' | 'invalid';
export type ImportResult = { ok: true; settings: Settings } | { ok: false; error: ImportError; detail: string };

/**
 * A settings file the user picked. Unlike repair, import is all or nothing: a file with any bad or unknown value is
 * refused with the reason, so the user never gets a half-applied file.
 */
export function parseSettingsFile(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: 'not-json', detail: error instanceof Error ? error.message : String(error) };
  }
  if (!isRecord(data) || data.format !== SETTINGS_FILE_FORMAT || !isRecord(data.settings)) {
    return { ok: false, error: 'not-settings', detail: `expected {"format": "${SETTINGS_FILE_FORMAT}", "settings": {…}}` };
  }
  const version = data.settings.version;
  if (typeof version === 'number' && version > SETTINGS_VERSION) {
    return { ok: false, error: 'newer-version', detail: `version ${version} > ${SETTINGS_VERSION}` };
  }
  const migrated = migrate(data.settings, []);
  const result = v.safeParse(SettingsSchema, migrated);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return { ok: false, error: 'invalid', detail: path ? `${path}: ${issue.message}` : issue.message };
  }
  // Repair once more to normalise (sorted, de-duplicated sites); a valid file loses nothing here.
  return { ok: true, settings: repairSettings(result.output).settings };
}
