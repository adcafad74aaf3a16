import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import { DATASET_IDS } from '../../engine/data/registry.ts';

export const dataset = defineNode({
  id: 'dataset',
  category: 'data',
  label: 'Dataset',
  docs: {
    summary: 'A built-in dataset: mini-batches of features and their labels. Class labels are 0-based integer indices, as PyTorch’s CrossEntropyLoss expects.',
    formula: '(x_n, y_n)_{n \\in B},\\; B \\subset \\{1..P\\}',
    seedNotes: 'Some notes number classes from 1 (“d=2 → [0,1]”); netloom numbers them from 0.',
    pytorch: 'for features, labels in DataLoader(dataset, batch_size=…, shuffle=True)',
  },
  params: {
    dataset: p.choice(DATASET_IDS, 'spirals', 'which built-in dataset feeds the graph'),
    layout: p.choice(['flat', 'image'], 'flat', 'image datasets can come flat [N,784] or as images [N,1,28,28]'),
  },
  inputs: [],
  outputs: [
    { name: 'features', doc: 'inputs, [N, …]' },
    { name: 'labels', doc: 'targets: class indices [N] or values [N, k]' },
  ],
  example: { params: { dataset: 'fashion-mnist', layout: 'image' }, inputs: {} },
  dataSource: (params) => ({ origin: 'built-in', dataset: params.dataset, layout: params.layout }),
  lower(ctx) {
    const info = ctx.dataset(ctx.params.dataset);
    if (!info) return ctx.fail('unknown-dataset', `no built-in dataset ${JSON.stringify(ctx.params.dataset)}`, { param: 'dataset' });
    if (ctx.params.layout === 'image' && !info.image) {
      ctx.fail('invalid-graph', `${info.label} is not an image dataset; use layout "flat"`, {
        param: 'layout', fix: { label: 'Use the flat layout', edits: [{ type: 'setParam', node: ctx.node.id, param: 'layout', value: 'flat' }] },
      });
    }
    const featureShape = ctx.params.layout === 'image' ? info.image! : info.features.shape;
    return {
      features: ctx.b.op('input', [], { name: `${ctx.node.id}.features`, shape: ['N', ...featureShape], dtype: info.features.dtype }),
      labels: ctx.b.op('input', [], { name: `${ctx.node.id}.labels`, shape: ['N', ...info.labels.shape], dtype: info.labels.dtype }),
    };
  },
});
