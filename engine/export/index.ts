/**
 * The exporters' public API. Each is a pure function of the document (and the node catalog), so the editor calls
 * them in the browser and the command line (engine/cli/export.ts) in Node; only typescript/netloom-api.ts, which
 * exported TypeScript modules import, is Node-only.
 */
export { ExportError } from './export-error.ts';
export { EXPORT_TARGETS, isExportTarget, type ExportTarget } from './targets.ts';
export { serializeGraph as exportJson } from '../graph/serialize.ts';
export { exportTypeScript, type TypeScriptExportOptions } from './typescript/export-typescript.ts';
export { exportPytorch, type PytorchProject } from './pytorch/export-pytorch.ts';
export { dataFiles } from './pytorch/data-files.ts';
export { pytorchProjectFiles, WEIGHTS_FILE, type PytorchProjectFiles, type PytorchProjectOptions } from './pytorch/project-files.ts';
export { exportOnnx, ONNX_OPSET, type OnnxExportOptions } from './onnx/export-onnx.ts';
export { describeOnnx } from './onnx/onnx-text.ts';
