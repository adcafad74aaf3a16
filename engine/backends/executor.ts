/**
 * Runs an IR program on a backend (the ProgramRunner contract of executor-api.ts). Per run: bind the symbolic
 * dimensions from the feeds, fetch or make the memory plan for that binding, upload the feeds, dispatch every
 * computed op in program order, then apply the state updates: all of them after the last op, reading the values the
 * step computed, so a param updated from an expression of itself sees its old value throughout the step.
 */
import { formatShape, numElements } from '../ir/shape.ts';
import type { OpAttrs, OpId } from '../ir/ops.ts';
import type { Program } from '../ir/program.ts';
import type { Backend, DeviceBuffer, HostTensor, TensorView } from './backend.ts';
import { bindFeeds, bindingKey, concreteShapes, type Bindings } from './bind-shapes.ts';
import type { ProgramRunner, RunnerOptions, RunOptions } from './executor-api.ts';
import { initialTensor, stateDeclarations } from './init-state.ts';
import { planMemory, type MemoryPlan } from './memory-plan.ts';
import { isPlacedOp } from './placed-ops.ts';
import { dispatchSeed } from './random.ts';

interface StateEntry {
  readonly buffer: DeviceBuffer;
  readonly shape: readonly number[];
}

/** Param and buffer memory, possibly shared by several runners; released with the last of them. */
interface StatePool {
  readonly backend: Backend;
  readonly entries: Map<string, StateEntry>;
  users: number;
}

/** A memory plan with its buffers, for one binding of the symbolic dimensions. */
interface PreparedRun {
  readonly shapes: readonly (readonly number[])[];
  readonly plan: MemoryPlan;
  readonly buffers: readonly DeviceBuffer[];
}

/** Plans kept per runner: a training loop alternates between the full batch size and the last partial batch. */
const PLAN_CACHE_SIZE = 4;

const pools = new WeakMap<ProgramRunner, StatePool>();

function unsupportedOps(backend: Backend, program: Program): string[] {
  return [...new Set(program.ops.map((op) => op.op))].filter((op) => backend.unsupported.has(op));
}

function statePool(backend: Backend, program: Program, shareWith: ProgramRunner | undefined): StatePool {
  const pool = shareWith ? pools.get(shareWith) : { backend, entries: new Map<string, StateEntry>(), users: 0 };
  if (!pool) throw new Error('shareStateWith must be a runner made by createRunner');
  if (pool.backend !== backend) throw new Error('runners can share state only on the same backend');
  if (pool.users === 0 && shareWith) throw new Error('shareStateWith names a runner that was disposed');
  for (const [name, declaration] of stateDeclarations(program)) {
    const existing = pool.entries.get(name);
    if (existing) {
      if (existing.shape.join() !== declaration.shape.join()) {
        throw new Error(`state "${name}" is ${formatShape(declaration.shape)} in this program but ${formatShape(existing.shape)} in the runner it shares state with`);
      }
      continue;
    }
    const buffer = backend.allocate(numElements(declaration.shape), 'f32');
    backend.upload(buffer, initialTensor(name, declaration, 0).data);
    pool.entries.set(name, { buffer, shape: declaration.shape });
  }
  pool.users++;
  return pool;
}

export function createRunner(backend: Backend, program: Program, options: RunnerOptions = {}): ProgramRunner {
  const missing = unsupportedOps(backend, program);
  if (missing.length > 0) throw new Error(`the ${backend.name} backend cannot run ${missing.join(', ')}`);
  const definedBy = new Map(program.ops.map((op) => [op.out, op.op]));
  for (const { buffer } of program.stateUpdates) {
    if (definedBy.get(buffer) !== 'param' && definedBy.get(buffer) !== 'buffer') throw new Error(`state update targets %${buffer}, which is not a param or buffer`);
  }
  const pool = statePool(backend, program, options.shareStateWith);
  const declarations = stateDeclarations(program);
  const stateNames = [...declarations.keys()];
  const prepared = new Map<string, PreparedRun>();
  let last: PreparedRun | undefined;
  let disposed = false;

  const stateEntry = (name: string): StateEntry => {
    const entry = declarations.has(name) ? pool.entries.get(name) : undefined;
    if (!entry) throw new Error(`"${name}" is not a param or buffer of this program; its state is ${stateNames.map((n) => `"${n}"`).join(', ') || 'empty'}`);
    return entry;
  };

  const prepare = (bindings: Bindings, keepAll: boolean): PreparedRun => {
    const key = `${bindingKey(bindings)}|${keepAll ? 'all' : 'results'}`;
    const cached = prepared.get(key);
    if (cached) {
      prepared.delete(key); // re-insert: the Map's order is the recency order
      prepared.set(key, cached);
      return cached;
    }
    const shapes = concreteShapes(program, bindings);
    const elements = shapes.map((s) => numElements(s));
    const plan = planMemory(program, elements, keepAll);
    const run: PreparedRun = { shapes, plan, buffers: plan.slots.map((s) => backend.allocate(s.elements, s.dtype)) };
    prepared.set(key, run);
    if (prepared.size > PLAN_CACHE_SIZE) {
      const [oldestKey, oldest] = prepared.entries().next().value!;
      prepared.delete(oldestKey);
      for (const buffer of oldest.buffers) backend.release(buffer);
    }
    return run;
  };

  /** Where value `id` lives during the step; `afterStep` reads a snapshot where the updates overwrote its state. */
  const bufferOf = (run: PreparedRun, id: number, afterStep: boolean): DeviceBuffer => {
    const snapshot = afterStep ? run.plan.snapshots.get(id) : undefined;
    if (snapshot !== undefined) return run.buffers[snapshot]!;
    const home = run.plan.homes[id]!;
    return home.kind === 'state' ? pool.entries.get(home.name)!.buffer : run.buffers[home.slot]!;
  };
  const viewOf = (run: PreparedRun, id: number): TensorView =>
    ({ buffer: bufferOf(run, id, false), shape: run.shapes[id]!, dtype: program.values[id]!.dtype });

  const download = async (run: PreparedRun, id: number): Promise<HostTensor> => {
    const shape = run.shapes[id]!;
    const data = await backend.download(bufferOf(run, id, true), numElements(shape));
    return { shape, dtype: program.values[id]!.dtype, data };
  };

  const checkLive = (): void => {
    if (disposed) throw new Error('this runner was disposed');
  };

  const runner: ProgramRunner = {
    program,
    stateNames,
    setState(name, value) {
      checkLive();
      const entry = stateEntry(name);
      if (value.shape.join() !== entry.shape.join()) throw new Error(`state "${name}" is ${formatShape(entry.shape)} but the new value is ${formatShape(value.shape)}`);
      if (value.dtype !== 'f32') throw new Error(`state "${name}" holds floats but the new value is ${value.dtype}`);
      const elements = numElements(entry.shape);
      if (value.data.length !== elements) throw new Error(`state "${name}" needs ${elements} values but got ${value.data.length}`);
      backend.upload(entry.buffer, value.data);
    },
    async getState(name) {
      checkLive();
      const entry = stateEntry(name);
      const data = await backend.download(entry.buffer, numElements(entry.shape));
      return { shape: [...entry.shape], dtype: 'f32', data };
    },
    async run(feeds, runOptions: RunOptions = {}) {
      checkLive();
      const run = prepare(bindFeeds(program, feeds), runOptions.keepAll ?? false);
      last = undefined; // a failing run leaves nothing readable
      const stepSeed = runOptions.seed ?? 0;
      program.ops.forEach((op, index) => {
        if (op.op === 'input') {
          backend.upload(bufferOf(run, op.out, false), feeds[(op.attrs as OpAttrs['input']).name]!.data);
        } else if (!isPlacedOp(op.op) && !run.plan.aliases.has(op.out)) {
          backend.dispatch(op.op as OpId, op.attrs, op.inputs.map((id) => viewOf(run, id)), viewOf(run, op.out), { seed: dispatchSeed(stepSeed, index) });
        }
      });
      const elementsOf = (id: number) => numElements(run.shapes[id]!);
      for (const [id, slot] of run.plan.snapshots) backend.copy(bufferOf(run, id, false), run.buffers[slot]!, elementsOf(id));
      for (const { buffer, value } of program.stateUpdates) {
        const from = bufferOf(run, value, true), to = bufferOf(run, buffer, false);
        if (from !== to) backend.copy(from, to, elementsOf(value));
      }
      await backend.flush();
      last = run;
    },
    async read(output) {
      checkLive();
      const id = program.outputs[output];
      if (id === undefined) throw new Error(`no output "${output}"; the outputs are ${Object.keys(program.outputs).map((o) => `"${o}"`).join(', ') || 'none'}`);
      if (!last) throw new Error(`output "${output}" is not available: the program has not run (or its last run failed)`);
      return download(last, id);
    },
    async readValue(id) {
      checkLive();
      if (!last) throw new Error(`value %${id} is not available: the program has not run (or its last run failed)`);
      if (!last.plan.kept.has(id)) throw new Error(`value %${id} was not kept by the last run; run with { keepAll: true } to read intermediate values`);
      return download(last, id);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const run of prepared.values()) for (const buffer of run.buffers) backend.release(buffer);
      prepared.clear();
      last = undefined;
      if (--pool.users === 0) {
        for (const entry of pool.entries.values()) backend.release(entry.buffer);
        pool.entries.clear();
      }
    },
  };
  pools.set(runner, pool);
  return runner;
}
