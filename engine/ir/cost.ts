/**
 * Floating-point operation counts per primitive, for the summary table. Conventions (those of the course notes'
 * FLOP examples and of fvcore-style counters): a multiply-add is 2 FLOPs; elementwise ops cost 1 per output element;
 * reductions 1 per input element; sources and data movement cost nothing. Symbols are bound by `bindings`
 * (unbound ones count as 1, i.e. figures per sample).
 */
import { BINARY_OPS, UNARY_OPS, sameForEach, type OpAttrs, type OpId } from './ops.ts';
import { numElements, type Shape } from './shape.ts';

type Bindings = Readonly<Record<string, number>>;
export type CostRule<K extends OpId> = (inputs: readonly Shape[], out: Shape, attrs: OpAttrs[K], bindings: Bindings) => number;

const free: CostRule<OpId> = () => 0;
const perOutput: CostRule<OpId> = (_i, out, _a, b) => numElements(out, b);
const perInput: CostRule<OpId> = (inputs, _o, _a, b) => numElements(inputs[0]!, b);

export const COST_RULES: { readonly [K in OpId]: CostRule<K> } = {
  ...sameForEach(UNARY_OPS, perOutput),
  ...sameForEach(BINARY_OPS, perOutput),
  input: free, param: free, buffer: free, constant: free,
  randomNormal: perOutput, randomUniform: perOutput, randomBernoulli: perOutput,
  where: perOutput, cast: free,
  matmul: ([a], out, _attrs, b) => 2 * numElements(out, b) * (a![a!.length - 1] as number),
  transpose: free, reshape: free, expand: free, concat: free, slice: free, gather: free, oneHot: free,
  reduceSum: perInput, reduceMean: perInput, reduceMax: perInput,
  // Each output element of a conv is a dot product over C_in/groups × kernel taps.
  conv: ([, w], out, _a, b) => 2 * numElements(out, b) * numElements(w!.slice(1)),
  // Each input element scatters into C_out/groups × kernel taps.
  convTranspose: ([x, w], _o, _a, b) => 2 * numElements(x!, b) * numElements(w!.slice(1)),
  pool: (_i, out, a, b) => numElements(out, b) * numElements(a.kernel),
  adaptiveAvgPool: perInput,
  resize: perOutput,
  convGradInput: ([dy, w], _o, _a, b) => 2 * numElements(dy!, b) * numElements(w!.slice(1)),
  convGradWeight: ([, dy], out, _a, b) => 2 * numElements(dy!, b) * numElements(out.slice(1)),
  poolGrad: ([, dy], _o, a, b) => numElements(dy!, b) * numElements(a.kernel),
  adaptiveAvgPoolGrad: perOutput, resizeGrad: perInput, gatherGrad: ([, dy], _o, _a, b) => numElements(dy!, b), sliceGrad: free,
};
