/**
 * What a primitive's dispatch turns into on the GPU, as plain data: the kernel builders (one per primitive, in
 * kernels.ts) write WGSL for the concrete shapes and attributes of a dispatch, and the backend compiles and caches
 * the result. Shapes are baked into the shaders, so index arithmetic divides by constants and a kernel needs no
 * parameter buffer; a training loop sees the same few shapes every step, so the pipelines are made once.
 */
import type { DType, OpAttrs } from '../../ir/ops.ts';
import type { ComputedOp } from '../placed-ops.ts';
import { NON_FINITE_PRELUDE } from './wgsl-math.ts';

/** A concrete tensor type: the shapes a dispatch binds. */
export interface TensorType {
  readonly shape: readonly number[];
  readonly dtype: DType;
}

export interface KernelOperands {
  readonly inputs: readonly TensorType[];
  readonly output: TensorType;
}

/**
 * The device limit kernels are shaped by. (Workgroups of 256 invocations and 16 KiB of workgroup memory, WebGPU's
 * guaranteed minimums, are checked once when the backend starts.)
 */
export interface KernelLimits {
  readonly maxWorkgroupsPerDimension: number;
}

/**
 * Where a shader binding's buffer comes from, in binding order:
 * input k / output of the dispatch; `table`: the plan's constant data; `seed`: a uniform holding the dispatch's random
 * seed (`struct Seed { value: u32 }`); `check`: this dispatch's index-check record (two atomic u32 words, see
 * index-checks.ts); `scratch`: the plan's own read-write f32 buffer for intermediate results (a split product's
 * partial sums). The output is bound read-write (as `array<atomic<u32>>` where a kernel accumulates atomically).
 */
export type BindingSource =
  | { readonly kind: 'input'; readonly index: number }
  | { readonly kind: 'output' }
  | { readonly kind: 'table' }
  | { readonly kind: 'seed' }
  | { readonly kind: 'check' }
  | { readonly kind: 'scratch' };

export const input = (index: number): BindingSource => ({ kind: 'input', index });
export const OUTPUT: BindingSource = { kind: 'output' };
export const TABLE: BindingSource = { kind: 'table' };
export const SEED: BindingSource = { kind: 'seed' };
export const CHECK: BindingSource = { kind: 'check' };
export const SCRATCH: BindingSource = { kind: 'scratch' };

/** One step of a plan; a plan's steps run in order. */
export type KernelStep =
  | { readonly kind: 'compute'; readonly shader: string; readonly workgroups: readonly [number, number, number]; readonly bindings: readonly BindingSource[] }
  /** Sets the output's bytes to zero. */
  | { readonly kind: 'clear' }
  /** Copies the first bytes of an input, or the table, into the output. */
  | { readonly kind: 'copy'; readonly from: BindingSource };

/** Identifies the integer operand a kernel range-checks, for the error message (see index-checks.ts). */
export interface IndexCheck {
  readonly op: 'gather' | 'gatherGrad' | 'oneHot';
  readonly what: 'row' | 'class';
  /** Valid indices are 0 … count − 1. */
  readonly count: number;
  readonly indicesShape: readonly number[];
}

export interface KernelSpec {
  readonly steps: readonly KernelStep[];
  /** Constant data bound as `table`, uploaded once when the plan is made (32-bit words). */
  readonly table?: Uint32Array | Int32Array | Float32Array;
  readonly check?: IndexCheck;
  /** Elements (f32) of the plan's scratch buffer, made once with the plan. */
  readonly scratch?: number;
}

export type KernelBuilder<K extends ComputedOp> = (attrs: OpAttrs[K], operands: KernelOperands, limits: KernelLimits) => KernelSpec;

export const elementCount = (shape: readonly number[]): number => shape.reduce((a, d) => a * d, 1);

/** The WGSL scalar type of a dtype. */
export const wgslType = (dtype: DType): 'f32' | 'i32' => (dtype === 'i32' ? 'i32' : 'f32');

/** Threads per workgroup of the one-thread-per-element kernels. */
export const WORKGROUP = 256;

/**
 * Workgroups covering `threads` threads of `WORKGROUP` each, spread over x and y when x alone would exceed the
 * device's limit; the kernel recovers its linear thread index with `linearIndex`.
 */
export interface Grid {
  readonly workgroups: readonly [number, number, number];
  /** WGSL expression of the thread's linear index, from `gid: vec3u` (the global invocation id). */
  readonly linearIndex: string;
}

export function grid(threads: number, limits: KernelLimits): Grid {
  const groups = Math.max(1, Math.ceil(threads / WORKGROUP));
  const x = Math.min(groups, limits.maxWorkgroupsPerDimension);
  const y = Math.ceil(groups / x);
  if (y > limits.maxWorkgroupsPerDimension) {
    throw new Error(`${threads} GPU threads exceed this device's dispatch limit of ${limits.maxWorkgroupsPerDimension}² workgroups of ${WORKGROUP}`);
  }
  return { workgroups: [x, y, 1], linearIndex: y === 1 ? 'gid.x' : `(gid.x + gid.y * ${x * WORKGROUP}u)` };
}

/** A buffer a shader binds: where it comes from, its WGSL name and (for storage buffers) its array element type. */
export interface ShaderBinding {
  readonly source: BindingSource;
  readonly name: string;
  /** Element type of the storage array; ignored for the seed uniform. */
  readonly element: string;
}

export const bind = (source: BindingSource, name: string, element = 'f32'): ShaderBinding => ({ source, name, element });

function declaration(b: ShaderBinding, index: number): string {
  const at = `@group(0) @binding(${index})`;
  switch (b.source.kind) {
    case 'seed':
      return `struct Seed { value: u32 }\n${at} var<uniform> ${b.name}: Seed;`;
    case 'input':
    case 'table':
      return `${at} var<storage, read> ${b.name}: array<${b.element}>;`;
    case 'output':
    case 'check':
    case 'scratch':
      return `${at} var<storage, read_write> ${b.name}: array<${b.element}>;`;
  }
}

/** A compute step: the binding declarations (in binding order) prepended to `body`, which defines `main`. */
export function computeStep(bindings: readonly ShaderBinding[], body: string, workgroups: readonly [number, number, number]): KernelStep {
  return {
    kind: 'compute',
    shader: `${NON_FINITE_PRELUDE}\n${bindings.map(declaration).join('\n')}\n${body}`,
    workgroups,
    bindings: bindings.map((b) => b.source),
  };
}

/**
 * A one-thread-per-element kernel over `count` elements: `body` runs with `i` (u32) bound to the element index;
 * `helpers` are module-scope declarations (functions from wgsl-math.ts, constants).
 */
export function perElementStep(bindings: readonly ShaderBinding[], helpers: string, count: number, body: string, limits: KernelLimits): KernelStep {
  const g = grid(count, limits);
  return computeStep(bindings, `${helpers}
@compute @workgroup_size(${WORKGROUP})
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let i = ${g.linearIndex};
  if (i >= ${count}u) { return; }
${body}
}`, g.workgroups);
}
