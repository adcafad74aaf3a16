/**
 * The models of the training benchmark, described once: the netloom graph (training-graph.ts) and the tfjs step
 * (tfjs-training.ts) are both built from these descriptions, so the two sides cannot drift apart.
 * Inputs are Fashion-MNIST-shaped (28×28 greyscale, 10 classes); the values are random (training-data.ts).
 */

export type LayerSpec =
  | { readonly kind: 'linear'; readonly inFeatures: number; readonly outFeatures: number }
  | { readonly kind: 'relu' }
  | { readonly kind: 'conv2d'; readonly inChannels: number; readonly outChannels: number; readonly kernel: number; readonly padding: number }
  /** Window = stride = `size`, no padding. */
  | { readonly kind: 'maxPool2d'; readonly size: number }
  | { readonly kind: 'flatten' };

export type InputLayout = 'flat' | 'image';

export interface TrainingModel {
  readonly name: string;
  /** 'flat' feeds [N, 784], 'image' feeds [N, 1, 28, 28] (channels first, as netloom and PyTorch are). */
  readonly layout: InputLayout;
  readonly layers: readonly LayerSpec[];
}

export const CLASSES = 10;
export const BATCH = 64;
export const LEARNING_RATE = 0.01;

/** Per-sample feature shape of each layout. */
export const SAMPLE_SHAPE: Readonly<Record<InputLayout, readonly number[]>> = { flat: [784], image: [1, 28, 28] };

export const MLP: TrainingModel = {
  name: 'MLP 784-256-10',
  layout: 'flat',
  layers: [
    { kind: 'linear', inFeatures: 784, outFeatures: 256 },
    { kind: 'relu' },
    { kind: 'linear', inFeatures: 256, outFeatures: CLASSES },
  ],
};

export const LENET: TrainingModel = {
  name: 'LeNet CNN 1×28×28',
  layout: 'image',
  layers: [
    { kind: 'conv2d', inChannels: 1, outChannels: 6, kernel: 5, padding: 2 },
    { kind: 'relu' },
    { kind: 'maxPool2d', size: 2 },
    { kind: 'conv2d', inChannels: 6, outChannels: 16, kernel: 5, padding: 0 },
    { kind: 'relu' },
    { kind: 'maxPool2d', size: 2 },
    { kind: 'flatten' },
    { kind: 'linear', inFeatures: 400, outFeatures: 120 },
    { kind: 'relu' },
    { kind: 'linear', inFeatures: 120, outFeatures: 84 },
    { kind: 'relu' },
    { kind: 'linear', inFeatures: 84, outFeatures: CLASSES },
  ],
};

export const TRAINING_MODELS: readonly TrainingModel[] = [MLP, LENET];
