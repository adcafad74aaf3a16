/**
 * Answers the page's probe requests (protocol.ts) from the worker's trainer: what the views draw — the decision
 * boundary, the fitted curve, the confusion matrix, test images with predictions, histograms, one node's output.
 * Runs inside TrainingSession.exclusive, between two steps.
 */
import type { HostTensor } from '../../engine/backends/backend.ts';
import { histogram, type Histogram } from '../../engine/train/histogram.ts';
import { decisionGrid, fittedCurve } from '../../engine/train/probes.ts';
import { sampleCount, takeRows } from '../../engine/train/rows.ts';
import type { Trainer } from '../../engine/train/trainer.ts';
import type { ConfusionResult, HistogramsResult, NodeOutputResult, PredictionsResult, ProbeRequest, ProbeResult } from './protocol.ts';

type Split = 'train' | 'validation' | 'test';

export async function runProbe(trainer: Trainer, request: ProbeRequest): Promise<ProbeResult> {
  switch (request.kind) {
    case 'decision-grid':
      return { kind: 'decision-grid', grid: await decisionGrid(trainer, request.resolution) };
    case 'fitted-curve':
      return { kind: 'fitted-curve', curve: await fittedCurve(trainer) };
    case 'points':
      return { kind: 'points', points: firstRows(trainer.trainingData, request.max) };
    case 'confusion':
      return { kind: 'confusion', confusion: await confusion(trainer, request.split) };
    case 'predictions':
      return { kind: 'predictions', predictions: await predictions(trainer, request.split, request.count) };
    case 'histograms':
      return { kind: 'histograms', histograms: await histograms(trainer, request.rows, request.bins) };
    case 'node-output':
      return { kind: 'node-output', output: await nodeOutput(trainer, request.node, request.split, request.sample) };
  }
}

function firstRows(rows: { features: HostTensor; labels: HostTensor }, max: number): { features: HostTensor; labels: HostTensor } {
  const n = Math.min(max, sampleCount(rows.features));
  const all = Int32Array.from({ length: n }, (_, i) => i);
  return { features: takeRows(rows.features, all), labels: takeRows(rows.labels, all) };
}

/** The first loss whose prediction is class scores: what the confusion matrix and the image grid are about. */
function classLoss(trainer: Trainer) {
  return trainer.compiled.plan.losses.find((l) => l.reads === 'class-scores');
}

function splitRows(trainer: Trainer, split: Split) {
  const rows = trainer.rowsOf(split);
  if (!rows) throw new Error(`this run has no ${split} split${split === 'validation' ? ' (set a validation fraction in the run panel)' : ''}`);
  return rows;
}

async function confusion(trainer: Trainer, split: Split): Promise<ConfusionResult | undefined> {
  const loss = classLoss(trainer);
  if (!loss) return undefined;
  splitRows(trainer, split);
  const metrics = (await trainer.evaluate(split))?.[loss.node]?.metrics;
  if (!metrics?.classification) return undefined;
  return { split, loss: loss.node, accuracy: metrics.classification.accuracy, classification: metrics.classification };
}

async function predictions(trainer: Trainer, split: Split, count: number): Promise<PredictionsResult | undefined> {
  const loss = classLoss(trainer);
  if (!loss) return undefined;
  const rows = firstRows(splitRows(trainer, split), count);
  const scores = (await trainer.inspect(rows)).get(loss.prediction)!;
  const n = sampleCount(rows.features), classes = scores.shape[1]!;
  const predicted = new Int32Array(n), confidence = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let k = 1; k < classes; k++) if (scores.data[i * classes + k]! > scores.data[i * classes + best]!) best = k;
    // Softmax of the winner: exp(0) over the sum of exp(s_k − s_best), stable for logits and log-probabilities alike.
    let sum = 0;
    for (let k = 0; k < classes; k++) sum += Math.exp(scores.data[i * classes + k]! - scores.data[i * classes + best]!);
    predicted[i] = best;
    confidence[i] = 1 / sum;
  }
  return { split, features: rows.features, predicted, truth: Int32Array.from(rows.labels.data), confidence };
}

async function histograms(trainer: Trainer, rowCount: number, bins: number): Promise<HistogramsResult> {
  const weights: Record<string, Histogram> = {};
  for (const [name, tensor] of await trainer.stateDict()) weights[name] = histogram(tensor.data, bins);
  const activations: Record<string, Histogram> = {};
  for (const [name, tensor] of await trainer.inspect(firstRows(trainer.trainingData, rowCount))) {
    // Scalars (loss values) say nothing as a histogram.
    if (tensor.data.length > 1) activations[name] = histogram(tensor.data, bins);
  }
  const counts = Object.values(trainer.updateCounts());
  return { step: counts[0] ?? 0, epoch: trainer.epoch, weights, activations, gradientNorms: await trainer.gradientNorms() };
}

async function nodeOutput(trainer: Trainer, node: string, split: Split, sample: number): Promise<NodeOutputResult> {
  const rows = splitRows(trainer, split);
  const n = sampleCount(rows.features);
  if (!Number.isInteger(sample) || sample < 0 || sample >= n) throw new Error(`sample ${sample} is out of range: the ${split} split has ${n} samples (0 to ${n - 1})`);
  const one = { features: takeRows(rows.features, [sample]), labels: takeRows(rows.labels, [sample]) };
  const all = await trainer.inspect(one);
  const outputs: Record<string, HostTensor> = {};
  for (const [name, tensor] of all) {
    const colon = name.lastIndexOf(':');
    if (name.slice(0, colon) !== node) continue;
    // Per-sample outputs lose their batch dimension; a reduced one (a loss value) stays as it is.
    outputs[name.slice(colon + 1)] = tensor.shape[0] === 1 && tensor.shape.length > 1 ? { ...tensor, shape: tensor.shape.slice(1) } : tensor;
  }
  if (Object.keys(outputs).length === 0) throw new Error(`node ${node} has no output in the trained program (is it connected to the model?)`);
  return { node, sample, split, outputs, input: { ...one.features, shape: one.features.shape.slice(1) }, label: { ...one.labels, shape: one.labels.shape.slice(1) } };
}
