// The interface locales: the same keys in English, Arabic and Russian, no empty message, every key the pages use.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.ts';

const LOCALES = join(ROOT, 'public', '_locales');
type Messages = Record<string, { message: string; description?: string }>;
const read = (lang: string): Messages => JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as Messages;
const langs = readdirSync(LOCALES).sort();
const en = read('en');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

describe('locales', () => {
  it('are English, Arabic and Russian', () => expect(langs).toEqual(['ar', 'en', 'ru']));

  it.each(langs)('%s has the same keys as en', (lang) => expect(Object.keys(read(lang)).sort()).toEqual(Object.keys(en).sort()));

  it.each(langs)('%s has no empty message and valid key names', (lang) => {
    for (const [key, value] of Object.entries(read(lang))) {
      expect(key, `${lang}: ${key}`).toMatch(/^[A-Za-z0-9_]+$/);
      expect(value.message.trim(), `${lang}: ${key}`).not.toBe('');
    }
  });

  it.each(langs)('%s keeps the same substitutions as en', (lang) => {
    const messages = read(lang);
    for (const [key, value] of Object.entries(en)) {
      const slots = (text: string) => [...text.matchAll(/\$\d/g)].map((m) => m[0]).sort();
      expect(slots(messages[key]!.message), `${lang}: ${key}`).toEqual(slots(value.message));
    }
  });

  it('has every key the popup and options pages ask for', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(30);
    for (const key of used) expect(en, key).toHaveProperty(key);
  });

  it('has every key built from a setting value', async () => {
    const { MARK_STYLES, CARD_LANGUAGES, THEMES } = await import('../../src/core/settings.ts');
    const keys = [...MARK_STYLES.map((s) => `markStyle_${s}`), ...CARD_LANGUAGES.map((l) => `cardLanguage_${l}`), ...THEMES.map((th) => `theme_${th}`)];
    for (const key of keys) expect(en, key).toHaveProperty(key);
  });
});
