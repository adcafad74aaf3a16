/** Which data splits a run has, and the one a view shows first: held-out data says more than the training set. */
import type { DataSummary } from '../protocol.ts';

export type Split = 'train' | 'validation' | 'test';

export function availableSplits(data: DataSummary): Split[] {
  return [
    ...(data.testSamples > 0 ? (['test'] as const) : []),
    ...(data.validationSamples > 0 ? (['validation'] as const) : []),
    'train',
  ];
}

/** Test when the data has one, else validation when the run holds some out, else train. */
export function defaultSplit(data: DataSummary): Split {
  return availableSplits(data)[0]!;
}

export function splitSamples(data: DataSummary, split: Split): number {
  return split === 'train' ? data.trainSamples : split === 'validation' ? data.validationSamples : data.testSamples;
}
