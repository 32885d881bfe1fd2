// Test only: runs the card layer in a plain page (main world) over a word-list MarkSource, building card models
// in the page from the bundled pack. Bundled by tests/support/card-harness.ts and loaded by the fixture pages.
import { attachCards } from '../../../src/content/card/layer.ts';
import type { CardLayer, CardPreferences } from '../../../src/content/card/types.ts';
import { buildCard, lookupOf } from '../../../src/core/card.ts';
import { bundledPack } from '../../../src/core/bundled-pack.ts';
import type { Lang } from '../../../src/core/pack.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/settings.ts';
import { wordMarks } from '../../support/word-marks.ts';

export interface HarnessConfig {
  words: Record<string, string>;
  published?: string | null;
  today?: string;
  uiLanguage?: string;
  preferences?: Partial<CardPreferences>;
}

declare global {
  interface Window {
    cardHarness: {
      start(config: HarnessConfig): void;
      layer: CardLayer | null;
      opened: string[];
      loads: string[];
      setPreferences(p: Partial<CardPreferences>): void;
    };
  }
}

const lookup = lookupOf(bundledPack.entities);

function pageLang(): Lang | null {
  const code = document.documentElement.lang.slice(0, 2);
  return code === 'en' || code === 'ar' || code === 'ru' ? code : null;
}

let preferences: CardPreferences = { cardLanguage: DEFAULT_SETTINGS.cardLanguage, theme: DEFAULT_SETTINGS.theme, hoverDelayMs: DEFAULT_SETTINGS.hoverDelayMs };

window.cardHarness = {
  layer: null,
  opened: [],
  loads: [],
  setPreferences(p) {
    preferences = { ...preferences, ...p };
  },
  start(config) {
    preferences = { ...preferences, ...config.preferences };
    const today = config.today ?? '2026-11-29';
    const source = wordMarks(document.body, config.words);
    this.layer = attachCards(source, {
      loadModel: async ({ id, date, lang }) => {
        window.cardHarness.loads.push(`${id}|${date}|${lang}`);
        const entity = lookup(id);
        if (!entity) throw new Error(`unknown ${id}`);
        return buildCard(entity, { date, lang, today, lookup });
      },
      preferences: () => preferences,
      pageLang,
      published: () => config.published ?? null,
      today: () => today,
      uiLanguage: () => config.uiLanguage ?? 'en-US',
      openEntity: (id) => void window.cardHarness.opened.push(id),
    });
  },
};
