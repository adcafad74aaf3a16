import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import { formatShape } from '../../engine/ir/shape.ts';
import { concreteSize, resolveDim } from '../common/dim.ts';
import { inputsParam, numberedInputs, numberedPorts } from './merge.ts';

export const concat = defineNode({
  id: 'concat',
  category: 'structure',
  label: 'Concat',
  docs: {
    summary: 'Joins its inputs end to end along one dimension (channels by default): Inception and U-Net branches, DenseNet features, the two directions of a bidirectional RNN, attention heads. Every other dimension must match.',
    formula: 'y = [x_1; x_2; \\dots; x_K] \\text{ along dim},\\quad \\text{size}_{dim}(y) = \\sum_k \\text{size}_{dim}(x_k)',
    seedNotes: 'The notes write stacked vectors such as [h^(f); h^(b)] (bidirectional RNN) and [h_{t−1}; x_t] (LSTM gates). torch.cat defaults to dim 0, which is the batch here, so netloom defaults to dim 1 (channels of [N,C,H,W], features of [N,D]).',
    pytorch: 'torch.cat([x1, x2], dim=1)',
  },
  params: {
    inputs: inputsParam,
    dim: p.int(1, 'dimension to join along (1: channels or features; negative counts from the end)'),
  },
  inputs: (params) => numberedPorts(params.inputs, 'a piece; all pieces agree except along dim'),
  outputs: [{ name: 'y', doc: 'the pieces joined along dim' }],
  example: { inputs: { x1: ['N', 16, 8, 8], x2: ['N', 32, 8, 8] } },
  lower(ctx) {
    const xs = numberedInputs(ctx, ctx.params.inputs);
    const first = xs[0]!;
    const dim = ctx.params.dim;
    const axis = resolveDim(ctx, first.value, dim, first.port, first.value.shape.length > 1 ? 1 : 0);
    for (const x of xs) {
      const v = x.value;
      if (v.dtype !== first.value.dtype) {
        ctx.fail('dtype-mismatch', `${first.port} is ${first.value.dtype === 'f32' ? 'float' : 'integer'} ${formatShape(first.value.shape)} but ${x.port} is ${v.dtype === 'f32' ? 'float' : 'integer'} ${formatShape(v.shape)}; the pieces must have the same dtype`, { port: x.port });
      }
      if (v.shape.length !== first.value.shape.length) {
        ctx.fail('rank-mismatch', `${x.port} ${formatShape(v.shape)} has rank ${v.shape.length} but ${first.port} ${formatShape(first.value.shape)} has rank ${first.value.shape.length}; the pieces need the same number of dimensions (Flatten or Reshape one of them)`, { port: x.port });
      }
      for (let j = 0; j < v.shape.length; j++) {
        if (j === axis || v.shape[j] === first.value.shape[j]) continue;
        const spatial = v.shape.length >= 3 && j >= 2 && axis === 1;
        ctx.fail('shape-mismatch',
          `${first.port} ${formatShape(first.value.shape)} and ${x.port} ${formatShape(v.shape)} differ at dim ${j} (${String(first.value.shape[j])} vs ${String(v.shape[j])}); Concat along dim ${dim} needs every other dimension equal${spatial ? ' — the branches have different spatial sizes: match their stride and padding, or crop/resize one of them' : ''}`,
          { port: x.port });
      }
      concreteSize(ctx, v, axis, x.port, 'concatenate');
    }
    return { y: ctx.b.op('concat', xs.map((x) => x.value), { axis }) };
  },
});
