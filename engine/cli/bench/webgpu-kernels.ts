/**
 * Kernel benchmarks that run on any Backend through its own interface: operands uploaded once and kept on the
 * device, then each step dispatches the kernels and waits for them (`flush`), reading nothing back. On the CPU
 * backend that is the kernel time; on WebGPU, the device time plus one submit-and-wait per step.
 */
import type { Backend, DeviceBuffer, TensorView } from '../../backends/backend.ts';
import type { OpAttrs } from '../../ir/ops.ts';
import { SHAPE_RULES } from '../../ir/shape-rules.ts';
import { SeededRandom } from '../../train/seeded-random.ts';
import type { Stepper } from './training-timing.ts';

interface DeviceTensor {
  readonly view: TensorView;
  readonly buffer: DeviceBuffer;
}

function randomTensor(backend: Backend, shape: readonly number[], name: string): DeviceTensor {
  const random = new SeededRandom(0, `bench ${name}`);
  const data = new Float32Array(shape.reduce((a, d) => a * d, 1));
  for (let i = 0; i < data.length; i++) data[i] = random.next() * 2 - 1;
  const buffer = backend.allocate(data.length, 'f32');
  backend.upload(buffer, data);
  return { buffer, view: { buffer, shape, dtype: 'f32' } };
}

function emptyTensor(backend: Backend, shape: readonly number[]): DeviceTensor {
  const buffer = backend.allocate(shape.reduce((a, d) => a * d, 1), 'f32');
  return { buffer, view: { buffer, shape, dtype: 'f32' } };
}

function stepper(backend: Backend, tensors: readonly DeviceTensor[], step: () => void): Stepper {
  return {
    async run(steps) {
      for (let i = 0; i < steps; i++) {
        step();
        await backend.flush();
      }
    },
    dispose() {
      for (const t of tensors) backend.release(t.buffer);
    },
  };
}

/** One size×size×size float32 matrix product per step: 2·size³ floating-point operations. */
export function matmulStepper(backend: Backend, size: number): Stepper {
  const a = randomTensor(backend, [size, size], 'a'), b = randomTensor(backend, [size, size], 'b');
  const product = emptyTensor(backend, [size, size]);
  return stepper(backend, [a, b, product], () => backend.dispatch('matmul', {}, [a.view, b.view], product.view, { seed: 0 }));
}

export interface ConvLayer {
  readonly input: readonly number[];
  readonly weight: readonly number[];
  readonly attrs: OpAttrs['conv'];
}

/** A 3×3 convolution of a batch of 32 feature maps, 16 → 32 channels at 32×32, padding 1. */
export const BENCH_CONV: ConvLayer = {
  input: [32, 16, 32, 32],
  weight: [32, 16, 3, 3],
  attrs: { stride: [1, 1], padding: [[1, 1], [1, 1]], dilation: [1, 1], groups: 1 },
};

export const convOutputShape = (layer: ConvLayer): number[] =>
  SHAPE_RULES.conv([{ shape: layer.input, dtype: 'f32' }, { shape: layer.weight, dtype: 'f32' }], layer.attrs).shape as number[];

/** A convolution's forward pass and both gradients (input and weight) per step, as one training step needs. */
export function convStepper(backend: Backend, layer: ConvLayer): Stepper {
  const x = randomTensor(backend, layer.input, 'x'), w = randomTensor(backend, layer.weight, 'w');
  const outShape = convOutputShape(layer);
  const y = emptyTensor(backend, outShape), dy = randomTensor(backend, outShape, 'dy');
  const dx = emptyTensor(backend, layer.input), dw = emptyTensor(backend, layer.weight);
  return stepper(backend, [x, w, y, dy, dx, dw], () => {
    backend.dispatch('conv', layer.attrs, [x.view, w.view], y.view, { seed: 0 });
    backend.dispatch('convGradInput', { ...layer.attrs, inputSpatial: layer.input.slice(2) }, [dy.view, w.view], dx.view, { seed: 0 });
    backend.dispatch('convGradWeight', { ...layer.attrs, kernel: layer.weight.slice(2) }, [x.view, dy.view], dw.view, { seed: 0 });
  });
}
