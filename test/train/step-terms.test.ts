/**
 * Per-step loss terms: an optimizer whose loss adds up several loss nodes has each reported at every step
 * (StepReport.terms, read from the step program's `stepTermOutput` outputs); one that minimises a single loss node
 * has neither the outputs nor the report.
 */
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../engine/backends/cpu/cpu-backend.ts';
import { loadDataset } from '../../engine/data/load-dataset.ts';
import { parseGraph } from '../../engine/graph/parse.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { compileTraining, stepTermOutput } from '../../engine/train/compile-training.ts';
import { resolveTrainingSettings } from '../../engine/train/settings.ts';
import { Trainer, type StepReport } from '../../engine/train/trainer.ts';
import { CATALOG } from '../../nodes/index.ts';
import spiralsMlp from '../fixtures/train/spirals-mlp.json' with { type: 'json' };
import { twoHeads } from '../helpers/two-heads.ts';

/** The spirals dataset's 400 samples, in one batch: every step sees the whole training set. */
const FULL_BATCH = { epochs: 3, batchSize: 400, seed: 5, validationSplit: 0 };

async function trainerFor(doc: GraphDocument): Promise<Trainer> {
  const settings = resolveTrainingSettings(doc.training, {});
  const data = { data: await loadDataset('spirals', { seed: settings.seed }) };
  return Trainer.create(doc, CATALOG, { backend: createCpuBackend({ precision: 'f32' }), settings, data });
}

/** Every step of one epoch. */
async function epochSteps(trainer: Trainer): Promise<StepReport[]> {
  const reports: StepReport[] = [];
  await trainer.runEpoch({ onStep: (report) => void reports.push(report) });
  return reports;
}

const closeRelative = (actual: number, expected: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-5 * Math.abs(expected));
};

const termOutputs = (doc: GraphDocument): string[][] => {
  const compiled = compileTraining(doc, CATALOG);
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.training.steps.map((step) => Object.keys(step.program.outputs).filter((name) => name.startsWith(stepTermOutput(''))));
};

describe('per-step loss terms', () => {
  // opt minimises loss + 2·loss_b: loss_b feeds two of the Add's three inputs.
  const summed = twoHeads({ secondLoss: 'summed', training: FULL_BATCH, secondLossWeight: 2 });

  it('gives a step program an output per loss node its optimizer adds up', () => {
    expect(termOutputs(summed)).toEqual([[stepTermOutput('loss'), stepTermOutput('loss_b')]]);
  });

  it('reports each loss node at every step: its value on the batch before the update, weighted into the optimizer’s loss', async () => {
    const trainer = await trainerFor(summed);
    for (let epoch = 0; epoch < FULL_BATCH.epochs; epoch++) {
      // With the whole training set in the batch and nothing random in the model, a step's terms are the
      // evaluation of each loss node on the training split with the weights before that step.
      const before = (await trainer.evaluate('train'))!;
      const [report, ...more] = await epochSteps(trainer);
      expect(more).toEqual([]);
      expect(Object.keys(report!.terms!).sort()).toEqual(['loss', 'loss_b']);
      const { loss, loss_b } = report!.terms!;
      closeRelative(loss!, before['loss']!.loss);
      closeRelative(loss_b!, before['loss_b']!.loss);
      closeRelative(loss! + 2 * loss_b!, report!.losses['opt']!);
    }
    trainer.dispose();
  });

  it('reports terms at every step of mini-batches too, adding up to the optimizer’s loss', async () => {
    const trainer = await trainerFor({ ...summed, training: { ...FULL_BATCH, batchSize: 64 } });
    const reports = await epochSteps(trainer);
    expect(reports).toHaveLength(Math.ceil(400 / 64));
    for (const { terms, losses } of reports) closeRelative(terms!['loss']! + 2 * terms!['loss_b']!, losses['opt']!);
    trainer.dispose();
  });

  it('reports no terms where every optimizer minimises a single loss node', async () => {
    const parsed = parseGraph(spiralsMlp);
    if (!parsed.ok) throw new Error('fixture does not parse');
    const single = { ...parsed.graph, training: FULL_BATCH };
    const ownOptimizers = twoHeads({ secondLoss: 'own optimizer', training: FULL_BATCH });
    for (const doc of [single, ownOptimizers]) {
      expect(termOutputs(doc).flat()).toEqual([]);
      const trainer = await trainerFor(doc);
      const reports = await epochSteps(trainer);
      expect(reports.length).toBeGreaterThan(0);
      for (const report of reports) expect(report).not.toHaveProperty('terms');
      trainer.dispose();
    }
  });
});
