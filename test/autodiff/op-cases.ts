/**
 * One or more gradient-check cases per differentiable primitive. Inputs keep clear of kinks (relu/abs away from
 * 0, maxima unique, logs and square roots of positive numbers); the kink conventions are checked against PyTorch
 * in pytorch-reference.test.ts. Binary cases broadcast so that the reduce-back of each operand is exercised.
 */
import type { Builder } from '../../engine/ir/builder.ts';
import type { OpAttrs, UnaryOp } from '../../engine/ir/ops.ts';
import type { Value } from '../../engine/ir/program.ts';
import type { GradCheckCase } from './gradcheck.ts';
import { fixedData, floats, sampler } from './sample-data.ts';

const rand = sampler(2024);

const unaryCase = (op: UnaryOp, x = rand.uniform([2, 3])): GradCheckCase =>
  ({ name: op, op, inputs: [x], build: (b, [v]) => b.unary(op, v!) });

const binary = (op: 'add' | 'sub' | 'mul' | 'div' | 'maximum' | 'minimum' | 'pow' | 'matmul') =>
  (b: Builder, [lhs, rhs]: readonly Value[]): Value => b.op(op, [lhs!, rhs!], {});

const conv = (attrs: OpAttrs['conv']) => (b: Builder, [x, w]: readonly Value[]): Value => b.op('conv', [x!, w!], attrs);
const convTranspose = (attrs: OpAttrs['convTranspose']) =>
  (b: Builder, [x, w]: readonly Value[]): Value => b.op('convTranspose', [x!, w!], attrs);
const pool = (attrs: OpAttrs['pool']) => (b: Builder, [x]: readonly Value[]): Value => b.op('pool', [x!], attrs);
const resize = (attrs: OpAttrs['resize']) => (b: Builder, [x]: readonly Value[]): Value => b.op('resize', [x!], attrs);

export const OP_CASES: readonly GradCheckCase[] = [
  unaryCase('neg'),
  unaryCase('exp'),
  unaryCase('log', rand.uniform([2, 3], 0.3, 2)),
  unaryCase('sqrt', rand.uniform([2, 3], 0.3, 2)),
  unaryCase('abs', rand.awayFromZero([2, 3])),
  unaryCase('tanh'),
  unaryCase('sigmoid', rand.uniform([2, 3], -3, 3)),
  unaryCase('erf'),
  unaryCase('atan', rand.uniform([2, 3], -3, 3)),
  unaryCase('relu', rand.awayFromZero([2, 3])),

  { name: 'add [2,3] + [3]', op: 'add', inputs: [rand.uniform([2, 3]), rand.uniform([3])], build: binary('add') },
  { name: 'sub [2,1,3] − [4,1]', op: 'sub', inputs: [rand.uniform([2, 1, 3]), rand.uniform([4, 1])], build: binary('sub') },
  { name: 'mul [] · [2,3]', op: 'mul', inputs: [rand.uniform([]), rand.uniform([2, 3])], build: binary('mul') },
  { name: 'mul [2,3] · [2,3]', op: 'mul', inputs: [rand.uniform([2, 3]), rand.uniform([2, 3])], build: binary('mul') },
  { name: 'div [3,1] / [1,4]', op: 'div', inputs: [rand.uniform([3, 1]), rand.awayFromZero([1, 4])], build: binary('div') },
  // Operands shifted apart by ≥ 0.2 so that no element ties.
  { name: 'maximum [2,3] vs [3]', op: 'maximum', inputs: [floats([2, 3], [0.5, -0.8, 0.1, -0.4, 0.9, -0.1]), floats([3], [0.2, -0.3, 0.4])], build: binary('maximum') },
  { name: 'minimum [2,3] vs [2,1]', op: 'minimum', inputs: [floats([2, 3], [0.5, -0.8, 0.1, -0.4, 0.9, -0.1]), floats([2, 1], [0.2, 0.3])], build: binary('minimum') },
  { name: 'pow [2,3] ^ [3]', op: 'pow', inputs: [rand.uniform([2, 3], 0.3, 2), rand.uniform([3], -1.5, 2)], build: binary('pow') },
  // A negative base with a fixed integer exponent: the exponent's gradient (log of a negative) is not built.
  { name: 'pow negative base ^ fixed 3', op: 'pow', inputs: [rand.uniform([2, 3], -2, -0.3), fixedData(floats([], [3]))], build: binary('pow') },

  {
    name: 'where(mask [2,3], [2,3], [3])', op: 'where', inputs: [rand.mask([2, 3]), rand.uniform([2, 3]), rand.uniform([3])],
    build: (b, [c, x, y]) => b.op('where', [c!, x!, y!], {}),
  },
  { name: 'cast f32 → f32', op: 'cast', inputs: [rand.uniform([2, 3])], build: (b, [x]) => b.op('cast', [x!], { dtype: 'f32' }) },

  { name: 'matmul [3,4] × [4,2]', op: 'matmul', inputs: [rand.uniform([3, 4]), rand.uniform([4, 2])], build: binary('matmul') },
  { name: 'matmul [2,3,4] × [4,5] (batch broadcast)', op: 'matmul', inputs: [rand.uniform([2, 3, 4]), rand.uniform([4, 5])], build: binary('matmul') },
  { name: 'matmul [1,3,4] × [2,4,2]', op: 'matmul', inputs: [rand.uniform([1, 3, 4]), rand.uniform([2, 4, 2])], build: binary('matmul') },
  { name: 'transpose [2,3,4] perm [2,0,1]', op: 'transpose', inputs: [rand.uniform([2, 3, 4])], build: (b, [x]) => b.transpose(x!, [2, 0, 1]) },
  { name: 'reshape [2,6] → [3,-1]', op: 'reshape', inputs: [rand.uniform([2, 6])], build: (b, [x]) => b.reshape(x!, [3, -1]) },
  { name: 'expand [3,1] → [2,3,4]', op: 'expand', inputs: [rand.uniform([3, 1])], build: (b, [x]) => b.op('expand', [x!], { shape: [2, 3, 4] }) },

  { name: 'reduceSum axis 1', op: 'reduceSum', inputs: [rand.uniform([2, 3, 4])], build: (b, [x]) => b.sum(x!, [1]) },
  { name: 'reduceSum axes [0,-1] keepDims', op: 'reduceSum', inputs: [rand.uniform([2, 3, 4])], build: (b, [x]) => b.sum(x!, [0, -1], true) },
  { name: 'reduceMean axis -1', op: 'reduceMean', inputs: [rand.uniform([2, 3, 4])], build: (b, [x]) => b.mean(x!, [-1]) },
  { name: 'reduceMean axes [0,2] keepDims', op: 'reduceMean', inputs: [rand.uniform([2, 3, 4])], build: (b, [x]) => b.mean(x!, [0, 2], true) },
  { name: 'reduceMax axes [1,2]', op: 'reduceMax', inputs: [rand.distinct([2, 3, 4])], build: (b, [x]) => b.max(x!, [1, 2]) },
  { name: 'reduceMax axis 0 keepDims', op: 'reduceMax', inputs: [rand.distinct([3, 4])], build: (b, [x]) => b.max(x!, [0], true) },

  {
    name: 'concat three along axis 1', op: 'concat', inputs: [rand.uniform([2, 1, 3]), rand.uniform([2, 3, 3]), rand.uniform([2, 2, 3])],
    build: (b, xs) => b.op('concat', xs, { axis: 1 }),
  },
  { name: 'concat one along axis -1', op: 'concat', inputs: [rand.uniform([2, 3])], build: (b, xs) => b.op('concat', xs, { axis: -1 }) },
  { name: 'slice [3,7] axis 1 1:6:2', op: 'slice', inputs: [rand.uniform([3, 7])], build: (b, [x]) => b.op('slice', [x!], { axis: 1, start: 1, end: 6, step: 2 }) },
  { name: 'slice [4,3] axis -2 2:4:1', op: 'slice', inputs: [rand.uniform([4, 3])], build: (b, [x]) => b.op('slice', [x!], { axis: -2, start: 2, end: 4, step: 1 }) },
  {
    // Row 1 is picked twice: its gradient is the sum of both uses.
    name: 'gather [5,3] by [2,3] with a repeated row', op: 'gather', inputs: [rand.uniform([5, 3]), { ...rand.indices([2, 3], 5), data: [1, 4, 1, 0, 3, 3] }],
    build: (b, [table, idx]) => b.op('gather', [table!, idx!], {}),
  },

  {
    name: 'conv2d groups 2, stride [2,1], asymmetric padding, dilation [1,2]', op: 'conv',
    inputs: [rand.uniform([2, 4, 5, 6]), rand.uniform([6, 2, 3, 2])],
    build: conv({ stride: [2, 1], padding: [[1, 0], [1, 1]], dilation: [1, 2], groups: 2 }),
  },
  {
    name: 'conv1d stride 2, padding 1', op: 'conv', inputs: [rand.uniform([2, 3, 9]), rand.uniform([4, 3, 3])],
    build: conv({ stride: [2], padding: [[1, 1]], dilation: [1], groups: 1 }),
  },
  {
    name: 'convTranspose2d stride 2, padding 1, output padding 1, groups 2', op: 'convTranspose',
    inputs: [rand.uniform([2, 4, 3, 3]), rand.uniform([4, 3, 3, 3])],
    build: convTranspose({ stride: [2, 2], padding: [1, 1], outputPadding: [1, 1], dilation: [1, 1], groups: 2 }),
  },
  {
    // output_padding 1 ≥ stride 1 (allowed because dilation is 2): the adjoint convolution overhangs x by one.
    name: 'convTranspose1d stride 1, dilation 2, output padding 1', op: 'convTranspose',
    inputs: [rand.uniform([2, 3, 5]), rand.uniform([3, 2, 3])],
    build: convTranspose({ stride: [1], padding: [1], outputPadding: [1], dilation: [2], groups: 1 }),
  },
  {
    name: 'max pool 3/2, padding 1, ceil mode', op: 'pool', inputs: [rand.distinct([2, 2, 6, 6])],
    build: pool({ mode: 'max', kernel: [3, 3], stride: [2, 2], padding: [1, 1], dilation: [1, 1], ceilMode: true, countIncludePad: true }),
  },
  {
    name: 'max pool 2/2 dilation 2 (1-d)', op: 'pool', inputs: [rand.distinct([2, 3, 9])],
    build: pool({ mode: 'max', kernel: [2], stride: [2], padding: [0], dilation: [2], ceilMode: false, countIncludePad: true }),
  },
  {
    name: 'avg pool 3/2, padding 1, ceil mode, padding excluded', op: 'pool', inputs: [rand.uniform([2, 2, 6, 5])],
    build: pool({ mode: 'avg', kernel: [3, 3], stride: [2, 2], padding: [1, 1], dilation: [1, 1], ceilMode: true, countIncludePad: false }),
  },
  {
    name: 'avg pool 2/1, padding 1, padding counted', op: 'pool', inputs: [rand.uniform([1, 2, 4, 4])],
    build: pool({ mode: 'avg', kernel: [2, 2], stride: [1, 1], padding: [1, 1], dilation: [1, 1], ceilMode: false, countIncludePad: true }),
  },
  {
    name: 'adaptive avg pool [5,7] → [3,2]', op: 'adaptiveAvgPool', inputs: [rand.uniform([2, 3, 5, 7])],
    build: (b, [x]) => b.op('adaptiveAvgPool', [x!], { outputSize: [3, 2] }),
  },
  { name: 'resize nearest [3,4] → [5,7]', op: 'resize', inputs: [rand.uniform([2, 2, 3, 4])], build: resize({ mode: 'nearest', size: [5, 7], alignCorners: false }) },
  { name: 'resize linear [3,4] → [5,6]', op: 'resize', inputs: [rand.uniform([1, 2, 3, 4])], build: resize({ mode: 'linear', size: [5, 6], alignCorners: false }) },
  { name: 'resize linear aligned corners [3,4] → [2,7]', op: 'resize', inputs: [rand.uniform([1, 2, 3, 4])], build: resize({ mode: 'linear', size: [2, 7], alignCorners: true }) },
  { name: 'resize linear 1-d [5] → [8]', op: 'resize', inputs: [rand.uniform([2, 2, 5])], build: resize({ mode: 'linear', size: [8], alignCorners: false }) },
];
