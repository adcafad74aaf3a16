/** The formats `netloom export --to` writes, in the order the help lists them. */
export const EXPORT_TARGETS = ['json', 'ts', 'pytorch', 'onnx'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

export const isExportTarget = (name: string): name is ExportTarget => (EXPORT_TARGETS as readonly string[]).includes(name);
