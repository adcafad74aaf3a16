/** Structural nodes (merging, splitting, marking outputs), in palette order. */
import { add } from './add.ts';
import { concat } from './concat.ts';
import { multiply } from './multiply.ts';
import { output } from './output.ts';
import { slice } from './slice.ts';
import { split } from './split.ts';

export const STRUCTURE_KINDS = [add, multiply, concat, split, slice, output] as const;
