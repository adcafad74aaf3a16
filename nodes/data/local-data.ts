import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';

/**
 * Data the user loaded in the browser (a CSV table, IDX or .npy files, a folder of images). The params describe the
 * data's shapes, so the graph stays self-contained and shapes infer with no data present; the rows themselves stay
 * on the user's machine and reach training from the page, by this node's id.
 */
export const localData = defineNode({
  id: 'local_data',
  category: 'data',
  label: 'Your data',
  docs: {
    summary: 'Data you loaded in the browser (CSV, IDX, .npy or a folder of images): mini-batches of features and their labels. It stays on this machine; choose or replace it with “Choose data…” in the inspector.',
    formula: '(x_n, y_n)_{n \\in B},\\; B \\subset \\{1..P\\}',
    seedNotes: 'Some notes number classes from 1; netloom numbers them from 0 (the loaders number classes in sorted order).',
    pytorch: 'for features, labels in DataLoader(TensorDataset(x, y), batch_size=…, shuffle=True)',
  },
  params: {
    name: p.text('', 'the file or folder the data was loaded from'),
    features: p.shape([4], 'per-sample feature shape (N is prepended): [F] for a table, [C, H, W] for images'),
    task: p.choice(['classification', 'regression'], 'classification', 'class indices, or values to regress'),
    classes: p.int(2, 'classification: how many classes (labels 0 … classes−1)', { min: 2 }),
    targets: p.int(1, 'regression: values per sample (labels [N, targets])', { min: 1 }),
  },
  inputs: [],
  outputs: [
    { name: 'features', doc: 'inputs, [N, …]' },
    { name: 'labels', doc: 'targets: class indices [N] or values [N, k]' },
  ],
  example: { params: { name: 'iris.csv', features: [4], task: 'classification', classes: 3 }, inputs: {} },
  dataSource: (params) => ({ origin: 'browser', dataset: `local:${params.name}` }),
  lower(ctx) {
    const { features, task, targets } = ctx.params;
    // Loaded data has concrete sizes; a symbol here could never match it.
    const symbol = features.find((d) => typeof d === 'string');
    if (symbol !== undefined) return ctx.fail('invalid-graph', `features [${features.join(', ')}] has the symbol ${symbol}; loaded data has fixed sizes per sample`, { param: 'features' });
    const labels = task === 'classification'
      ? ctx.b.op('input', [], { name: `${ctx.node.id}.labels`, shape: ['N'], dtype: 'i32' })
      : ctx.b.op('input', [], { name: `${ctx.node.id}.labels`, shape: ['N', targets], dtype: 'f32' });
    return {
      features: ctx.b.op('input', [], { name: `${ctx.node.id}.features`, shape: ['N', ...features], dtype: 'f32' }),
      labels,
    };
  },
});
