/**
 * Metrics of a prediction against its target, accumulated over batches: what the loss node's kind says the task is.
 * Class scores ([N,C], class indices [N]): accuracy, per-class accuracy and the confusion matrix (rows = true
 * class, columns = predicted). Binary probabilities or logits: accuracy with the threshold at ½ (logit 0).
 * Regression: mean squared and mean absolute error.
 */
import type { HostTensor } from '../backends/backend.ts';
import type { LossPrediction } from '../compile/node-kind.ts';

export type MetricTask =
  | { readonly kind: 'multiclass'; readonly classes: number }
  | { readonly kind: 'binary'; readonly threshold: number }
  | { readonly kind: 'regression' };

/** The task a loss's prediction implies (its kind declares how it reads), or undefined where none applies. */
export function metricTaskOf(reads: LossPrediction | undefined, predictionShape: readonly (number | string)[]): MetricTask | undefined {
  switch (reads) {
    case 'class-scores':
      return typeof predictionShape[1] === 'number' ? { kind: 'multiclass', classes: predictionShape[1] } : undefined;
    case 'binary-probabilities':
      return { kind: 'binary', threshold: 0.5 };
    case 'binary-logits':
      return { kind: 'binary', threshold: 0 };
    case 'regression':
      return { kind: 'regression' };
    default:
      return undefined;
  }
}

export interface ClassificationMetrics {
  readonly accuracy: number;
  readonly perClassAccuracy: readonly (number | null)[];
  /** confusion[true][predicted] = count. */
  readonly confusion: readonly (readonly number[])[];
}

export interface Metrics {
  readonly samples: number;
  readonly accuracy?: number;
  readonly classification?: ClassificationMetrics;
  readonly mse?: number;
  readonly mae?: number;
}

export class MetricAccumulator {
  private samples = 0;
  private correct = 0;
  private squared = 0;
  private absolute = 0;
  private elements = 0;
  private readonly confusion: number[][] | undefined;

  constructor(readonly task: MetricTask) {
    this.confusion = task.kind === 'multiclass' ? Array.from({ length: task.classes }, () => new Array<number>(task.classes).fill(0)) : undefined;
  }

  add(prediction: HostTensor, target: HostTensor): void {
    const n = prediction.shape[0] ?? 0;
    this.samples += n;
    const p = prediction.data, t = target.data;
    if (this.task.kind === 'multiclass') {
      const c = this.task.classes;
      for (let i = 0; i < n; i++) {
        let best = 0;
        // First maximum wins, like torch.argmax.
        for (let j = 1; j < c; j++) if (p[i * c + j]! > p[i * c + best]!) best = j;
        const truth = t[i]!;
        if (best === truth) this.correct++;
        if (truth >= 0 && truth < c) this.confusion![truth]![best]!++;
      }
    } else if (this.task.kind === 'binary') {
      // Element-wise: a multi-label [N,k] target counts each of its k decisions.
      for (let i = 0; i < p.length; i++) if ((p[i]! > this.task.threshold ? 1 : 0) === (t[i]! >= 0.5 ? 1 : 0)) this.correct++;
      this.elements += p.length;
    } else {
      for (let i = 0; i < p.length; i++) {
        const d = p[i]! - t[i]!;
        this.squared += d * d;
        this.absolute += Math.abs(d);
      }
      this.elements += p.length;
    }
  }

  result(): Metrics {
    const { samples } = this;
    if (this.task.kind === 'regression') {
      return { samples, mse: this.squared / Math.max(1, this.elements), mae: this.absolute / Math.max(1, this.elements) };
    }
    if (this.task.kind === 'binary') return { samples, accuracy: this.correct / Math.max(1, this.elements) };
    const confusion = this.confusion!;
    const perClassAccuracy = confusion.map((row, k) => {
      const total = row.reduce((a, b) => a + b, 0);
      return total === 0 ? null : row[k]! / total;
    });
    const accuracy = this.correct / Math.max(1, samples);
    return { samples, accuracy, classification: { accuracy, perClassAccuracy, confusion } };
  }
}
