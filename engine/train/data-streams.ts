/**
 * Where each step's mini-batch comes from. Every Dataset node of the graph is a source; the first one (in graph
 * order) is primary: an epoch is one pass over its training rows in a fresh seeded order, in batches (the last
 * one may be smaller, like PyTorch's DataLoader without drop_last). Other sources, and extra updates of an
 * optimizer that takes k steps per iteration, draw from their own endless shuffled streams. All inputs of a step
 * share one batch size, since they bind the same symbol N.
 */
import type { HostTensor } from '../backends/backend.ts';
import { sampleCount, takeRows } from './rows.ts';
import { SeededRandom } from './seeded-random.ts';

export interface DataSplit {
  readonly features: HostTensor;
  readonly labels: HostTensor;
}

/** A loaded dataset (engine/data's LoadedDataset fits this). */
export interface SourceData {
  readonly train: DataSplit;
  readonly test?: DataSplit;
}

export interface SourceSplits {
  readonly train: DataSplit;
  readonly validation?: DataSplit;
  readonly test?: DataSplit;
}

/** Holds out a seeded random fraction of the training rows for validation. */
export function splitValidation(data: SourceData, fraction: number, random: SeededRandom): SourceSplits {
  const n = sampleCount(data.train.features);
  const held = Math.floor(n * fraction);
  if (held === 0) return { train: data.train, ...(data.test ? { test: data.test } : {}) };
  const order = random.permutation(n);
  const rows = (from: number, to: number): DataSplit => ({
    features: takeRows(data.train.features, order, from, to),
    labels: takeRows(data.train.labels, order, from, to),
  });
  return { train: rows(held, n), validation: rows(0, held), ...(data.test ? { test: data.test } : {}) };
}

/** An endless stream of batches over one split, reshuffled each time it is used up. */
export class BatchStream {
  private order: Int32Array;
  private cursor = 0;

  constructor(private readonly split: DataSplit, private readonly random: SeededRandom) {
    this.order = random.permutation(sampleCount(split.features));
  }

  get size(): number {
    return this.order.length;
  }

  /** Rows remaining in the current pass. */
  get remaining(): number {
    return this.order.length - this.cursor;
  }

  /** Starts a new pass in a fresh order. */
  reshuffle(): void {
    this.order = this.random.permutation(this.order.length);
    this.cursor = 0;
  }

  /** Up to `count` rows of the current pass (a new pass starts when it is used up). */
  next(count: number): DataSplit {
    if (this.remaining === 0) this.reshuffle();
    return this.take(Math.min(count, this.remaining));
  }

  /** Exactly `count` rows, continuing into a freshly shuffled pass when this one runs out. */
  nextExactly(count: number): DataSplit {
    return this.take(count);
  }

  private take(count: number): DataSplit {
    const rows = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      if (this.remaining === 0) this.reshuffle();
      rows[i] = this.order[this.cursor++]!;
    }
    return { features: takeRows(this.split.features, rows), labels: takeRows(this.split.labels, rows) };
  }
}
