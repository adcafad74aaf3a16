/**
 * Square float32 matmul speed in GFLOP/s: netloom's CPU matmul kernel through a one-op program on the executor,
 * against tf.matMul. Every step reads the product back to the host, on both sides.
 */
import { createCpuBackend } from '../../backends/cpu/cpu-backend.ts';
import type { HostTensor } from '../../backends/backend.ts';
import { createRunner } from '../../backends/executor.ts';
import { Builder } from '../../ir/builder.ts';
import { SeededRandom } from '../../train/seeded-random.ts';
import type { Workload } from './tfjs-comparison.ts';

const SIZE = 512;
const PRODUCT = 'product';

export function matmulWorkload(): Workload {
  const a = randomMatrix('a'), b = randomMatrix('b');
  return {
    name: `matmul ${SIZE}×${SIZE}×${SIZE} f32`,
    workPerStep: 2 * SIZE ** 3,
    netloom() {
      const builder = new Builder();
      const input = (name: string) => builder.op('input', [], { name, shape: [SIZE, SIZE], dtype: 'f32' });
      builder.output(PRODUCT, builder.matmul(input('a'), input('b')));
      const backend = createCpuBackend({ precision: 'f32' });
      const runner = createRunner(backend, builder.program());
      return {
        async run(steps) {
          for (let i = 0; i < steps; i++) {
            await runner.run({ a, b });
            await runner.read(PRODUCT);
          }
        },
        dispose() {
          runner.dispose();
          backend.dispose();
        },
      };
    },
    tfjs(tf) {
      const ta = tf.tensor2d(a.data as Float32Array, [SIZE, SIZE]), tb = tf.tensor2d(b.data as Float32Array, [SIZE, SIZE]);
      return {
        async run(steps) {
          for (let i = 0; i < steps; i++) {
            const product = tf.matMul(ta, tb);
            product.dataSync();
            product.dispose();
          }
        },
        dispose() {
          tf.dispose([ta, tb]);
        },
      };
    },
  };
}

/** GFLOP/s from floating-point operations per step and ms per step. */
export const gflopsPerSecond = (flops: number, msPerStep: number): number => flops / (msPerStep * 1e6);

function randomMatrix(name: string): HostTensor {
  const random = new SeededRandom(0, `bench matmul ${name}`);
  const data = new Float32Array(SIZE * SIZE);
  for (let i = 0; i < data.length; i++) data[i] = random.next() * 2 - 1;
  return { shape: [SIZE, SIZE], dtype: 'f32', data };
}
