/** Layers, in palette order. */
import { conv1d } from './conv1d.ts';
import { conv2d } from './conv2d.ts';
import { linear } from './linear.ts';

export const LAYER_KINDS = [linear, conv1d, conv2d] as const;
