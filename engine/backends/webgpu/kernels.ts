/** The WebGPU kernel builder of every computed primitive; a primitive added to the IR without one does not compile. */
import type { ComputedOp } from '../placed-ops.ts';
import { CONV_KERNELS } from './conv.ts';
import { ELEMENTWISE_KERNELS } from './elementwise.ts';
import { INDEXING_KERNELS } from './indexing.ts';
import type { KernelBuilder } from './kernel-spec.ts';
import { LAYOUT_KERNELS } from './layout.ts';
import { matmul } from './matmul.ts';
import { POOL_KERNELS } from './pool.ts';
import { REDUCE_KERNELS } from './reduce.ts';
import { RESIZE_KERNELS } from './resize.ts';
import { SOURCE_KERNELS } from './sources.ts';

export const WEBGPU_KERNELS: { readonly [K in ComputedOp]: KernelBuilder<K> } = {
  ...ELEMENTWISE_KERNELS,
  ...SOURCE_KERNELS,
  matmul,
  ...LAYOUT_KERNELS,
  ...REDUCE_KERNELS,
  ...INDEXING_KERNELS,
  ...CONV_KERNELS,
  ...POOL_KERNELS,
  ...RESIZE_KERNELS,
};
