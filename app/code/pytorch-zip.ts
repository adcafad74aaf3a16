/**
 * The PyTorch project as one zip file: the project the command line writes (model.py, train.py when the graph trains,
 * the built-in datasets as data/<dataset>/*.npy, weights.safetensors when weights are given) plus a README.md that
 * says what is in it and how to run it.
 */
import { strToU8, zipSync } from 'fflate';
import type { HostTensor } from '../../engine/backends/backend.ts';
import type { Catalog } from '../../engine/compile/node-kind.ts';
import type { ReadDatasetFile } from '../../engine/data/loaded-dataset.ts';
import { pytorchProjectFiles, WEIGHTS_FILE, type PytorchProject } from '../../engine/export/index.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';

/** Weights by state_dict name, with words for the user saying which they are ("trained weights, run 2 (1 epoch)"). */
export interface DescribedWeights {
  readonly tensors: ReadonlyMap<string, HostTensor>;
  readonly description: string;
}

export interface PytorchZipOptions {
  /** Reads the shipped dataset files (a fetch in the page, Node's file system in tests). */
  readonly readFile: ReadDatasetFile;
  readonly weights?: DescribedWeights;
}

export async function pytorchProjectZip(doc: GraphDocument, catalog: Catalog, options: PytorchZipOptions): Promise<Uint8Array> {
  const { project, files } = await pytorchProjectFiles(doc, catalog, { readFile: options.readFile, weights: options.weights?.tensors });
  const entries: Record<string, Uint8Array> = {};
  for (const [name, content] of files) entries[name] = typeof content === 'string' ? strToU8(content) : content;
  entries['README.md'] = strToU8(readme(project, options.weights?.description));
  return zipSync(entries);
}

function readme(project: PytorchProject, weights: string | undefined): string {
  const lines = ['# PyTorch project exported from netloom', '', '`model.py` holds the model (`Model`, an `nn.Module`); `load_netloom_weights(model, path)` reads netloom\'s safetensors.', ''];
  if (weights !== undefined) lines.push(`\`${WEIGHTS_FILE}\`: the ${weights}, from the browser's Train drawer. Load them with \`load_netloom_weights(Model(), "${WEIGHTS_FILE}")\`.`, '');
  if (project.untrainable !== undefined) lines.push(`There is no train.py: ${project.untrainable}.`);
  else {
    lines.push(`\`train.py\` trains it: \`python train.py --epochs 2\` (or under \`torchrun\`)${weights !== undefined ? `; \`--weights ${WEIGHTS_FILE}\` starts from the weights above` : ''}.`, '');
    lines.push(`It reads the datasets (${project.datasets.join(', ')}) from \`data/<dataset>/\`: features and labels as \`.npy\`, exactly as netloom loads them.`);
  }
  return `${lines.join('\n')}\n`;
}
