/**
 * Integer-indexed ops: gather (embedding lookup), its gradient, and one-hot encoding. A kernel cannot throw, so an
 * index outside its range is recorded instead: the threads that meet one keep the lowest position in the dispatch's
 * check record (atomicMax of 0xffffffff − position; 0 means none), a one-thread step then copies the index found
 * there, and the backend turns the record into the CPU backend's Error when the work is flushed (index-checks.ts).
 * The bad element itself reads as 0. gatherGrad accumulates rows hit twice with a compare-and-swap float add.
 */
import { elementCount, bind, CHECK, computeStep, input, OUTPUT, perElementStep, wgslType, type KernelBuilder, type KernelLimits, type KernelStep } from './kernel-spec.ts';
import { u32Literal } from './wgsl-math.ts';

type IndexingOp = 'gather' | 'gatherGrad' | 'oneHot';

/** WGSL recording a bad index at position `position` (u32 expression) in the check record. */
const recordBadIndex = (position: string): string => `atomicMax(&check[0], 0xffffffffu - ${position});`;

/** The step that copies the first bad index into the record, after the kernel that found it. */
function reportStep(indicesInput: number): KernelStep {
  return computeStep([bind(input(indicesInput), 'indices', 'i32'), bind(CHECK, 'check', 'atomic<u32>')], `
@compute @workgroup_size(1)
fn main() {
  let encoded = atomicLoad(&check[0]);
  if (encoded != 0u) { atomicStore(&check[1], bitcast<u32>(indices[0xffffffffu - encoded])); }
}`, [1, 1, 1]);
}

function checkedSteps(kernel: KernelStep, indicesInput: number): KernelStep[] {
  return [kernel, reportStep(indicesInput)];
}

const rowSizeOf = (shape: readonly number[]): number => elementCount(shape.slice(1));

function scatterAddStep(rows: number, rowSize: number, count: number, limits: KernelLimits): KernelStep {
  const bindings = [bind(input(0), 'indices', 'i32'), bind(input(1), 'dy'), bind(CHECK, 'check', 'atomic<u32>'), bind(OUTPUT, 'y', 'atomic<u32>')];
  const helpers = `fn add_to(index: u32, value: f32) {
  var old = atomicLoad(&y[index]);
  loop {
    let swapped = atomicCompareExchangeWeak(&y[index], old, bitcast<u32>(bitcast<f32>(old) + value));
    if (swapped.exchanged) { break; }
    old = swapped.old_value;
  }
}`;
  const body = `  let p = i / ${u32Literal(rowSize)};
  let j = i % ${u32Literal(rowSize)};
  let row = indices[p];
  if (row < 0i || row >= ${rows}i) {
    if (j == 0u) { ${recordBadIndex('p')} }
    return;
  }
  add_to(u32(row) * ${u32Literal(rowSize)} + j, dy[i]);`;
  return perElementStep(bindings, helpers, count, body, limits);
}

export const INDEXING_KERNELS: { readonly [K in IndexingOp]: KernelBuilder<K> } = {
  gather: (_, { inputs: [table, indices], output }, limits) => {
    const rows = table!.shape[0]!, rowSize = rowSizeOf(table!.shape);
    const element = wgslType(table!.dtype);
    const bindings = [bind(input(0), 'table', element), bind(input(1), 'indices', 'i32'), bind(CHECK, 'check', 'atomic<u32>'), bind(OUTPUT, 'y', element)];
    const body = `  let p = i / ${u32Literal(rowSize)};
  let j = i % ${u32Literal(rowSize)};
  let row = indices[p];
  if (row < 0i || row >= ${rows}i) {
    if (j == 0u) { ${recordBadIndex('p')} }
    y[i] = ${element}(0);
    return;
  }
  y[i] = table[u32(row) * ${u32Literal(rowSize)} + j];`;
    return {
      steps: checkedSteps(perElementStep(bindings, '', elementCount(output.shape), body, limits), 1),
      check: { op: 'gather', what: 'row', count: rows, indicesShape: indices!.shape },
    };
  },
  gatherGrad: ({ rows }, { inputs: [indices, dy], output }, limits) => {
    const rowSize = rowSizeOf(output.shape);
    return {
      steps: [{ kind: 'clear' }, ...checkedSteps(scatterAddStep(rows, rowSize, elementCount(dy!.shape), limits), 0)],
      check: { op: 'gatherGrad', what: 'row', count: rows, indicesShape: indices!.shape },
    };
  },
  oneHot: ({ depth }, { inputs: [indices], output }, limits) => {
    const bindings = [bind(input(0), 'indices', 'i32'), bind(CHECK, 'check', 'atomic<u32>'), bind(OUTPUT, 'y')];
    const body = `  let p = i / ${u32Literal(depth)};
  let c = i % ${u32Literal(depth)};
  let k = indices[p];
  if ((k < 0i || k >= ${depth}i) && c == 0u) { ${recordBadIndex('p')} }
  y[i] = select(0.0, 1.0, k == i32(c));`;
    return {
      steps: checkedSteps(perElementStep(bindings, '', elementCount(output.shape), body, limits), 0),
      check: { op: 'oneHot', what: 'class', count: depth, indicesShape: indices!.shape },
    };
  },
};
