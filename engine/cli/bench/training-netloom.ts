/**
 * A benchmark model trained by netloom itself: the graph document through the engine's Trainer on the CPU backend
 * in float32, exactly as `netloom train` runs it (shuffled batches, loss and gradient norm read back every step).
 */
import { createCpuBackend } from '../../backends/cpu/cpu-backend.ts';
import type { Catalog } from '../../compile/node-kind.ts';
import type { DataSplit } from '../../train/data-streams.ts';
import type { TrainingModel } from './training-models.ts';
import type { Stepper } from './training-timing.ts';
import { trainerOn } from './training-on-backend.ts';

export function netloomTrainer(catalog: Catalog, model: TrainingModel, rows: DataSplit): Stepper {
  const backend = createCpuBackend({ precision: 'f32' });
  const stepper = trainerOn(backend, catalog, model, rows);
  return {
    run: (steps) => stepper.run(steps),
    dispose() {
      stepper.dispose();
      backend.dispose();
    },
  };
}
