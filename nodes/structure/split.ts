import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import type { Value } from '../../engine/ir/program.ts';
import { formatShape } from '../../engine/ir/shape.ts';
import { concreteSize, resolveDim } from '../common/dim.ts';

/** torch.split with a list of sizes: one output per section. */
export const split = defineNode({
  id: 'split',
  category: 'structure',
  label: 'Split',
  docs: {
    summary: 'Cuts a tensor into consecutive pieces along one dimension, one output per entry of sections (the sizes, which must add up to the dimension): e.g. separate μ and log σ² of a VAE encoder, or the gates of an LSTM. The inverse of Concat.',
    formula: 'y_k = x[\\dots, s_k : s_k + \\text{sections}_k, \\dots] \\text{ along dim},\\quad s_k = \\sum_{j<k} \\text{sections}_j,\\; \\sum_k \\text{sections}_k = \\text{size}_{dim}(x)',
    seedNotes: 'torch.split defaults to dim 0, which is the batch here, so netloom defaults to dim 1. torch.split also accepts a single chunk size; give the list of sizes instead.',
    pytorch: 'y1, y2 = torch.split(x, [sections...], dim=1)',
  },
  params: {
    sections: p.ints([1, 1], 'size of each piece along dim (one output each); they must add up to the size of dim', 1),
    dim: p.int(1, 'dimension to cut (negative counts from the end)'),
  },
  inputs: [{ name: 'x' }],
  outputs: (params) => params.sections.map((size, i) => ({ name: `y${i + 1}`, doc: `piece ${i + 1} (size ${size} along dim)` })),
  example: { params: { sections: [16, 16] }, inputs: { x: ['N', 32] } },
  lower(ctx) {
    const { sections, dim } = ctx.params;
    if (sections.length === 0) ctx.fail('invalid-graph', 'sections is empty; give the size of each piece, e.g. [16, 16]', { param: 'sections' });
    const x = ctx.input('x');
    const axis = resolveDim(ctx, x, dim, 'x', x.shape.length > 1 ? 1 : 0);
    const size = concreteSize(ctx, x, axis, 'x', 'split');
    const total = sections.reduce((a, s) => a + s, 0);
    if (total !== size) {
      const others = sections.slice(0, -1).reduce((a, s) => a + s, 0);
      const last = size - others;
      const fixed = last >= 1 ? [...sections.slice(0, -1), last] : undefined;
      ctx.fail('shape-mismatch',
        `sections ${sections.join(' + ')} = ${total} but dim ${dim} of x ${formatShape(x.shape)} has size ${size}; the sections must add up to ${size}${fixed ? ` (e.g. ${JSON.stringify(fixed)})` : ` — the first ${sections.length - 1} already take ${others}`}`,
        { param: 'sections', port: 'x', ...(fixed ? { fix: { label: `Set sections to ${JSON.stringify(fixed)}`, edits: [{ type: 'setParam', node: ctx.node.id, param: 'sections', value: fixed }] } } : {}) });
    }
    const outputs: Record<string, Value> = {};
    let start = 0;
    sections.forEach((s, i) => {
      outputs[`y${i + 1}`] = ctx.b.op('slice', [x], { axis, start, end: start + s, step: 1 });
      start += s;
    });
    return outputs;
  },
});
