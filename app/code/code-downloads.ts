/**
 * The code panel's downloads: the shown tab as a file, the ONNX model, and the PyTorch project as a zip. Once the
 * Train drawer has a run, ONNX and the zip carry its model's weights (as trained so far); before that, ONNX has the
 * graph's initial weights for its seed and the zip no weights file, so exporting never starts a training session.
 */
import type { Catalog } from '../../engine/compile/node-kind.ts';
import { exportOnnx } from '../../engine/export/index.ts';
import { lowerForExport } from '../../engine/export/lowered-graph.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { readSafetensors } from '../../engine/io/safetensors.ts';
import { checkWeights } from '../../engine/train/check-weights.ts';
import { download } from '../files/download.ts';
import { graphFileStem } from '../files/graph-file.ts';
import { readShippedFile } from '../training/shipped-files.ts';
import type { RunRecord, TrainingStore } from '../training/training-store.ts';
import { CODE_TAB_INFO, type CodeTab } from './code-views.ts';
import { pytorchProjectZip, type DescribedWeights } from './pytorch-zip.ts';

const TAB_MIME: Record<CodeTab, string> = { json: 'application/json', typescript: 'text/typescript', pytorch: 'text/x-python', ir: 'text/plain' };

/** How many problems a "weights do not fit" message lists before it stops. */
const LISTED_PROBLEMS = 3;

export function downloadTab(tab: CodeTab, text: string): void {
  download(CODE_TAB_INFO[tab].fileName, text, TAB_MIME[tab]);
}

/** Which weights the ONNX and PyTorch downloads carry, given the Train drawer's last run (if any). */
export function weightsDescription(run: RunRecord | undefined): string {
  if (!run) return 'initial weights';
  const count = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;
  // A paused first epoch has steps but no epoch report yet.
  const trained = run.epochs.length > 0 ? count(run.epochs.length, 'epoch') : run.steps.x.length > 0 ? count(run.steps.x.length, 'step') : undefined;
  return trained === undefined ? `weights of run ${run.id}, before its first step` : `trained weights, run ${run.id} (${trained})`;
}

/** The model with the Train drawer's weights once a run exists, else with the graph's initial weights for its seed. */
export async function downloadOnnx(doc: GraphDocument, catalog: Catalog, training: TrainingStore): Promise<void> {
  const weights = await drawerWeights(doc, catalog, training);
  const bytes = exportOnnx(doc, catalog, weights ? { weights: weights.tensors } : {});
  download(`${graphFileStem(doc)}.onnx`, bytes as Uint8Array<ArrayBuffer>, 'application/octet-stream');
}

export async function downloadPytorchProject(doc: GraphDocument, catalog: Catalog, training: TrainingStore): Promise<void> {
  const weights = await drawerWeights(doc, catalog, training);
  const zip = await pytorchProjectZip(doc, catalog, { readFile: readShippedFile, ...(weights ? { weights } : {}) });
  download(`${graphFileStem(doc)}-pytorch.zip`, zip as Uint8Array<ArrayBuffer>, 'application/zip');
}

/**
 * The weights of the Train drawer's model, when it has a run; undefined before the first run, so that a download
 * does not build a training session (and a run on the drawer's chart) just to read initial weights.
 */
async function drawerWeights(doc: GraphDocument, catalog: Catalog, training: TrainingStore): Promise<DescribedWeights | undefined> {
  const run = training.getState().runs.at(-1);
  if (!run) return undefined;
  const description = weightsDescription(run);
  const { tensors } = readSafetensors(await training.getState().saveWeights(), 'the Train drawer’s weights');
  // The drawer keeps a run's model after the graph is edited (its views still probe it), so the weights may belong
  // to an earlier version of the graph.
  const problems = checkWeights([lowerForExport(doc, catalog).program], tensors);
  if (problems.length > 0) {
    const listed = problems.slice(0, LISTED_PROBLEMS).join('; ') + (problems.length > LISTED_PROBLEMS ? '; …' : '');
    throw new Error(`run ${run.id}'s weights do not fit the graph as it is now (${listed}); train it again in the Train drawer to export them`);
  }
  return { tensors, description };
}
