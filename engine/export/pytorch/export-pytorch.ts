/**
 * The PyTorch export: model.py always, and train.py when the graph trains (an optimizer, and Dataset nodes for its
 * data). Pure: text in, text out; the dataset files train.py reads come from dataFiles() (data-files.ts).
 */
import type { Catalog } from '../../compile/node-kind.ts';
import type { GraphDocument } from '../../graph/types.ts';
import { planTraining } from '../../train/training-plan.ts';
import { lowerForExport } from '../lowered-graph.ts';
import { emitModel } from './emit-model.ts';
import { emitTrain } from './emit-train.ts';
import { planPython } from './python-plan.ts';

export interface PytorchProject {
  /** File name → Python source. */
  readonly files: ReadonlyMap<string, string>;
  /** netloom weight name → state_dict key, for every weight and buffer (equal unless a node id was sanitised). */
  readonly weightNames: ReadonlyMap<string, string>;
  /** Built-in datasets train.py reads from data/<id>/, by id. */
  readonly datasets: readonly string[];
  /** Why there is no train.py, when there is none. */
  readonly untrainable?: string;
}

export function exportPytorch(doc: GraphDocument, catalog: Catalog): PytorchProject {
  const plan = planPython(lowerForExport(doc, catalog));
  const model = emitModel(plan);
  const training = planTraining(doc, catalog);
  const files = new Map([['model.py', model.text]]);
  const browserData = training.datasets.find((d) => d.origin === 'browser');
  const untrainable = training.optimizers.length === 0
    ? 'the graph has no optimizer'
    : training.datasets.length === 0 || training.inputs.length > 0 ? 'training reads its data from Dataset nodes only'
    : browserData ? `node ${browserData.node} reads data loaded in the browser, which stays there; use a Dataset node to export train.py` : undefined;
  if (untrainable === undefined) files.set('train.py', emitTrain({ plan, catalog, forwardSymbols: model.forwardSymbols }));
  return {
    files,
    weightNames: plan.weightNames,
    datasets: untrainable === undefined ? [...new Set(training.datasets.map((d) => d.dataset))] : [],
    ...(untrainable === undefined ? {} : { untrainable }),
  };
}
