/**
 * A small MLP (Linear → ReLU → Linear → Tanh → Linear → LogSoftmax) whose forward pass is compared with PyTorch's
 * nn.Sequential of the same layers. Weights and inputs use the primitive cases' fill formulas, so Python builds the
 * identical model from this description (printed by print-primitive-cases.ts).
 */
import type { Fill } from './primitive-cases.ts';

export interface MlpLayer {
  readonly name: string;
  readonly in: number;
  readonly out: number;
  readonly weight: Fill;
  readonly bias: Fill;
  /** Applied after the layer; the last layer is followed by log-softmax over the features. */
  readonly activation: 'relu' | 'tanh' | 'logSoftmax';
}

export const MLP_CASE = {
  batch: 4,
  input: { kind: 'ramp', seed: 1, low: -2, high: 2 } as Fill,
  layers: [
    { name: 'fc1', in: 5, out: 8, weight: { kind: 'ramp', seed: 2, low: -0.6, high: 0.6 }, bias: { kind: 'ramp', seed: 3, low: -0.2, high: 0.2 }, activation: 'relu' },
    { name: 'fc2', in: 8, out: 6, weight: { kind: 'ramp', seed: 4, low: -0.5, high: 0.5 }, bias: { kind: 'ramp', seed: 5, low: -0.2, high: 0.2 }, activation: 'tanh' },
    { name: 'fc3', in: 6, out: 3, weight: { kind: 'ramp', seed: 6, low: -0.9, high: 0.9 }, bias: { kind: 'ramp', seed: 7, low: -0.3, high: 0.3 }, activation: 'logSoftmax' },
  ] as readonly MlpLayer[],
};
