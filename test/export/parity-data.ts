/**
 * Weights and inputs for the parity cases: trained with netloom where the case says so (seeded, so every run gives
 * the same numbers), else the graph's initial weights with batch-norm statistics drawn at random so that they
 * matter; inputs drawn from a seeded stream (N = 5), integers below the smallest embedding vocabulary.
 */
import type { HostTensor } from '../../engine/backends/backend.ts';
import { createCpuBackend } from '../../engine/backends/cpu/cpu-backend.ts';
import { initialState } from '../../engine/backends/init-state.ts';
import { lowerGraph } from '../../engine/compile/lower-graph.ts';
import { loadDataset } from '../../engine/data/load-dataset.ts';
import { nodeFileReader } from '../../engine/data/node-files.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import type { OpAttrs } from '../../engine/ir/ops.ts';
import type { Program } from '../../engine/ir/program.ts';
import { SeededRandom } from '../../engine/train/seeded-random.ts';
import { resolveTrainingSettings } from '../../engine/train/settings.ts';
import { Trainer } from '../../engine/train/trainer.ts';
import type { SourceData } from '../../engine/train/data-streams.ts';
import { CATALOG } from '../../nodes/index.ts';
import type { ExportCase } from './export-cases.ts';

export const PARITY_BATCH = 5;

export function evalProgram(doc: GraphDocument): Program {
  const lowered = lowerGraph(doc, CATALOG, { mode: 'eval' });
  if (!lowered.ok) throw new Error(lowered.diagnostics.map((d) => d.message).join('\n'));
  return lowered.program;
}

export async function parityWeights(c: ExportCase, doc: GraphDocument): Promise<Map<string, HostTensor>> {
  if (c.trainEpochs === undefined) {
    const state = initialState(evalProgram(doc), 0);
    const random = new SeededRandom(1, 'batch-norm statistics');
    for (const [name, tensor] of state) {
      if (!name.endsWith('.running_mean') && !name.endsWith('.running_var')) continue;
      const data = Float32Array.from(tensor.data, () => (name.endsWith('_var') ? 0.5 + random.next() : random.next() - 0.5));
      state.set(name, { ...tensor, data });
    }
    return state;
  }
  const settings = resolveTrainingSettings(doc.training, { epochs: c.trainEpochs });
  const data: Record<string, SourceData> = {};
  for (const node of doc.nodes.filter((n) => n.kind === 'dataset')) {
    const layout = node.params['layout'] === 'image' ? 'image' : 'flat';
    data[node.id] = await loadDataset(String(node.params['dataset']), { seed: settings.seed, readFile: nodeFileReader(), layout });
  }
  const trainer = Trainer.create(doc, CATALOG, { backend: createCpuBackend({ precision: 'f32' }), settings, data });
  try {
    await trainer.fit();
    return await trainer.stateDict();
  } finally {
    trainer.dispose();
  }
}

/** One seeded tensor per program input, N = PARITY_BATCH; integers are 0 or 1, valid as any class index or token id. */
export function parityInputs(program: Program): Map<string, HostTensor> {
  const random = new SeededRandom(2, 'parity inputs');
  const inputs = new Map<string, HostTensor>();
  for (const op of program.ops) {
    if (op.op !== 'input') continue;
    const { name, shape, dtype } = op.attrs as OpAttrs['input'];
    const concrete = shape.map((d) => (typeof d === 'string' ? PARITY_BATCH : d));
    const n = concrete.reduce((a, d) => a * d, 1);
    const data = dtype === 'f32' ? Float32Array.from({ length: n }, () => 2 * random.next() - 1) : Int32Array.from({ length: n }, () => random.below(2));
    inputs.set(name, { shape: concrete, dtype, data });
  }
  return inputs;
}
