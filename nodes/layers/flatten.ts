import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import { formatShape, isSymbol, normAxis, type Dim } from '../../engine/ir/shape.ts';

export const flatten = defineNode({
  id: 'flatten',
  category: 'layers',
  label: 'Flatten',
  docs: {
    summary: 'Merges dimensions start_dim…end_dim into one, keeping the batch: [N,16,5,5] becomes [N,400] for the Linear layers after a convolutional trunk. No weights; the elements are not moved.',
    formula: '[d_0, \\dots, d_{s}, \\dots, d_{e}, \\dots] \\mapsto [d_0, \\dots, \\textstyle\\prod_{i=s}^{e} d_i, \\dots],\\quad \\text{row-major (C, then H, then W)}',
    seedNotes: 'The notes “vectorize” the conv output before the fully connected layers, with images laid out H×W×C. PyTorch flattens [C,H,W] in that order, so element k of the vector is a different feature than in the notes’ HWC order: weights copied from an HWC model need their columns permuted.',
    pytorch: 'nn.Flatten(start_dim=1, end_dim=-1)',
  },
  params: {
    start_dim: p.int(1, 'first dimension to merge (1 keeps the batch dimension)', { min: -8, max: 7 }),
    end_dim: p.int(-1, 'last dimension to merge (−1 is the last)', { min: -8, max: 7 }),
  },
  inputs: [{ name: 'x', doc: '[N, …]' }],
  outputs: [{ name: 'y', doc: '[N, product of the merged dims]' }],
  example: { inputs: { x: ['N', 16, 5, 5] } },
  lower(ctx) {
    const { start_dim: startDim, end_dim: endDim } = ctx.params;
    const x = ctx.input('x');
    const rank = x.shape.length;
    const start = normAxis(startDim, rank), end = normAxis(endDim, rank);
    if (start < 0 || end < 0) {
      ctx.fail('rank-mismatch', `start_dim ${startDim} and end_dim ${endDim} must be dimensions of x ${formatShape(x.shape)} (rank ${rank}, so −${rank}…${rank - 1})`, {
        port: 'x', param: start < 0 ? 'start_dim' : 'end_dim',
      });
    }
    if (start > end) {
      ctx.fail('invalid-graph', `start_dim ${startDim} (dimension ${start}) comes after end_dim ${endDim} (dimension ${end}) for x ${formatShape(x.shape)}`, { param: 'start_dim' });
    }
    const merged = x.shape.slice(start, end + 1);
    const symbols = merged.filter(isSymbol);
    const known = merged.reduce<number>((acc, d) => (isSymbol(d) ? acc : acc * d), 1);
    let size: Dim;
    if (symbols.length === 0) size = known;
    else if (symbols.length === 1 && known === 1) size = symbols[0]!;
    else {
      const hint = start === 0 && symbols.includes(x.shape[0] as string)
        ? '; set start_dim to 1 to keep the batch dimension'
        : ' (only one symbolic dimension, with the rest of size 1, can be merged)';
      return ctx.fail('shape-mismatch',
        `cannot merge dimensions ${start}…${end} of x ${formatShape(x.shape)}: ${symbols.join(' and ')} ${symbols.length > 1 ? 'are' : 'is'} symbolic, so ${merged.join('·')} has no fixed size${hint}`,
        {
          port: 'x', param: 'start_dim',
          ...(start === 0 && rank > 1 ? { fix: { label: 'Set start_dim to 1', edits: [{ type: 'setParam' as const, node: ctx.node.id, param: 'start_dim', value: 1 }] } } : {}),
        });
    }
    const shape = [...x.shape.slice(0, start), size, ...x.shape.slice(end + 1)];
    return { y: ctx.b.reshape(x, shape) };
  },
});
