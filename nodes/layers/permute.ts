import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import { formatShape } from '../../engine/ir/shape.ts';

export const permute = defineNode({
  id: 'permute',
  category: 'layers',
  label: 'Permute',
  docs: {
    summary: 'Reorders the dimensions: output dimension i is input dimension dims[i]. Use it to move between layouts, e.g. [N,T,D] sequences to the [N,D,T] that Conv1d and BatchNorm1d expect, or [N,H,W,C] images to [N,C,H,W].',
    formula: 'y_{i_0, \\dots, i_{r-1}} = x_{j_0, \\dots, j_{r-1}},\\quad j_{\\text{dims}[k]} = i_k,\\quad y.\\mathrm{shape}_k = x.\\mathrm{shape}_{\\text{dims}[k]}',
    seedNotes: 'The notes mix layouts (H×W×C in some sheets, C×H×W in others; sequences as rows or columns); Permute converts between them.',
    pytorch: 'x.permute(*dims)',
  },
  params: {
    dims: p.ints([0, 2, 1], 'the input dimension each output dimension takes, a permutation of 0…rank−1 (negative counts from the end)'),
  },
  inputs: [{ name: 'x', doc: 'any tensor' }],
  outputs: [{ name: 'y', doc: 'x with its dimensions reordered' }],
  example: { params: { dims: [0, 2, 1] }, inputs: { x: ['N', 'T', 64] } },
  lower(ctx) {
    const dims = ctx.params.dims;
    const x = ctx.input('x');
    const rank = x.shape.length;
    const perm = dims.map((d) => (d < 0 ? d + rank : d));
    const sorted = [...perm].sort((a, b) => a - b);
    if (perm.length !== rank || sorted.some((d, i) => d !== i)) {
      const identity = Array.from({ length: rank }, (_, i) => i);
      const problem = perm.length !== rank
        ? `has ${perm.length} entries but x ${formatShape(x.shape)} has ${rank} dimensions`
        : `must list each of ${identity.join(', ')} exactly once`;
      ctx.fail(perm.length !== rank ? 'rank-mismatch' : 'invalid-graph', `dims ${JSON.stringify(dims)} ${problem}`, { param: 'dims', port: 'x' });
    }
    return { y: ctx.b.transpose(x, perm) };
  },
});
