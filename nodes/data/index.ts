/** Data sources, in palette order. */
import { dataset } from './dataset.ts';
import { input } from './input.ts';

export const DATA_KINDS = [input, dataset] as const;
