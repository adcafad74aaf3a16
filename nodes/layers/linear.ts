import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import { formatShape } from '../../engine/ir/shape.ts';
import { concreteDim, floatInput } from '../common/checks.ts';
import { biasInit, initParam, weightInit } from '../common/init.ts';

export const linear = defineNode({
  id: 'linear',
  category: 'layers',
  label: 'Linear',
  docs: {
    summary: 'Fully connected (dense) layer applied to the last dimension: every output is a weighted sum of all inputs plus a bias.',
    formula: 'y = x W^\\top + b,\\quad W \\in \\mathbb{R}^{\\text{out} \\times \\text{in}},\\; b \\in \\mathbb{R}^{\\text{out}}',
    seedNotes: 'Some notes write u = Wᵀx + b with W of shape in×out (or batch U = XW + B); PyTorch stores W as out×in, so importing such a matrix needs a transpose. Parameters: in·out + out.',
    pytorch: 'nn.Linear(in_features, out_features, bias=True)',
  },
  params: {
    in_features: p.int(784, 'size of the input’s last dimension', { min: 1 }),
    out_features: p.int(128, 'number of outputs', { min: 1 }),
    bias: p.bool(true, 'add a learnable bias'),
    init: initParam,
  },
  inputs: [{ name: 'x', doc: '[N, …, in_features]' }],
  outputs: [{ name: 'y', doc: '[N, …, out_features]' }],
  example: { params: { in_features: 784, out_features: 128 }, inputs: { x: ['N', 784] } },
  lower(ctx) {
    const { in_features: fin, out_features: fout, init } = ctx.params;
    const x = floatInput(ctx, 'x');
    if (x.shape.length < 2) ctx.fail('rank-mismatch', `needs at least [N, features] but x is ${formatShape(x.shape)}`, { port: 'x' });
    const features = concreteDim(ctx, x, -1, 'last dimension', 'x');
    if (features !== fin) {
      ctx.fail('features-mismatch',
        `in_features is ${fin} but the input ${formatShape(x.shape)} has ${features} features in its last dimension — set in_features to ${features}`,
        { param: 'in_features', port: 'x', fix: { label: `Set in_features to ${features}`, edits: [{ type: 'setParam', node: ctx.node.id, param: 'in_features', value: features }] } });
    }
    const w = ctx.weight('weight', [fout, fin], weightInit(init, fin, fout));
    let y = ctx.b.matmul(x, ctx.b.transpose(w, [1, 0]));
    if (ctx.params.bias) y = ctx.b.add(y, ctx.weight('bias', [fout], biasInit(init, fin)));
    return { y };
  },
});
