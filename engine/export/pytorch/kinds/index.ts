/**
 * The PyTorch export of every node kind, by kind id: one entry per kind, grouped like the catalog's folders.
 * test/export/pytorch-kinds.test.ts fails for a catalog kind without an entry here.
 */
import type { PythonKindExport } from '../kind-export.ts';
import { ACTIVATION_EXPORTS } from './activations.ts';
import { DATA_EXPORTS } from './data.ts';
import { LAYER_EXPORTS } from './layers.ts';
import { LOSS_EXPORTS } from './losses.ts';
import { OPTIMIZER_EXPORTS } from './optimizers.ts';
import { STRUCTURE_EXPORTS } from './structure.ts';

export const PYTORCH_KINDS: Readonly<Record<string, PythonKindExport>> = {
  ...DATA_EXPORTS, ...LAYER_EXPORTS, ...ACTIVATION_EXPORTS, ...STRUCTURE_EXPORTS, ...LOSS_EXPORTS, ...OPTIMIZER_EXPORTS,
};
