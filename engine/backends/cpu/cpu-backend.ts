/**
 * The CPU backend: buffers are typed arrays in this thread (float values in Float32Array or Float64Array by
 * precision, integers in Int32Array) and `dispatch` runs the kernel at once, so `flush` has nothing to wait for.
 */
import type { DType, OpAttrs, OpId } from '../../ir/ops.ts';
import { formatShape } from '../../ir/shape.ts';
import type { Backend, DeviceBuffer, DispatchContext, HostArray, Precision, TensorView } from '../backend.ts';
import { isPlacedOp } from '../placed-ops.ts';
import { CPU_KERNELS } from './kernels.ts';
import { sizeOf, type CpuKernel, type CpuTensor } from './tensor.ts';

export interface CpuBackendOptions {
  readonly precision: Precision;
}

export function createCpuBackend({ precision }: CpuBackendOptions): Backend {
  const arrays = new Map<number, HostArray>();
  let nextId = 1;

  const arrayOf = (buffer: DeviceBuffer): HostArray => {
    const array = arrays.get(buffer.id);
    if (!array) throw new Error(`buffer ${buffer.id} was released or belongs to another backend`);
    return array;
  };
  const tensorOf = (view: TensorView): CpuTensor => {
    const array = arrayOf(view.buffer);
    const elements = sizeOf(view.shape);
    if (elements > array.length) throw new Error(`a ${formatShape(view.shape)} tensor does not fit buffer ${view.buffer.id} of ${array.length} elements`);
    return { data: array.subarray(0, elements), shape: view.shape };
  };
  const newArray = (elements: number, dtype: DType): HostArray =>
    dtype === 'i32' ? new Int32Array(elements) : precision === 'f64' ? new Float64Array(elements) : new Float32Array(elements);

  return {
    name: 'cpu',
    precision,
    unsupported: new Set<OpId>(),
    allocate(elements, dtype) {
      const buffer: DeviceBuffer = { id: nextId++, elements, dtype };
      arrays.set(buffer.id, newArray(elements, dtype));
      return buffer;
    },
    upload(buffer, data) {
      const array = arrayOf(buffer);
      if (data.length > array.length) throw new Error(`cannot upload ${data.length} values into buffer ${buffer.id} of ${array.length} elements`);
      array.set(data);
    },
    download(buffer, elements) {
      return Promise.resolve(arrayOf(buffer).slice(0, elements));
    },
    copy(from, to, elements) {
      arrayOf(to).set(arrayOf(from).subarray(0, elements));
    },
    dispatch<K extends OpId>(op: K, attrs: OpAttrs[K], inputs: readonly TensorView[], output: TensorView, context: DispatchContext) {
      if (isPlacedOp(op)) throw new Error(`${op} values are placed in memory by the executor (upload or state), never dispatched`);
      const kernel = CPU_KERNELS[op as Exclude<K, 'input' | 'param' | 'buffer'>] as CpuKernel<typeof op & keyof typeof CPU_KERNELS>;
      kernel(inputs.map(tensorOf), tensorOf(output), attrs as never, context);
    },
    flush() {
      return Promise.resolve();
    },
    release(buffer) {
      arrays.delete(buffer.id);
    },
    dispose() {
      arrays.clear();
    },
  };
}
