// Builds entity cards for the content script from the bundled pack, so the content script ships no card texts.
import { buildCard, lookupOf, type EntityLookup } from '../core/card.ts';
import { bundledPack } from '../core/bundled-pack.ts';
import { isIsoDay, todayIso } from '../core/dates.ts';
import { LANGS } from '../core/pack.ts';
import type { CardModelMessage, CardModelResponse } from '../shared/messages.ts';

let lookup: EntityLookup | null = null;

export function answerCardModel(message: CardModelMessage, now: Date = new Date()): CardModelResponse {
  lookup ??= lookupOf(bundledPack.entities);
  const entity = typeof message.id === 'string' ? lookup(message.id) : undefined;
  if (!entity || !(LANGS as readonly string[]).includes(message.lang)) return null;
  const today = todayIso(now);
  const date = typeof message.date === 'string' && isIsoDay(message.date) ? message.date : today;
  return buildCard(entity, { date, lang: message.lang, today, lookup });
}
