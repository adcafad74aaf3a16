/**
 * The graphs the export tests run on, each with its golden files in test/fixtures/export/golden/<name>/. `parity`
 * marks the graphs whose model.py is checked against netloom's outputs (committed PyTorch results) and whose ONNX
 * model is run in onnxruntime: those without random nodes. `trainEpochs` trains the parity weights with netloom, so
 * batch-norm statistics and weights are real trained values rather than their initial constants.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGraph } from '../../engine/graph/parse.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { repositoryRoot } from '../helpers/cli.ts';

export interface ExportCase {
  readonly name: string;
  /** Relative to the repository root. */
  readonly graph: string;
  readonly parity: boolean;
  readonly trainEpochs?: number;
}

export const EXPORT_CASES: readonly ExportCase[] = [
  { name: 'spirals-mlp', graph: 'test/fixtures/train/spirals-mlp.json', parity: true, trainEpochs: 5 },
  { name: 'digits-cnn', graph: 'test/fixtures/export/graphs/digits-cnn.json', parity: true, trainEpochs: 1 },
  { name: 'hostile-ids', graph: 'test/fixtures/export/graphs/hostile-ids.json', parity: true, trainEpochs: 2 },
  { name: 'every-layer', graph: 'test/fixtures/export/graphs/every-layer.json', parity: true },
  { name: 'gan', graph: 'test/fixtures/graphs/gan-two-optimizers.json', parity: false },
];

export const goldenFolder = (c: ExportCase): string => join(repositoryRoot, 'test/fixtures/export/golden', c.name);

/** The golden model.ts files import netloom's API by a relative path, so they type-check and run where they are. */
export const GOLDEN_IMPORT = '../../../../../engine/export/typescript/netloom-api.ts';
export const parityFolder = (c: ExportCase): string => join(repositoryRoot, 'test/fixtures/export/pytorch', c.name);

export function loadCase(c: ExportCase): GraphDocument {
  const parsed = parseGraph(readFileSync(join(repositoryRoot, c.graph), 'utf8'));
  if (!parsed.ok) throw new Error(`${c.graph}: ${JSON.stringify(parsed.errors)}`);
  return parsed.graph;
}
