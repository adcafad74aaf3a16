/** Data sources, in palette order. */
import { constant } from './constant.ts';
import { dataset } from './dataset.ts';
import { input } from './input.ts';
import { localData } from './local-data.ts';
import { noise } from './noise.ts';

export const DATA_KINDS = [input, dataset, localData, constant, noise] as const;
