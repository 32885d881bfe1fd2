// The entity card layer: one closed-shadow host per page, hover intent, keyboard, positioning.
export { attachCards, sameMention } from './layer.ts';
export { connectCards, requestCardModel } from './connect.ts';
export type { CardLayer, CardLayerOptions, CardModelRequest, CardPreferences, LiveMarkSource, MarkSource, Mention, OpenOptions } from './types.ts';
