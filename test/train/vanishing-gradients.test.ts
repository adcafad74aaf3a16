/**
 * The lesson behind the three deep-MLP templates: in eight Linear layers with sigmoids between them the gradient
 * reaching the first layer is vanishingly small next to the last layer's, and shrinks layer by layer; with ReLU and
 * He initialisation at the same depth it keeps its size, and the network learns the spirals; with the sigmoids kept
 * but a residual connection around each block, it keeps its size too.
 */
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../engine/backends/cpu/cpu-backend.ts';
import { loadDataset } from '../../engine/data/load-dataset.ts';
import { resolveTrainingSettings } from '../../engine/train/settings.ts';
import { Trainer } from '../../engine/train/trainer.ts';
import { CATALOG } from '../../nodes/index.ts';
import { openTemplate, TEMPLATES } from '../../app/templates/templates.ts';

const LAYERS = ['fc1', 'fc2', 'fc3', 'fc4', 'fc5', 'fc6', 'fc7', 'fc8'];
const EPOCHS = 25;

/** Trains a template for EPOCHS epochs (13 steps each) and returns each layer's weight-gradient norm and the accuracy. */
async function train(templateId: string): Promise<{ norms: number[]; accuracy: number; steps: number }> {
  const parsed = openTemplate(TEMPLATES.find((t) => t.id === templateId)!);
  if (!parsed.ok) throw new Error(`template ${templateId} does not load`);
  const doc = parsed.graph;
  const settings = resolveTrainingSettings(doc.training, { epochs: EPOCHS });
  const data = { data: await loadDataset('spirals', { seed: settings.seed }) };
  const trainer = Trainer.create(doc, CATALOG, { backend: createCpuBackend({ precision: 'f32' }), settings, data });
  for (let epoch = 0; epoch < EPOCHS; epoch++) await trainer.runEpoch();
  const gradients = await trainer.gradientNorms();
  const accuracy = (await trainer.evaluate('train'))!['loss']!.metrics!.classification!.accuracy;
  const steps = trainer.updateCounts()['opt']!;
  trainer.dispose();
  return { norms: LAYERS.map((layer) => gradients[`${layer}.weight`]!), accuracy, steps };
}

describe('vanishing gradients (the deep MLP templates)', () => {
  it('sigmoid stack: the first layer gets a gradient over a thousand times smaller than the last, shrinking layer by layer, and it does not learn', async () => {
    const { norms, accuracy, steps } = await train('deep-sigmoid-spirals');
    expect(steps).toBeGreaterThanOrEqual(300);
    expect(norms.every((n) => Number.isFinite(n) && n > 0)).toBe(true);
    expect(norms[0]! / norms[7]!).toBeLessThan(1e-3);
    // From the second layer on each layer's gradient is smaller than the next one's (the first two sit near the
    // float32 noise floor, where their order is not stable).
    for (let i = 1; i < 7; i++) expect(norms[i], `${LAYERS[i]} < ${LAYERS[i + 1]}`).toBeLessThan(norms[i + 1]!);
    // Two balanced classes: a model that learned nothing is right about half the time.
    expect(accuracy).toBeLessThan(0.65);
  });

  it('ReLU + He init at the same depth: the first layer’s gradient stays within a small factor of the last’s, and it learns', async () => {
    const { norms, accuracy } = await train('deep-relu-he-spirals');
    expect(norms[0]! / norms[7]!).toBeGreaterThan(1e-2);
    const spread = Math.max(...norms) / Math.min(...norms);
    expect(spread).toBeLessThan(100);
    expect(accuracy).toBeGreaterThan(0.9);
  });

  it('the same sigmoids with a skip around each block: the first layer’s gradient stays within a small factor of the last’s', async () => {
    // Not asked to learn the spirals: sigmoids still learn slowly; the skips fix the gradient's path, not that.
    const { norms } = await train('deep-sigmoid-residual-spirals');
    expect(norms[0]! / norms[7]!).toBeGreaterThan(1e-2);
    const spread = Math.max(...norms) / Math.min(...norms);
    expect(spread).toBeLessThan(100);
  });
});
