/** The code panel's downloads: the shown tab as a file, the ONNX model, and the PyTorch project as a zip. */
import type { Catalog } from '../../engine/compile/node-kind.ts';
import { exportOnnx } from '../../engine/export/index.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { download } from '../files/download.ts';
import { graphFileStem } from '../files/graph-file.ts';
import { CODE_TAB_INFO, type CodeTab } from './code-views.ts';
import { pytorchProjectZip } from './pytorch-zip.ts';

const TAB_MIME: Record<CodeTab, string> = { json: 'application/json', typescript: 'text/typescript', pytorch: 'text/x-python', ir: 'text/plain' };

export function downloadTab(tab: CodeTab, text: string): void {
  download(CODE_TAB_INFO[tab].fileName, text, TAB_MIME[tab]);
}

/** The model with the graph's initial weights for its seed (the browser has no trained weights to give it). */
export function downloadOnnx(doc: GraphDocument, catalog: Catalog): void {
  download(`${graphFileStem(doc)}.onnx`, exportOnnx(doc, catalog) as Uint8Array<ArrayBuffer>, 'application/octet-stream');
}

export function downloadPytorchProject(doc: GraphDocument, catalog: Catalog): void {
  download(`${graphFileStem(doc)}-pytorch.zip`, pytorchProjectZip(doc, catalog) as Uint8Array<ArrayBuffer>, 'application/zip');
}
