// The card layer inside the extension: card models come from the background, preferences from storage.sync,
// the next/previous commands from the background's `csto-lens/command` messages.
import type { CardModel } from '../../core/card.ts';
import { todayIso, type IsoDay } from '../../core/dates.ts';
import type { Lang } from '../../core/pack.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings.ts';
import browser from '../../shared/browser.ts';
import { isContentRequest, type CardModelMessage, type CardModelResponse, type OpenEntityMessage } from '../../shared/messages.ts';
import { loadSettings, onSettingsChanged } from '../../shared/settings-store.ts';
import { attachCards, sameMention } from './layer.ts';
import type { CardLayer, MarkSource } from './types.ts';

export interface PageFacts {
  pageLang(): Lang | null;
  published(): IsoDay | null;
}

export async function requestCardModel(request: Omit<CardModelMessage, 'type'>): Promise<CardModel> {
  const message: CardModelMessage = { type: 'csto-lens/card-model', ...request };
  const model = (await browser.runtime.sendMessage(message)) as CardModelResponse;
  if (!model) throw new Error(`no card for ${request.id}`);
  return model;
}

/** Attach the card layer to a page's marks; returns it with a disconnect that undoes everything. */
export function connectCards(source: MarkSource, page: PageFacts, initial: Settings = DEFAULT_SETTINGS): CardLayer {
  let settings = initial;
  void loadSettings().then((loaded) => (settings = loaded)).catch(() => undefined);
  const stopSettings = onSettingsChanged((next) => (settings = next));

  const layer = attachCards(source, {
    loadModel: requestCardModel,
    preferences: () => settings,
    pageLang: page.pageLang,
    published: page.published,
    today: () => todayIso(),
    uiLanguage: () => browser.i18n.getUILanguage(),
    openEntity: (id) => {
      const message: OpenEntityMessage = { type: 'csto-lens/open-entity', id };
      void browser.runtime.sendMessage(message).catch(() => undefined);
    },
  });

  const onMessage = (message: unknown) => {
    if (!isContentRequest(message)) return undefined;
    if (message.type === 'csto-lens/command') {
      if (message.command === 'next-mention') void layer.next();
      else if (message.command === 'previous-mention') void layer.previous();
    } else if (message.type === 'csto-lens/go-to') {
      void goTo(message.entity);
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);

  /** The next mention of an entity after the one shown (wrapping), scrolled to and opened. */
  async function goTo(entity: string): Promise<void> {
    const all = source.mentions().filter((m) => m.entity === entity);
    if (all.length === 0) return;
    const current = layer.current();
    const index = current ? all.findIndex((m) => sameMention(m, current)) : -1;
    const mention = all[(index + 1) % all.length]!;
    const anchor = mention.range.startContainer.parentElement;
    anchor?.scrollIntoView({ block: 'center', behavior: 'instant' });
    await layer.openFor(mention, { focus: true });
  }

  return {
    ...layer,
    destroy() {
      browser.runtime.onMessage.removeListener(onMessage);
      stopSettings();
      layer.destroy();
    },
  };
}
