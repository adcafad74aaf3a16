/** The training settings a run uses: the graph's saved `training` block, then command-line/UI overrides, then defaults. */
import type { TrainingSettings } from '../graph/types.ts';

export interface ResolvedTrainingSettings {
  readonly epochs: number;
  readonly batchSize: number;
  readonly seed: number;
  readonly validationSplit: number;
  readonly earlyStoppingPatience: number;
  /** Overrides the `lr` of every optimizer when set (the `--lr` flag). */
  readonly learningRate: number | undefined;
}

export const DEFAULT_TRAINING: Omit<ResolvedTrainingSettings, 'learningRate'> = {
  epochs: 10,
  batchSize: 32,
  seed: 0,
  validationSplit: 0,
  earlyStoppingPatience: 0,
};

export type TrainingOverrides = TrainingSettings & { readonly learningRate?: number };

export function resolveTrainingSettings(saved: TrainingSettings | undefined, overrides: TrainingOverrides = {}): ResolvedTrainingSettings {
  const pick = <K extends keyof typeof DEFAULT_TRAINING>(key: K): number => overrides[key] ?? saved?.[key] ?? DEFAULT_TRAINING[key];
  return {
    epochs: pick('epochs'),
    batchSize: pick('batchSize'),
    seed: pick('seed'),
    validationSplit: pick('validationSplit'),
    earlyStoppingPatience: pick('earlyStoppingPatience'),
    learningRate: overrides.learningRate,
  };
}
