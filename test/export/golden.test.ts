/**
 * Every exporter's text against its golden file (test/fixtures/export/golden/<case>/): the canonical JSON, the
 * TypeScript module, model.py and train.py, and the ONNX model as text. The golden files are checked by running
 * them — the TypeScript round trip and onnxruntime in this folder's tests, model.py through PyTorch
 * (pytorch-parity.test.ts), train.py by hand (see engine/export/README.md) — and rewritten with
 * `npx tsx test/fixtures/export/make-export-fixtures.ts`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeOnnx, exportJson, exportOnnx, exportPytorch, exportTypeScript } from '../../engine/export/index.ts';
import { CATALOG } from '../../nodes/index.ts';
import { EXPORT_CASES, GOLDEN_IMPORT, goldenFolder, loadCase } from './export-cases.ts';

const golden = (folder: string, name: string): string => readFileSync(join(folder, name), 'utf8');

describe.each(EXPORT_CASES)('golden exports: $name', (c) => {
  const doc = loadCase(c);
  const folder = goldenFolder(c);

  it('JSON', () => expect(exportJson(doc)).toBe(golden(folder, 'graph.json')));
  it('TypeScript', () => expect(exportTypeScript(doc, { importFrom: GOLDEN_IMPORT })).toBe(golden(folder, 'model.ts')));
  it('ONNX', () => expect(describeOnnx(exportOnnx(doc, CATALOG))).toBe(golden(folder, 'model.onnx.txt')));
  it('PyTorch', () => {
    const { files } = exportPytorch(doc, CATALOG);
    const pythonFiles = readdirSync(folder).filter((f) => f.endsWith('.py')).sort();
    expect([...files.keys()].sort()).toEqual(pythonFiles);
    for (const [name, text] of files) expect(text, name).toBe(golden(folder, name));
  });
});
