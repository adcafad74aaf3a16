/**
 * The WebGPU backend on a device: buffers live on the GPU (float32 and int32, 4 bytes an element), `dispatch`
 * records a primitive's kernel steps (kernels.ts) into the open command encoder, and only `flush` and `download`
 * submit and wait. Per dispatch, the plan (compiled pipelines, constant tables) is looked up by op, attributes and
 * shapes, and the bind group by the buffers it binds, so a training step after the first creates no GPU objects.
 *
 * Ordering: `upload` writes through the queue, which runs before any work still being recorded, so it first submits
 * that work. Errors: GPU validation and out-of-memory errors are caught in error scopes and thrown by the next
 * flush, as are out-of-range indices (index-checks.ts) — unlike the CPU, the ops recorded after a bad index have run.
 */
import type { DType, OpAttrs, OpId } from '../../ir/ops.ts';
import { formatShape } from '../../ir/shape.ts';
import type { Backend, DeviceBuffer, DispatchContext, HostArray, TensorView } from '../backend.ts';
import { isPlacedOp, type ComputedOp } from '../placed-ops.ts';
import { IndexChecks, type RecordSlot } from './index-checks.ts';
import type { BindingSource, IndexCheck, KernelBuilder, KernelLimits, KernelStep } from './kernel-spec.ts';
import { WEBGPU_KERNELS } from './kernels.ts';
import { PipelineCache } from './pipelines.ts';
import { CommandRecorder } from './recorder.ts';

/** What the backend tells about the GPU it runs on. */
export interface GpuDescription {
  /** e.g. "NVIDIA H200 (vulkan)" or "SwiftShader Device (LLVM) — software fallback adapter". */
  readonly description: string;
  /** A software (CPU-emulated) adapter: results are right, speeds say nothing about a GPU. */
  readonly isFallbackAdapter: boolean;
}

export interface WebGpuBackend extends Backend {
  readonly name: 'webgpu';
  readonly gpu: GpuDescription;
  /** Compiled pipelines so far (for tests and benchmarks: steady-state training compiles none). */
  readonly pipelineCount: number;
}

type CompiledStep =
  | { readonly kind: 'compute'; readonly id: number; readonly pipeline: GPUComputePipeline; readonly layout: GPUBindGroupLayout; readonly workgroups: readonly [number, number, number]; readonly bindings: readonly BindingSource[] }
  | Exclude<KernelStep, { kind: 'compute' }>;

interface Plan {
  readonly steps: readonly CompiledStep[];
  readonly table: GPUBuffer | undefined;
  readonly scratch: GPUBuffer | undefined;
  readonly check: IndexCheck | undefined;
}

interface GpuTensorBuffer {
  readonly gpu: GPUBuffer;
  readonly info: DeviceBuffer;
}

const BYTES_PER_ELEMENT = 4;

/** Primitives this backend cannot run: none, every computed primitive has a kernel (kernels.ts). */
export const WEBGPU_UNSUPPORTED: ReadonlySet<OpId> = new Set<OpId>();

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** JSON of an attrs object, cached per object: a program's attrs objects are the same every step. */
const attrsKeys = new WeakMap<object, string>();
function attrsKey(attrs: object): string {
  let key = attrsKeys.get(attrs);
  if (key === undefined) {
    key = JSON.stringify(attrs);
    attrsKeys.set(attrs, key);
  }
  return key;
}

const typeKey = (v: { readonly shape: readonly number[]; readonly dtype: DType }): string => `${v.dtype}[${v.shape.join(',')}]`;

/** What the kernels assume of every device: WebGPU's guaranteed minimums (a compatibility-mode device has less). */
export const REQUIRED_LIMITS = {
  maxComputeInvocationsPerWorkgroup: 256, maxComputeWorkgroupSizeX: 256, maxComputeWorkgroupStorageSize: 16384, maxStorageBuffersPerShaderStage: 8,
} as const;

/** The backend on `device` (which must meet REQUIRED_LIMITS), owning it from now on: dispose destroys it. */
export function createWebGpuBackendOnDevice(device: GPUDevice, gpu: GpuDescription): WebGpuBackend {
  const limits: KernelLimits = { maxWorkgroupsPerDimension: device.limits.maxComputeWorkgroupsPerDimension };
  const largestBuffer = Math.min(device.limits.maxStorageBufferBindingSize, device.limits.maxBufferSize);
  const recorder = new CommandRecorder(device, device.limits.minUniformBufferOffsetAlignment);
  const checks = new IndexChecks(device, device.limits.minStorageBufferOffsetAlignment);
  const pipelines = new PipelineCache(device);
  const buffers = new Map<number, GpuTensorBuffer>();
  const plans = new Map<string, Plan>();
  const bindGroups = new Map<string, GPUBindGroup>();
  /** Bind-group keys by the buffer ids they bind, to forget them when a buffer is released. */
  const bindGroupsOf = new Map<number, string[]>();
  let nextBufferId = 1;
  let nextStepId = 1;
  let lost: string | undefined;
  let disposed = false;

  void device.lost.then((info) => {
    if (!disposed) lost = info.message || String(info.reason);
  });
  const openErrorScopes = (): void => {
    device.pushErrorScope('validation');
    device.pushErrorScope('out-of-memory');
  };
  openErrorScopes();

  const bufferOf = (buffer: DeviceBuffer): GpuTensorBuffer => {
    const found = buffers.get(buffer.id);
    if (!found) throw new Error(`buffer ${buffer.id} was released or belongs to another backend`);
    return found;
  };

  const viewBuffer = (view: TensorView): GPUBuffer => {
    const found = bufferOf(view.buffer);
    const elements = view.shape.reduce((a, d) => a * d, 1);
    if (elements > found.info.elements) throw new Error(`a ${formatShape(view.shape)} tensor does not fit buffer ${view.buffer.id} of ${found.info.elements} elements`);
    return found.gpu;
  };

  const createBuffer = (label: string, elements: number): GPUBuffer => {
    const bytes = Math.max(1, elements) * BYTES_PER_ELEMENT;
    if (bytes > largestBuffer) {
      throw new Error(`a tensor of ${elements} values (${mib(bytes)}) is larger than the largest buffer this GPU can bind (${mib(largestBuffer)}, maxStorageBufferBindingSize); use a smaller batch or the CPU backend`);
    }
    return device.createBuffer({ label, size: bytes, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST });
  };

  const compilePlan = <K extends ComputedOp>(op: K, attrs: OpAttrs[K], inputs: readonly TensorView[], output: TensorView): Plan => {
    const builder = WEBGPU_KERNELS[op] as KernelBuilder<K>;
    const spec = builder(attrs, { inputs: inputs.map((v) => ({ shape: v.shape, dtype: v.dtype })), output: { shape: output.shape, dtype: output.dtype } }, limits);
    const table = spec.table ? createBuffer(`${op} table`, spec.table.length) : undefined;
    // A fresh buffer: the queue writes it before any later submit that reads it.
    if (table && spec.table) device.queue.writeBuffer(table, 0, spec.table);
    const scratch = spec.scratch ? createBuffer(`${op} scratch`, spec.scratch) : undefined;
    const steps = spec.steps.map((step): CompiledStep => {
      if (step.kind !== 'compute') return step;
      const { pipeline, layout } = pipelines.compile(step.shader, step.bindings, op);
      return { kind: 'compute', id: nextStepId++, pipeline, layout, workgroups: step.workgroups, bindings: step.bindings };
    });
    return { steps, table, scratch, check: spec.check };
  };

  const planFor = <K extends ComputedOp>(op: K, attrs: OpAttrs[K], inputs: readonly TensorView[], output: TensorView): Plan => {
    const key = `${op}|${attrsKey(attrs as object)}|${inputs.map(typeKey).join(';')}|${typeKey(output)}`;
    let plan = plans.get(key);
    if (!plan) {
      plan = compilePlan(op, attrs, inputs, output);
      plans.set(key, plan);
    }
    return plan;
  };

  const bindGroupFor = (step: CompiledStep & { kind: 'compute' }, plan: Plan, inputs: readonly TensorView[], output: TensorView, record: RecordSlot | undefined): GPUBindGroup => {
    const ids = step.bindings.map((b) => {
      switch (b.kind) {
        case 'input': return inputs[b.index]!.buffer.id;
        case 'output': return output.buffer.id;
        case 'table': return 't';
        case 'seed': return 's';
        case 'check': return `c${record!.bufferIndex}`;
        case 'scratch': return 'x';
      }
    });
    const key = `${step.id}|${ids.join(',')}`;
    let group = bindGroups.get(key);
    if (!group) {
      const resource = (b: BindingSource): GPUBufferBinding => {
        switch (b.kind) {
          case 'input': return { buffer: viewBuffer(inputs[b.index]!) };
          case 'output': return { buffer: viewBuffer(output) };
          case 'table': return { buffer: plan.table! };
          case 'seed': return { buffer: recorder.seedBuffer, offset: 0, size: 16 };
          case 'check': return { buffer: record!.buffer, offset: 0, size: 8 };
          case 'scratch': return { buffer: plan.scratch! };
        }
      };
      group = device.createBindGroup({ layout: step.layout, entries: step.bindings.map((b, binding) => ({ binding, resource: resource(b) })) });
      bindGroups.set(key, group);
      for (const id of ids) {
        if (typeof id !== 'number') continue;
        const keys = bindGroupsOf.get(id);
        if (keys) keys.push(key);
        else bindGroupsOf.set(id, [key]);
      }
    }
    return group;
  };

  const checkLive = (): void => {
    if (disposed) throw new Error('this WebGPU backend was disposed');
    if (lost !== undefined) throw new Error(`the GPU device was lost (${lost}); create the backend again`);
  };

  return {
    name: 'webgpu',
    precision: 'f32',
    unsupported: WEBGPU_UNSUPPORTED,
    gpu,
    get pipelineCount() {
      return pipelines.size;
    },
    allocate(elements, dtype) {
      checkLive();
      const info: DeviceBuffer = { id: nextBufferId++, elements, dtype };
      buffers.set(info.id, { gpu: createBuffer(`buffer ${info.id}`, elements), info });
      return info;
    },
    upload(buffer, data) {
      checkLive();
      const target = bufferOf(buffer);
      if (data.length > target.info.elements) throw new Error(`cannot upload ${data.length} values into buffer ${buffer.id} of ${target.info.elements} elements`);
      if (data.length === 0) return;
      if (recorder.hasWork) recorder.submit();
      const words = data instanceof Float64Array ? Float32Array.from(data) : data;
      device.queue.writeBuffer(target.gpu, 0, words);
    },
    async download(buffer, elements) {
      checkLive();
      const source = bufferOf(buffer);
      const typed = (words: ArrayBuffer): HostArray => (source.info.dtype === 'i32' ? new Int32Array(words) : new Float32Array(words));
      if (elements === 0) return typed(new ArrayBuffer(0));
      const bytes = elements * BYTES_PER_ELEMENT;
      const readback = device.createBuffer({ label: 'download', size: bytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
      recorder.copy(source.gpu, readback, bytes);
      recorder.submit();
      try {
        await readback.mapAsync(GPUMapMode.READ);
        return typed(readback.getMappedRange().slice(0));
      } finally {
        readback.destroy();
      }
    },
    copy(from, to, elements) {
      checkLive();
      if (elements > 0) recorder.copy(bufferOf(from).gpu, bufferOf(to).gpu, elements * BYTES_PER_ELEMENT);
    },
    dispatch<K extends OpId>(op: K, attrs: OpAttrs[K], inputs: readonly TensorView[], output: TensorView, context: DispatchContext) {
      checkLive();
      if (isPlacedOp(op)) throw new Error(`${op} values are placed in memory by the executor (upload or state), never dispatched`);
      const computed = op as Exclude<K, 'input' | 'param' | 'buffer'>;
      const plan = planFor(computed, attrs as OpAttrs[typeof computed], inputs, output);
      const record = plan.check ? checks.take(plan.check) : undefined;
      const outputBytes = output.shape.reduce((a, d) => a * d, 1) * BYTES_PER_ELEMENT;
      for (const step of plan.steps) {
        switch (step.kind) {
          case 'compute': {
            const offsets: number[] = [];
            for (const b of step.bindings) {
              if (b.kind === 'seed') offsets.push(recorder.seedOffset(context.seed));
              else if (b.kind === 'check') offsets.push(record!.offset);
            }
            recorder.dispatch(step.pipeline, bindGroupFor(step, plan, inputs, output, record), offsets, step.workgroups);
            break;
          }
          case 'clear':
            if (outputBytes > 0) recorder.clear(viewBuffer(output), outputBytes);
            break;
          case 'copy': {
            const from = step.from.kind === 'table' ? plan.table! : step.from.kind === 'input' ? viewBuffer(inputs[step.from.index]!) : undefined;
            if (!from) throw new Error(`a copy step cannot read from ${step.from.kind}`);
            if (outputBytes > 0) recorder.copy(from, viewBuffer(output), outputBytes);
            break;
          }
        }
      }
    },
    async flush() {
      checkLive();
      const pending = checks.collect(recorder.commands());
      recorder.submit();
      const outOfMemory = device.popErrorScope();
      const validation = device.popErrorScope();
      openErrorScopes();
      let failure: unknown;
      try {
        await (pending ? pending.settle() : device.queue.onSubmittedWorkDone());
      } catch (error) {
        failure = error;
      }
      const [invalid, memory] = await Promise.all([validation, outOfMemory]);
      if (invalid) throw new Error(`WebGPU validation error: ${invalid.message}`);
      if (memory) throw new Error(`the GPU ran out of memory: ${memory.message}`);
      if (lost !== undefined) throw new Error(`the GPU device was lost (${lost})`);
      if (failure !== undefined) throw failure;
    },
    release(buffer) {
      const found = buffers.get(buffer.id);
      if (!found) return;
      buffers.delete(buffer.id);
      for (const key of bindGroupsOf.get(buffer.id) ?? []) bindGroups.delete(key);
      bindGroupsOf.delete(buffer.id);
      // Recorded work may still use it: destroy once that work is submitted (WebGPU then frees it when done).
      recorder.afterNextSubmit(() => found.gpu.destroy());
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      recorder.dispose();
      checks.dispose();
      for (const { gpu: b } of buffers.values()) b.destroy();
      for (const plan of plans.values()) {
        plan.table?.destroy();
        plan.scratch?.destroy();
      }
      buffers.clear();
      plans.clear();
      bindGroups.clear();
      device.destroy();
    },
  };
}
