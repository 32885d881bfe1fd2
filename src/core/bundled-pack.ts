// The entity pack compiled by `npm run entities` (scripts/build-entities.ts), bundled into every face.
import data from '../../generated/entities.json';
import type { Pack } from './pack.ts';

export const bundledPack = data as unknown as Pack;
