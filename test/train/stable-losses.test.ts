/**
 * Losses stay finite at extreme logits (|z| = 1e4), in float32: CrossEntropy as log-sum-exp with the row maximum
 * subtracted, BCEWithLogits as max(x,0) − x·y + log(1 + e^{−|x|}). Expected values are worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { differentiate } from '../../engine/autodiff/differentiate.ts';
import type { HostTensor } from '../../engine/backends/backend.ts';
import { createCpuBackend } from '../../engine/backends/cpu/cpu-backend.ts';
import { createRunner } from '../../engine/backends/executor.ts';
import { lowerGraph } from '../../engine/compile/lower-graph.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { CATALOG } from '../../nodes/index.ts';
import { graph } from '../helpers/doc.ts';

async function lossAndGradient(doc: GraphDocument, feeds: Record<string, HostTensor>): Promise<{ loss: number; grad: number[] }> {
  const lowered = lowerGraph(doc, CATALOG);
  if (!lowered.ok) throw new Error(lowered.diagnostics[0]?.message);
  const { program } = lowered;
  const loss = program.outputs['loss:loss']!;
  const logits = program.outputs['z:y']!;
  const { program: withGrad, grads } = differentiate(program, loss, [logits]);
  const runner = createRunner(createCpuBackend({ precision: 'f32' }), withGrad);
  await runner.run(feeds, { keepAll: true });
  const result = { loss: (await runner.read('loss:loss')).data[0]!, grad: Array.from((await runner.readValue(grads.get(logits)!)).data) };
  runner.dispose();
  return result;
}

const f32 = (shape: number[], values: number[]): HostTensor => ({ shape, dtype: 'f32', data: Float32Array.from(values) });

describe('numerically stable losses at |logit| = 1e4', () => {
  it('CrossEntropyLoss: loss and gradient (softmax − one-hot)/N stay finite and exact', async () => {
    const doc = graph(['z', 'input', { shape: ['N', 3] }], ['t', 'input', { shape: ['N'], dtype: 'i32' }], ['loss', 'cross_entropy'])
      .link('z.y', 'loss.input').link('t.y', 'loss.target').doc;
    const r = await lossAndGradient(doc, {
      z: f32([2, 3], [1e4, 0, -1e4, 0, 1e4, 0]),
      t: { shape: [2], dtype: 'i32', data: Int32Array.of(0, 2) },
    });
    // Row 0 picks its maximum (loss 0); row 1 picks a logit 1e4 below its maximum (loss 1e4); the mean is 5000.
    expect(r.loss).toBe(5000);
    expect(r.grad).toEqual([0, 0, 0, 0, 0.5, -0.5]);
  });

  it('BCEWithLogitsLoss: loss and gradient (σ(x) − y)/N stay finite and exact', async () => {
    const doc = graph(['z', 'input', { shape: ['N', 1] }], ['t', 'input', { shape: ['N', 1] }], ['loss', 'bce_with_logits'])
      .link('z.y', 'loss.input').link('t.y', 'loss.target').doc;
    const r = await lossAndGradient(doc, { z: f32([4, 1], [1e4, -1e4, 1e4, -1e4]), t: f32([4, 1], [1, 0, 0, 1]) });
    // Right with certainty costs 0, wrong with certainty costs |x| = 1e4: mean (0 + 0 + 1e4 + 1e4)/4.
    expect(r.loss).toBe(5000);
    expect(r.grad).toEqual([0, 0, 0.25, -0.25]);
  });
});
