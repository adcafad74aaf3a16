/**
 * What each built-in dataset feeds into a graph: the shapes and types of its features and labels. The Dataset node
 * takes its port shapes from here, so the editor knows them before any data is loaded.
 */
import type { DType } from '../ir/ops.ts';

export type Task = 'classification' | 'regression';

export interface DatasetInfo {
  readonly id: string;
  readonly label: string;
  readonly task: Task;
  readonly doc: string;
  /** Per-sample feature shape (the batch dimension N is prepended). */
  readonly features: { readonly shape: readonly number[]; readonly dtype: DType };
  /** Images also come flattened; this is their [C,H,W] form. */
  readonly image?: readonly [number, number, number];
  /**
   * Per-sample label shape: [] for class indices (0-based, as PyTorch's CrossEntropyLoss wants), [k] for regression
   * targets, [T] for one class index per step of a sequence.
   */
  readonly labels: { readonly shape: readonly number[]; readonly dtype: DType; readonly classes?: number };
  /** Number of samples (for generated sets, the default count). */
  readonly samples: number;
}

const points = (id: string, label: string, doc: string, classes: number, samples: number): DatasetInfo => ({
  id, label, doc, task: 'classification', samples,
  features: { shape: [2], dtype: 'f32' },
  labels: { shape: [], dtype: 'i32', classes },
});

export const DATASETS: readonly DatasetInfo[] = [
  points('xor', 'XOR', 'Points in the four quadrants of [−1, 1]², class 1 where x·y < 0; no line separates them.', 2, 400),
  points('circles', 'Circles', 'An inner and an outer noisy ring (scikit-learn’s make_circles, factor 0.5).', 2, 400),
  points('moons', 'Moons', 'Two interleaving half circles (scikit-learn’s make_moons, noise 0.1).', 2, 400),
  points('spirals', 'Two spirals', 'Two interleaved spirals (as in the TensorFlow Playground); needs a non-linear model with some depth.', 2, 400),
  points('blobs', 'Gaussian blobs', 'Three isotropic Gaussian clusters (scikit-learn’s make_blobs).', 3, 300),
  {
    id: 'sine', label: 'Sine regression', task: 'regression', samples: 200,
    doc: 'y = sin(x) plus Gaussian noise (σ 0.1), x uniform in [−π, π].',
    features: { shape: [1], dtype: 'f32' }, labels: { shape: [1], dtype: 'f32' },
  },
  {
    id: 'sine-forecast', label: 'Sine forecasting', task: 'regression', samples: 500,
    doc: 'From 20 steps of a sine wave with random phase and frequency, predict the next value.',
    features: { shape: [20, 1], dtype: 'f32' }, labels: { shape: [1], dtype: 'f32' },
  },
  {
    id: 'parity', label: 'Parity', task: 'classification', samples: 1000,
    doc: 'Sequences of 8 bits; the class is whether the number of ones is odd.',
    features: { shape: [8, 1], dtype: 'f32' }, labels: { shape: [], dtype: 'i32', classes: 2 },
  },
  {
    id: 'copy', label: 'Copy a sequence', task: 'classification', samples: 1000,
    doc: 'Sequences of 8 token ids from a vocabulary of 10 (for an Embedding); the target is the same sequence, one class per step.',
    features: { shape: [8], dtype: 'i32' }, labels: { shape: [8], dtype: 'i32', classes: 10 },
  },
  {
    id: 'digits', label: 'UCI digits 8×8', task: 'classification', samples: 1797,
    doc: 'Handwritten digits, 8×8 pixels with values 0–16 scaled to [0, 1] (UCI optical recognition data set).',
    features: { shape: [64], dtype: 'f32' }, image: [1, 8, 8], labels: { shape: [], dtype: 'i32', classes: 10 },
  },
  {
    id: 'iris', label: 'Iris', task: 'classification', samples: 150,
    doc: 'Four flower measurements (cm) of three iris species.',
    features: { shape: [4], dtype: 'f32' }, labels: { shape: [], dtype: 'i32', classes: 3 },
  },
  {
    id: 'fashion-mnist', label: 'Fashion-MNIST (12k subset)', task: 'classification', samples: 12000,
    doc: '28×28 greyscale clothing images in 10 classes, scaled to [0, 1]; 10,000 train and 2,000 test images.',
    features: { shape: [784], dtype: 'f32' }, image: [1, 28, 28], labels: { shape: [], dtype: 'i32', classes: 10 },
  },
];

export const DATASET_IDS = DATASETS.map((d) => d.id);

export function findDataset(id: string): DatasetInfo | undefined {
  return DATASETS.find((d) => d.id === id);
}
