/**
 * What the training view plots from a model while it learns: for 2-D classification data the decision boundary
 * (class probabilities over a grid covering the data), for 1-D regression the fitted curve over the data's range.
 */
import type { HostTensor } from '../backends/backend.ts';
import type { LossPrediction } from '../compile/node-kind.ts';
import type { Trainer } from './trainer.ts';

export interface DecisionGrid {
  readonly x: { readonly min: number; readonly max: number };
  readonly y: { readonly min: number; readonly max: number };
  /** Cells per side; cell (i, j) is at column i (x) and row j (y). */
  readonly resolution: number;
  readonly classes: number;
  /** Row-major [resolution·resolution, classes]: P(class | cell centre). */
  readonly probabilities: Float32Array;
}

export interface FittedCurve {
  readonly x: Float32Array;
  readonly y: Float32Array;
}

/** Turns a loss's input into class probabilities, as the loss kind says its prediction reads. */
function probabilities(reads: LossPrediction | undefined, prediction: HostTensor): { classes: number; p: Float32Array } | undefined {
  const n = prediction.shape[0]!;
  const d = prediction.data;
  if (reads === 'class-scores') {
    const c = prediction.shape[1]!;
    const p = new Float32Array(n * c);
    for (let i = 0; i < n; i++) {
      // Logits (CrossEntropy) get a stable softmax; log-probabilities (NLL) are already normalised, and the same
      // formula gives exp(log p) for them.
      let max = -Infinity;
      for (let k = 0; k < c; k++) max = Math.max(max, d[i * c + k]!);
      let sum = 0;
      for (let k = 0; k < c; k++) sum += Math.exp(d[i * c + k]! - max);
      for (let k = 0; k < c; k++) p[i * c + k] = Math.exp(d[i * c + k]! - max) / sum;
    }
    return { classes: c, p };
  }
  if ((reads === 'binary-logits' || reads === 'binary-probabilities') && prediction.data.length === n) {
    const p = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      const one = reads === 'binary-probabilities' ? d[i]! : 1 / (1 + Math.exp(-d[i]!));
      p[2 * i] = 1 - one;
      p[2 * i + 1] = one;
    }
    return { classes: 2, p };
  }
  return undefined;
}

function range(t: HostTensor, column: number, columns: number, margin: number): { min: number; max: number } {
  let min = Infinity, max = -Infinity;
  for (let i = column; i < t.data.length; i += columns) {
    min = Math.min(min, t.data[i]!);
    max = Math.max(max, t.data[i]!);
  }
  const pad = (max - min || 1) * margin;
  return { min: min - pad, max: max + pad };
}

const floats = (shape: number[], data: Float32Array, like: HostTensor): HostTensor => ({
  shape, dtype: 'f32', data: like.data instanceof Float64Array ? Float64Array.from(data) : data,
});

/**
 * The decision boundary of a classifier on 2-D points: undefined unless the primary dataset has [N,2] features and
 * a classification loss reads the prediction.
 */
export async function decisionGrid(trainer: Trainer, resolution = 60, margin = 0.1): Promise<DecisionGrid | undefined> {
  const features = trainer.trainingData.features;
  const loss = trainer.compiled.plan.losses.find((l) => l.reads !== undefined && l.reads !== 'regression');
  if (features.shape.length !== 2 || features.shape[1] !== 2 || !loss) return undefined;
  const x = range(features, 0, 2, margin), y = range(features, 1, 2, margin);
  const cells = new Float32Array(resolution * resolution * 2);
  for (let j = 0; j < resolution; j++) {
    for (let i = 0; i < resolution; i++) {
      const cell = j * resolution + i;
      cells[2 * cell] = x.min + ((i + 0.5) * (x.max - x.min)) / resolution;
      cells[2 * cell + 1] = y.min + ((j + 0.5) * (y.max - y.min)) / resolution;
    }
  }
  const outputs = await trainer.inspect({ features: floats([resolution * resolution, 2], cells, features) });
  const result = probabilities(loss.reads, outputs.get(loss.prediction)!);
  if (!result) return undefined;
  return { x, y, resolution, classes: result.classes, probabilities: result.p };
}

/** The model's output over the range of 1-D regression data ([N,1] features and a [N,1] prediction). */
export async function fittedCurve(trainer: Trainer, points = 200): Promise<FittedCurve | undefined> {
  const features = trainer.trainingData.features;
  const loss = trainer.compiled.plan.losses.find((l) => l.reads === 'regression');
  if (features.shape.length !== 2 || features.shape[1] !== 1 || !loss) return undefined;
  const { min, max } = range(features, 0, 1, 0.05);
  const x = Float32Array.from({ length: points }, (_, i) => min + (i * (max - min)) / (points - 1));
  const outputs = await trainer.inspect({ features: floats([points, 1], x, features) });
  const prediction = outputs.get(loss.prediction)!;
  if (prediction.data.length !== points) return undefined;
  return { x, y: Float32Array.from(prediction.data) };
}
