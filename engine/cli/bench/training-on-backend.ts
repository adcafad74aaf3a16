/** A benchmark model trained by the engine's Trainer on a given backend (as `netloom train --backend` runs it). */
import type { Backend } from '../../backends/backend.ts';
import type { Catalog } from '../../compile/node-kind.ts';
import type { DataSplit } from '../../train/data-streams.ts';
import { resolveTrainingSettings } from '../../train/settings.ts';
import { Trainer } from '../../train/trainer.ts';
import { DATASET_NODE, trainingGraph } from './training-graph.ts';
import { BATCH, type TrainingModel } from './training-models.ts';
import type { Stepper } from './training-timing.ts';

export function trainerOn(backend: Backend, catalog: Catalog, model: TrainingModel, rows: DataSplit): Stepper {
  const trainer = Trainer.create(trainingGraph(model), catalog, {
    backend,
    settings: resolveTrainingSettings(undefined, { batchSize: BATCH }),
    data: { [DATASET_NODE]: { train: rows } },
  });
  return {
    async run(steps) {
      let done = 0;
      // runEpoch asks shouldStop after every step, so a run can end mid-epoch; the next call continues that epoch.
      while (done < steps) await trainer.runEpoch({ shouldStop: () => ++done >= steps });
    },
    dispose() {
      trainer.dispose();
    },
  };
}
