/**
 * The "Your data" node (local_data) as a data source: its lowering gives the shapes its params describe, training
 * plans it like a Dataset node (by the kinds' dataSource declaration), the Trainer trains on data handed to it by
 * node id, and the command line and the PyTorch export refuse it with a message naming the node.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../engine/backends/cpu/cpu-backend.ts';
import { parseArgs } from '../../engine/cli/args.ts';
import { TRAIN_VALUED_FLAGS, trainCommand } from '../../engine/cli/train.ts';
import { analyze } from '../../engine/compile/analyze.ts';
import { exportPytorch } from '../../engine/export/pytorch/export-pytorch.ts';
import type { ParamValue } from '../../engine/graph/types.ts';
import { resolveTrainingSettings } from '../../engine/train/settings.ts';
import { Trainer } from '../../engine/train/trainer.ts';
import { planTraining } from '../../engine/train/training-plan.ts';
import { CATALOG } from '../../nodes/index.ts';
import { graph } from '../helpers/doc.ts';

/** Your data → Linear → cross-entropy (or MSE) ← labels, minimised by SGD. */
function classifier(params: Record<string, ParamValue>, out: number, loss = 'cross_entropy') {
  return graph(['mine', 'local_data', params], ['fc', 'linear', { in_features: 4, out_features: out }], ['loss', loss], ['opt', 'sgd', { lr: 0.1 }])
    .link('mine.features', 'fc.x').link('fc.y', 'loss.input').link('mine.labels', 'loss.target').link('loss.loss', 'opt.loss').doc;
}

describe('the local_data node', () => {
  it('lowers to the feature shape its params give, with i32 class labels [N] for classification', () => {
    const doc = classifier({ name: 'iris.csv', features: [4], classes: 3 }, 3);
    const analysis = analyze(doc, CATALOG);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const outputs = analysis.nodes.get('mine')!.outputs;
    expect(outputs['features']).toMatchObject({ shape: ['N', 4], dtype: 'f32' });
    expect(outputs['labels']).toMatchObject({ shape: ['N'], dtype: 'i32' });
  });

  it('gives f32 labels [N, targets] for regression, and image features as [N, C, H, W]', () => {
    const regression = analyze(graph(['mine', 'local_data', { features: [1, 8, 8], task: 'regression', targets: 3 }]).doc, CATALOG);
    const outputs = regression.nodes.get('mine')!.outputs;
    expect(outputs['features']).toMatchObject({ shape: ['N', 1, 8, 8], dtype: 'f32' });
    expect(outputs['labels']).toMatchObject({ shape: ['N', 3], dtype: 'f32' });
  });

  it('refuses a symbol in the per-sample feature shape, on the features param', () => {
    const analysis = analyze(graph(['mine', 'local_data', { features: ['T', 4] }]).doc, CATALOG);
    const error = analysis.diagnostics.find((d) => d.severity === 'error');
    expect(error).toMatchObject({ node: 'mine', param: 'features' });
    expect(error!.message).toContain('T');
  });
});

describe('training plans', () => {
  it('list Dataset and Your-data nodes as data sources, each with its origin and input names', () => {
    const doc = graph(['points', 'dataset', { dataset: 'moons' }], ['mine', 'local_data', { name: 'table.csv' }], ['pics', 'dataset', { dataset: 'digits', layout: 'image' }]).doc;
    const plan = planTraining(doc, CATALOG);
    expect(plan.datasets).toEqual([
      { node: 'points', dataset: 'moons', origin: 'built-in', layout: 'flat', featuresInput: 'points.features', labelsInput: 'points.labels' },
      { node: 'mine', dataset: 'local:table.csv', origin: 'browser', featuresInput: 'mine.features', labelsInput: 'mine.labels' },
      { node: 'pics', dataset: 'digits', origin: 'built-in', layout: 'image', featuresInput: 'pics.features', labelsInput: 'pics.labels' },
    ]);
    expect(plan.inputs).toEqual([]);
  });

  it('let the Trainer train on data handed to it by the node id', async () => {
    const doc = classifier({ name: 'two.csv', features: [4], classes: 2 }, 2);
    // Two separable classes: the sign of the first feature.
    const rows = 64;
    const features = Float32Array.from({ length: rows * 4 }, (_, i) => ((i >> 2) % 2 === 0 ? 1 : -1) * (i % 4 === 0 ? 1 : 0.1));
    const labels = Int32Array.from({ length: rows }, (_, n) => (n % 2 === 0 ? 1 : 0));
    const data = { mine: { train: { features: { shape: [rows, 4], dtype: 'f32' as const, data: features }, labels: { shape: [rows], dtype: 'i32' as const, data: labels } } } };
    const backend = createCpuBackend({ precision: 'f32' });
    const trainer = Trainer.create(doc, CATALOG, { backend, settings: resolveTrainingSettings(undefined, { epochs: 5, batchSize: 16, validationSplit: 0 }), data });
    try {
      const result = await trainer.fit();
      expect(result.epochs).toHaveLength(5);
      expect(result.epochs.at(-1)!.train['loss']!.metrics!.accuracy).toBe(1);
    } finally {
      trainer.dispose();
      backend.dispose();
    }
  });
});

describe('outside the browser', () => {
  it('netloom train stops with exit code 2 and names the node that reads browser data', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'netloom-local-')), 'graph.json');
    writeFileSync(file, JSON.stringify(classifier({ name: 'iris.csv', features: [4], classes: 3 }, 3)));
    const out: string[] = [], err: string[] = [];
    const code = await trainCommand(file, parseArgs([], new Set(TRAIN_VALUED_FLAGS)), CATALOG, { out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/node mine reads data loaded in the browser/);
  });

  it('the PyTorch export writes model.py only, saying which node reads browser data', () => {
    const project = exportPytorch(classifier({ name: 'iris.csv', features: [4], classes: 3 }, 3), CATALOG);
    expect([...project.files.keys()]).toEqual(['model.py']);
    expect(project.datasets).toEqual([]);
    expect(project.untrainable).toMatch(/node mine reads data loaded in the browser/);
  });
});
