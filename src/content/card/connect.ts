// The card layer inside the extension: card models come from the background (`csto-lens/card-model`), preferences
// from storage.sync, and the mention to open from the page layer's onActivate (next/previous commands, "go to").
// A source without onActivate gets the commands straight from the background's `csto-lens/command` messages.
import type { CardModel } from '../../core/card.ts';
import { todayIso, type IsoDay } from '../../core/dates.ts';
import type { Lang } from '../../core/pack.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings.ts';
import browser from '../../shared/browser.ts';
import { isContentRequest, type CardModelMessage, type CardModelResponse } from '../../shared/messages.ts';
import type { OpenCardMessage } from '../../shared/open-card.ts';
import { loadSettings, onSettingsChanged } from '../../shared/settings-store.ts';
import { attachCards, sameMention } from './layer.ts';
import type { CardLayer, LiveMarkSource } from './types.ts';

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

/** Attach the card layer to a page's marks; its destroy() undoes everything. */
export function connectCards(source: LiveMarkSource, page: PageFacts, initial: Settings = DEFAULT_SETTINGS): CardLayer {
  let settings = initial;
  void loadSettings()
    .then((loaded) => (settings = loaded))
    .catch(() => undefined);
  const stops: Array<() => void> = [onSettingsChanged((next) => (settings = next))];

  const layer = attachCards(source, {
    loadModel: requestCardModel,
    preferences: () => settings,
    pageLang: page.pageLang,
    published: page.published,
    today: () => todayIso(),
    uiLanguage: () => browser.i18n.getUILanguage(),
    openEntity: (id) => {
      // The options page opens the full card as of the article's day (src/background/open-card.ts).
      const message: OpenCardMessage = { type: 'csto-lens/open-card', entity: id, date: page.published() };
      void browser.runtime.sendMessage(message).catch(() => undefined);
    },
  });

  if (source.onActivate) {
    stops.push(source.onActivate((mention) => void layer.openFor(mention, { focus: true })));
  } else {
    const onMessage = (message: unknown) => {
      if (!isContentRequest(message) || message.type !== 'csto-lens/command') return undefined;
      if (message.command === 'next-mention') void layer.next();
      else if (message.command === 'previous-mention') void layer.previous();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    stops.push(() => browser.runtime.onMessage.removeListener(onMessage));
  }

  if (source.onChange) {
    // Marks went away (switched off, category hidden, page changed): close a card whose mark is gone, and leave
    // no trace of the card host on a page with no marks.
    // Checked once per frame at most, and only while there is a host: scanning a long page changes marks often.
    let frame = 0;
    const check = () => {
      frame = 0;
      if (!layer.hasHost()) return;
      const all = source.mentions();
      const current = layer.current();
      if (all.length === 0) layer.release();
      else if (current && !all.some((m) => sameMention(m, current))) layer.close();
    };
    stops.push(
      source.onChange(() => {
        if (layer.hasHost() && !frame) frame = requestAnimationFrame(check);
      }),
      () => cancelAnimationFrame(frame),
    );
  }

  return {
    ...layer,
    destroy() {
      for (const stop of stops) stop();
      layer.destroy();
    },
  };
}
