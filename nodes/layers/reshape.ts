import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import { formatShape, isSymbol, symbolicSize } from '../../engine/ir/shape.ts';

export const reshape = defineNode({
  id: 'reshape',
  category: 'layers',
  label: 'Reshape',
  docs: {
    summary: 'Gives the same elements a new shape, in row-major order: e.g. a flat [N,784] MNIST batch becomes images [N,1,28,28] for a Conv2d, or a latent [N,100] becomes [N,100,1,1] for a ConvTranspose2d. Write the full shape including the batch symbol N; one entry may be −1 to be inferred.',
    formula: 'y = \\operatorname{reshape}(x, [d_0, \\dots, d_{k}]),\\quad \\textstyle\\prod_i d_i = \\prod_j x.\\mathrm{shape}_j',
    seedNotes: 'The notes reshape images H×W×C; PyTorch (and netloom) read memory in [C,H,W] order, so reshaping a flat vector to [C,H,W] and to [H,W,C] gives different images.',
    pytorch: 'x.reshape(x.size(0), 1, 28, 28)  # the symbol N becomes x.size(0); or nn.Unflatten(1, (1, 28, 28))',
  },
  params: {
    shape: p.shape(['N', 1, 28, 28], 'target shape including the batch dimension N; one entry may be −1 (inferred)', true),
  },
  inputs: [{ name: 'x', doc: 'any tensor' }],
  outputs: [{ name: 'y', doc: 'the same elements, shaped as `shape`' }],
  example: { params: { shape: ['N', 1, 28, 28] }, inputs: { x: ['N', 784] } },
  lower(ctx) {
    const target = ctx.params.shape;
    const x = ctx.input('x');
    const from = symbolicSize(x.shape);
    const to = symbolicSize(target.filter((d) => d !== -1));
    const per = (symbols: readonly string[]) => (symbols.length ? ` per ${symbols.join('·')}` : '');
    if (from.symbols.join() !== to.symbols.join()) {
      const missing = from.symbols.filter((s) => !to.symbols.includes(s));
      const extra = to.symbols.filter((s) => !from.symbols.includes(s));
      ctx.fail('shape-mismatch',
        `the target ${formatShape(target)} must keep the symbolic dimensions of x ${formatShape(x.shape)} (${from.symbols.join(', ') || 'none'})${missing.length ? `; it drops ${missing.join(', ')}` : ''}${extra.length ? `; ${extra.join(', ')} ${extra.length > 1 ? 'are' : 'is'} not in x` : ''} — write the batch as N, e.g. [${['N', ...target.filter((d) => !isSymbol(d))].join(',')}]`,
        { param: 'shape', port: 'x' });
    }
    const holes = target.filter((d) => d === -1).length;
    if (holes === 1) {
      if (from.known % to.known !== 0) {
        ctx.fail('shape-mismatch',
          `cannot infer the −1 in ${formatShape(target)}: x ${formatShape(x.shape)} has ${from.known} elements${per(from.symbols)}, which is not divisible by the ${to.known} the other entries give`,
          { param: 'shape', port: 'x' });
      }
    } else if (from.known !== to.known) {
      // Offer the −1 in the last numeric position when that makes the sizes fit.
      const last = target.map((d, i) => (isSymbol(d) ? -1 : i)).filter((i) => i >= 0).pop();
      const rest = last === undefined ? 0 : to.known / (target[last] as number);
      const fix = last !== undefined && from.known % rest === 0
        ? { label: `Infer dimension ${last} (−1 → ${from.known / rest})`, edits: [{ type: 'setParam' as const, node: ctx.node.id, param: 'shape', value: target.map((d, i) => (i === last ? -1 : d)) }] }
        : undefined;
      ctx.fail('shape-mismatch',
        `cannot reshape x ${formatShape(x.shape)} to ${formatShape(target)}: x has ${from.known} elements${per(from.symbols)} but the target holds ${target.filter((d) => !isSymbol(d)).join('·') || '1'} = ${to.known}`,
        { param: 'shape', port: 'x', ...(fix ? { fix } : {}) });
    }
    return { y: ctx.b.reshape(x, target) };
  },
});
