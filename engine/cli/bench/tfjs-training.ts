/**
 * A benchmark model trained with TensorFlow.js raw ops on the active tfjs backend: the same layers, the same
 * initial ranges as netloom's default (PyTorch's U(±1/√fan_in) for weights and biases), mean softmax cross-entropy
 * and plain SGD through `optimizer.minimize`. Each step reads its loss back, as netloom's Trainer does.
 * tfjs works in its native channels-last layout (NHWC, filters [k, k, in, out], dense weights [in, out]); the
 * arithmetic is the same as netloom's NCHW model up to a permutation of the weights.
 */
import type { Tensor, Tensor4D, Variable } from '@tensorflow/tfjs-core';
import type { DataSplit } from '../../train/data-streams.ts';
import type { Tfjs } from './tfjs-runtime.ts';
import type { Stepper } from './training-timing.ts';
import { BATCH, CLASSES, LEARNING_RATE, type LayerSpec, type TrainingModel } from './training-models.ts';

/** One layer's forward function over its own weights. */
type Forward = (x: Tensor) => Tensor;

export function tfjsTrainer(tf: Tfjs, model: TrainingModel, rows: DataSplit): Stepper {
  const variables: Variable[] = [];
  const weight = (shape: number[], fanIn: number): Variable => {
    const bound = 1 / Math.sqrt(fanIn);
    const v = tf.variable(tf.randomUniform(shape, -bound, bound, 'float32'), true);
    variables.push(v);
    return v;
  };
  const layers = model.layers.map((spec) => layerForward(tf, spec, weight));
  const batches = toBatches(tf, model, rows);
  const optimizer = tf.train.sgd(LEARNING_RATE);
  let next = 0;

  const step = (): void => {
    const { x, y } = batches[next++ % batches.length]!;
    const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, layers.reduce((h, f) => f(h), x)), true, variables)!;
    loss.dataSync();
    loss.dispose();
  };
  return {
    async run(steps) {
      for (let i = 0; i < steps; i++) step();
    },
    dispose() {
      optimizer.dispose();
      for (const v of variables) v.dispose();
      for (const b of batches) tf.dispose([b.x, b.y]);
    },
  };
}

function layerForward(tf: Tfjs, spec: LayerSpec, weight: (shape: number[], fanIn: number) => Variable): Forward {
  switch (spec.kind) {
    case 'linear': {
      const w = weight([spec.inFeatures, spec.outFeatures], spec.inFeatures);
      const b = weight([spec.outFeatures], spec.inFeatures);
      return (x) => tf.add(tf.matMul(x, w), b);
    }
    case 'relu':
      return (x) => tf.relu(x);
    case 'conv2d': {
      const fanIn = spec.inChannels * spec.kernel * spec.kernel;
      const filter = weight([spec.kernel, spec.kernel, spec.inChannels, spec.outChannels], fanIn);
      const b = weight([spec.outChannels], fanIn);
      return (x) => tf.add(tf.conv2d(x as Tensor4D, filter as Tensor4D, 1, spec.padding), b);
    }
    case 'maxPool2d':
      return (x) => tf.maxPool(x as Tensor4D, spec.size, spec.size, 'valid');
    case 'flatten':
      return (x) => tf.reshape(x, [x.shape[0]!, -1]);
  }
}

/** The rows as batches of tfjs tensors, made once: features channels-last, labels one-hot (what tfjs's loss takes). */
function toBatches(tf: Tfjs, model: TrainingModel, rows: DataSplit): { x: Tensor; y: Tensor }[] {
  return tf.tidy(() => {
    let features: Tensor = tf.tensor(rows.features.data as Float32Array, [...rows.features.shape], 'float32');
    if (model.layout === 'image') features = tf.transpose(features, [0, 2, 3, 1]);
    const labels = tf.cast(tf.oneHot(tf.tensor1d(rows.labels.data as Int32Array, 'int32'), CLASSES), 'float32');
    const count = Math.floor(rows.features.shape[0]! / BATCH);
    return Array.from({ length: count }, (_, i) => ({
      x: tf.slice(features, i * BATCH, BATCH),
      y: tf.slice(labels, i * BATCH, BATCH),
    }));
  });
}
