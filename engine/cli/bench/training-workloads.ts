/** The training benchmark: each model of training-models.ts trained by netloom and by tfjs on the same rows. */
import type { Catalog } from '../../compile/node-kind.ts';
import type { Workload } from './tfjs-comparison.ts';
import { tfjsTrainer } from './tfjs-training.ts';
import { randomTrainingRows } from './training-data.ts';
import { BATCH, TRAINING_MODELS } from './training-models.ts';
import { netloomTrainer } from './training-netloom.ts';

export function trainingWorkloads(catalog: Catalog): Workload[] {
  return TRAINING_MODELS.map((model) => {
    const rows = randomTrainingRows(model.layout);
    return {
      name: model.name,
      workPerStep: BATCH,
      netloom: () => netloomTrainer(catalog, model, rows),
      tfjs: (tf) => tfjsTrainer(tf, model, rows),
    };
  });
}

/** Samples per second from samples per step and ms per step. */
export const samplesPerSecond = (samples: number, msPerStep: number): number => (samples * 1000) / msPerStep;
