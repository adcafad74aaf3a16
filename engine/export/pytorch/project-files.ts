/**
 * Every file of an exported PyTorch project: model.py and train.py (export-pytorch.ts), the built-in datasets
 * train.py reads as data/<id>/*.npy (data-files.ts), and weights.safetensors when weights are given. The command
 * line writes them to a folder and the editor zips them, so both hand out the same project. Datasets read from
 * shipped files come through `readFile`: Node's file system in the CLI, a fetch from the app's origin in the page.
 */
import type { HostTensor } from '../../backends/backend.ts';
import type { Catalog } from '../../compile/node-kind.ts';
import { loadDataset } from '../../data/load-dataset.ts';
import type { ReadDatasetFile } from '../../data/loaded-dataset.ts';
import type { GraphDocument } from '../../graph/types.ts';
import { writeSafetensors } from '../../io/safetensors.ts';
import { dataFiles } from './data-files.ts';
import { exportPytorch, type PytorchProject } from './export-pytorch.ts';

export const WEIGHTS_FILE = 'weights.safetensors';

export interface PytorchProjectOptions {
  readonly readFile: ReadDatasetFile;
  /** Weights and buffers by state_dict name, checked against the graph by the caller. */
  readonly weights?: ReadonlyMap<string, HostTensor>;
}

export interface PytorchProjectFiles {
  readonly project: PytorchProject;
  /** Path inside the project → contents (Python source as text, data and weights as bytes). */
  readonly files: ReadonlyMap<string, string | Uint8Array>;
}

export async function pytorchProjectFiles(doc: GraphDocument, catalog: Catalog, options: PytorchProjectOptions): Promise<PytorchProjectFiles> {
  const project = exportPytorch(doc, catalog);
  const files = new Map<string, string | Uint8Array>(project.files);
  const loaded = await Promise.all(project.datasets.map((id) => loadDataset(id, { readFile: options.readFile })));
  for (const [name, bytes] of dataFiles(loaded)) files.set(name, bytes);
  // The same metadata as every weights file netloom saves (CLI and Train drawer), so the bytes match theirs.
  if (options.weights) files.set(WEIGHTS_FILE, writeSafetensors(options.weights, [['format', 'pt']]));
  return { project, files };
}
