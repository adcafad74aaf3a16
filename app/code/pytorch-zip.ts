/**
 * The PyTorch project as one zip file: model.py, train.py when the graph trains, and a README.md. The dataset files
 * train.py reads (data/<dataset>/*.npy) are left out: loading the datasets needs Node's file system, so the README
 * says how to add them with `netloom export`.
 */
import { strToU8, zipSync } from 'fflate';
import type { Catalog } from '../../engine/compile/node-kind.ts';
import { exportPytorch } from '../../engine/export/index.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';

export function pytorchProjectZip(doc: GraphDocument, catalog: Catalog): Uint8Array {
  const project = exportPytorch(doc, catalog);
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of project.files) entries[name] = strToU8(text);
  entries['README.md'] = strToU8(readme(project.datasets, project.untrainable));
  return zipSync(entries);
}

function readme(datasets: readonly string[], untrainable: string | undefined): string {
  const lines = ['# PyTorch project exported from netloom', '', '`model.py` holds the model (`Model`, an `nn.Module`); `load_netloom_weights(model, path)` reads netloom\'s safetensors.', ''];
  if (untrainable !== undefined) lines.push(`There is no train.py: ${untrainable}.`);
  else {
    lines.push('`train.py` trains it: `python train.py --epochs 2` (or under `torchrun`).', '');
    lines.push(`It reads the datasets (${datasets.join(', ')}) from \`data/<dataset>/\`, which the browser export leaves out.`);
    lines.push('Write them with the command line: `npx netloom export graph.json --to pytorch -o project/`.');
  }
  return `${lines.join('\n')}\n`;
}
