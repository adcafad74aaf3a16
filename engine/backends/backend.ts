/**
 * The contract between the executor (which walks an IR program) and a device backend (which owns memory and runs
 * kernels). Shaped for asynchronous devices: buffers live on the device, work is queued by `dispatch`, and only
 * `download` waits. The CPU backend runs everything at once; WebGPU records passes and submits them on `flush`.
 */
import type { DType, OpAttrs, OpId } from '../ir/ops.ts';

/** The floating-point precision a backend computes `f32` values in: float32, or float64 for gradient checks. */
export type Precision = 'f32' | 'f64';

export type HostArray = Float32Array | Float64Array | Int32Array;

/** A tensor in host memory, row-major. Float data is Float32Array or Float64Array, integer data Int32Array. */
export interface HostTensor {
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly data: HostArray;
}

/** An opaque device allocation; `elements` is its capacity in elements of `dtype`. */
export interface DeviceBuffer {
  readonly id: number;
  readonly elements: number;
  readonly dtype: DType;
}

/** A concrete-shaped view of a buffer (a buffer may be larger than the tensor it currently holds). */
export interface TensorView {
  readonly buffer: DeviceBuffer;
  readonly shape: readonly number[];
  readonly dtype: DType;
}

export interface DispatchContext {
  /** 32-bit seed for random primitives; kernels draw element i from counterRandom(seed, i) (random.ts). */
  readonly seed: number;
}

export interface Backend {
  readonly name: 'cpu' | 'webgpu';
  readonly precision: Precision;
  /** Primitives this backend cannot run (the executor refuses a program using one and says which). */
  readonly unsupported: ReadonlySet<OpId>;
  allocate(elements: number, dtype: DType): DeviceBuffer;
  upload(buffer: DeviceBuffer, data: HostArray): void;
  /** The first `elements` values; float buffers come back as Float32Array (f32) or Float64Array (f64). */
  download(buffer: DeviceBuffer, elements: number): Promise<HostArray>;
  /** Copies `elements` values from one buffer to another (state updates, aliasing). */
  copy(from: DeviceBuffer, to: DeviceBuffer, elements: number): void;
  /** Queues one primitive. Inputs and output never share a buffer. */
  dispatch<K extends OpId>(op: K, attrs: OpAttrs[K], inputs: readonly TensorView[], output: TensorView, context: DispatchContext): void;
  /** Resolves when every queued dispatch has finished. */
  flush(): Promise<void>;
  release(buffer: DeviceBuffer): void;
  dispose(): void;
}
