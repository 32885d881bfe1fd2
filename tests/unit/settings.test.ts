// Settings: schema, migrations from old versions, repair of corrupt values and unknown keys, storage split, import.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
  isActiveOn,
  joinFromStorage,
  repairSettings,
  siteFromInput,
  siteKey,
  splitForStorage,
  withSite,
  type Settings,
} from '../../src/core/settings.ts';
import { exportSettingsFile, parseSettingsFile } from '../../src/core/settings-file.ts';

const custom: Settings = {
  ...structuredClone(DEFAULT_SETTINGS),
  enabled: false,
  disabledSites: ['example.com', 'news.example.org'],
  markStyle: 'background',
  hoverDelayMs: 800,
  cardLanguage: 'ar',
  theme: 'dark',
  categories: { ...DEFAULT_SETTINGS.categories, media: false, places: false },
};

describe('repairSettings', () => {
  it('gives the defaults for nothing stored, without complaint', () => {
    expect(repairSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(repairSettings(null).problems).toEqual([]);
  });

  it('keeps sound current settings exactly', () => {
    expect(repairSettings(structuredClone(custom))).toEqual({ settings: custom, problems: [] });
  });

  it('migrates version 1 (the first shape): sites become normalised hostnames', () => {
    const v1 = { ...structuredClone(custom), version: 1, disabledSites: ['WWW.Example.com', 'news.example.org.', 'example.com'] };
    const { settings, problems } = repairSettings(v1);
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(settings.disabledSites).toEqual(['example.com', 'news.example.org']);
    expect(problems).toEqual([]);
  });

  it('reads an unversioned object as version 1 and fills what is missing', () => {
    const { settings } = repairSettings({ enabled: false, disabledSites: ['www.bbc.co.uk'] });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, enabled: false, disabledSites: ['bbc.co.uk'] });
  });

  it.each([
    ['a string', 'yes'],
    ['a number', 42],
    ['an array', [1, 2]],
    ['a boolean', true],
  ])('resets everything when storage holds %s', (_what, stored) => {
    const { settings, problems } = repairSettings(stored);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toHaveLength(1);
  });

  it('resets each corrupt value alone and keeps the others', () => {
    const { settings, problems } = repairSettings({
      ...structuredClone(custom),
      enabled: 'false',
      markStyle: 'blink',
      hoverDelayMs: Number.NaN,
      cardLanguage: 'fr',
      theme: null,
      firstMentionOnly: 1,
    });
    expect(settings).toEqual({ ...custom, enabled: true, markStyle: 'underline', hoverDelayMs: 450, cardLanguage: 'auto', theme: 'auto' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['cardLanguage', 'enabled', 'firstMentionOnly', 'hoverDelayMs', 'markStyle', 'theme']);
  });

  it('drops unknown keys and unknown categories, and resets non-boolean categories', () => {
    const { settings, problems } = repairSettings({
      ...structuredClone(custom),
      colour: 'red',
      categories: { ...custom.categories, weather: false, people: 'no' },
    });
    expect(settings).toEqual(custom);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^colour: unknown/), expect.stringMatching(/^categories.weather: unknown/), expect.stringMatching(/^categories.people:/)]));
  });

  it('treats keys named like Object.prototype members, or __proto__, as the unknown keys they are', () => {
    const stored = JSON.parse('{"valueOf": "version", "toString": 1, "__proto__": {"enabled": false}, "constructor": {}}') as unknown;
    const { settings, problems } = repairSettings(stored);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
    expect(problems).toHaveLength(4);
  });

  it('drops bad sites, de-duplicates and clamps the hover delay', () => {
    const { settings, problems } = repairSettings({ ...structuredClone(custom), disabledSites: ['ok.com', 7, '', 'bad host', 'OK.com'], hoverDelayMs: 99999.5 });
    expect(settings.disabledSites).toEqual(['ok.com']);
    expect(settings.hoverDelayMs).toBe(3000);
    expect(problems.length).toBe(4);
  });

  it('reads what it understands of a newer version, with a warning', () => {
    const { settings, problems } = repairSettings({ ...structuredClone(custom), version: SETTINGS_VERSION + 1, sparkle: true });
    expect(settings).toEqual(custom);
    expect(problems.some((p) => p.startsWith('version:'))).toBe(true);
  });

  it('never throws on odd input', () => {
    for (const input of [{ version: 'x' }, { categories: null }, { disabledSites: 'a.com' }, { version: 1, disabledSites: [null] }, Object.create(null)]) {
      expect(() => repairSettings(input)).not.toThrow();
    }
  });
});

describe('sites', () => {
  it('normalises hostnames and rejects junk', () => {
    expect(siteKey('WWW.Example.COM.')).toBe('example.com');
    expect(siteKey('рбк.рф')).toBe('рбк.рф');
    expect(siteKey('has space.com')).toBe('');
    expect(siteKey('')).toBe('');
  });

  it.each([
    ['https://www.Example.com/news/1?x=2', 'example.com'],
    ['example.com', 'example.com'],
    ['sub.example.co.uk:8080', 'sub.example.co.uk'],
    ['рбк.рф', 'xn--90asq.xn--p1ai'],
    ['127.0.0.1', '127.0.0.1'],
    ['not a site', ''],
    ['ftp://example.com', ''],
    ['', ''],
  ])('reads the site a user typed: %s', (input, site) => expect(siteFromInput(input)).toBe(site));

  it('switches one site off and on, and isActiveOn follows', () => {
    const off = withSite(DEFAULT_SETTINGS, 'www.example.com', false);
    expect(off.disabledSites).toEqual(['example.com']);
    expect(isActiveOn(off, 'example.com')).toBe(false);
    expect(isActiveOn(off, 'www.example.com')).toBe(false);
    expect(isActiveOn(off, 'other.com')).toBe(true);
    expect(withSite(off, 'example.com', true).disabledSites).toEqual([]);
    expect(isActiveOn({ ...DEFAULT_SETTINGS, enabled: false }, 'other.com')).toBe(false);
  });
});

describe('storage split', () => {
  it('keeps device-only values in local and round-trips', () => {
    const { sync, local } = splitForStorage(custom);
    expect(sync).not.toHaveProperty('hoverDelayMs');
    expect(local).toEqual({ version: SETTINGS_VERSION, hoverDelayMs: 800 });
    expect(repairSettings(joinFromStorage(sync, local)).settings).toEqual(custom);
  });

  it('uses the device value when only local is stored', () => {
    expect(repairSettings(joinFromStorage(undefined, { version: 2, hoverDelayMs: 100 })).settings.hoverDelayMs).toBe(100);
  });
});

describe('settings files', () => {
  it('round-trips an export', () => {
    expect(parseSettingsFile(exportSettingsFile(custom, '2026-11-29T00:00:00Z'))).toEqual({ ok: true, settings: custom });
  });

  it('accepts a version 1 file and migrates it', () => {
    const file = JSON.stringify({ format: 'csto-lens-settings', settings: { ...custom, version: 1, disabledSites: ['www.example.com'] } });
    const result = parseSettingsFile(file);
    expect(result.ok && result.settings.disabledSites).toEqual(['example.com']);
  });

  it.each([
    ['not JSON', '{nope', 'not-json'],
    ['JSON of something else', '{"a": 1}', 'not-settings'],
    ['an array', '[]', 'not-settings'],
    ['a newer version', JSON.stringify({ format: 'csto-lens-settings', settings: { ...custom, version: 99 } }), 'newer-version'],
    ['a bad value', JSON.stringify({ format: 'csto-lens-settings', settings: { ...custom, theme: 'pink' } }), 'invalid'],
    ['an unknown key', JSON.stringify({ format: 'csto-lens-settings', settings: { ...custom, extra: 1 } }), 'invalid'],
    ['a missing value', JSON.stringify({ format: 'csto-lens-settings', settings: { ...custom, enabled: undefined } }), 'invalid'],
    ['a bad site', JSON.stringify({ format: 'csto-lens-settings', settings: { ...custom, disabledSites: ['no such host'] } }), 'invalid'],
  ])('refuses %s with a reason', (_what, text, error) => {
    const result = parseSettingsFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBe(error);
      expect(result.detail.length).toBeGreaterThan(0);
    }
  });
});

describe('repairSettings on anything', () => {
  it('never throws, and always returns settings the strict schema accepts', async () => {
    const fc = (await import('fast-check')).default;
    const { SettingsSchema } = await import('../../src/core/settings-file.ts');
    const v = await import('valibot');
    const field = fc.oneof(fc.anything(), fc.constantFrom(...Object.keys(DEFAULT_SETTINGS)));
    const storedLike = fc.oneof(
      fc.anything(),
      fc.dictionary(fc.oneof(fc.string(), fc.constantFrom(...Object.keys(DEFAULT_SETTINGS))), field),
      fc.record({ version: fc.anything(), disabledSites: fc.array(fc.anything()), categories: fc.dictionary(fc.string(), fc.anything()), hoverDelayMs: fc.double() }, { requiredKeys: [] }),
    );
    fc.assert(
      fc.property(storedLike, (stored) => {
        const { settings } = repairSettings(stored);
        expect(v.safeParse(SettingsSchema, settings).success).toBe(true);
        // Repair is idempotent: repaired settings need no further repair.
        expect(repairSettings(settings).problems).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
