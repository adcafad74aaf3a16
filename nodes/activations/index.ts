/** Activations, in palette order. */
import { relu } from './relu.ts';

export const ACTIVATION_KINDS = [relu] as const;
