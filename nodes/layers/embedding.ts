import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import { formatShape } from '../../engine/ir/shape.ts';

export const embedding = defineNode({
  id: 'embedding',
  category: 'layers',
  label: 'Embedding',
  docs: {
    summary: 'A learned lookup table: each integer token id in [0, num_embeddings) is replaced by its row, a vector of embedding_dim numbers. Token ids [N,T] become [N,T,D]. Equivalent to multiplying a one-hot vector by the table, without building the one-hot.',
    formula: 'y_{n,t,:} = E_{x_{n,t},:},\\quad E \\in \\mathbb{R}^{V \\times D},\\; E_{ij} \\sim \\mathcal{N}(0, 1)',
    seedNotes: 'The notes write one-hot(τ)ᵀE = E[τ,:] with E ∈ ℝ^{V×D} (one sheet stores words as columns of a d×k matrix; PyTorch and netloom put them in rows, [T,D]). Parameters V·D. Ids are 0-based.',
    pytorch: 'nn.Embedding(num_embeddings, embedding_dim)',
  },
  params: {
    num_embeddings: p.int(1000, 'vocabulary size V: ids run from 0 to V−1', { min: 1 }),
    embedding_dim: p.int(64, 'length D of each vector', { min: 1 }),
  },
  inputs: [{ name: 'x', dtype: 'i32', doc: 'integer token ids [N, …]' }],
  outputs: [{ name: 'y', doc: '[N, …, embedding_dim]' }],
  example: { params: { num_embeddings: 100, embedding_dim: 16 }, inputs: { x: { shape: ['N', 9], dtype: 'i32' } } },
  lower(ctx) {
    const { num_embeddings: vocab, embedding_dim: dim } = ctx.params;
    const x = ctx.input('x');
    if (x.dtype !== 'i32') {
      const source = ctx.producer('x');
      const fix = source?.kind === 'input'
        ? { fix: { label: `Set ${source.node}’s dtype to i32`, edits: [{ type: 'setParam' as const, node: source.node, param: 'dtype', value: 'i32' }] } }
        : {};
      ctx.fail('dtype-mismatch', `x must hold integer token ids (i32) but receives float data ${formatShape(x.shape)} — give the Input dtype i32`, { port: 'x', ...fix });
    }
    const table = ctx.weight('weight', [vocab, dim], { dist: 'normal', mean: 0, std: 1 });
    return { y: ctx.b.op('gather', [table, x], {}) };
  },
});
