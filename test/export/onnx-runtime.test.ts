/**
 * The ONNX export in onnxruntime-node: for every parity case, the model's outputs equal netloom's eval-mode
 * outputs (`netloom run`) for the same weights and inputs within 1e-4. Where Python's `onnx` package is installed
 * (Debian: python3-onnx), every exported model must also pass onnx.checker with full shape inference; without it
 * that check is reported as skipped, never passed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import type { HostTensor } from '../../engine/backends/backend.ts';
import { createCpuBackend } from '../../engine/backends/cpu/cpu-backend.ts';
import { createRunner } from '../../engine/backends/executor.ts';
import { exportOnnx } from '../../engine/export/index.ts';
import { lowerForExport, portKey } from '../../engine/export/lowered-graph.ts';
import { CATALOG } from '../../nodes/index.ts';
import { EXPORT_CASES, loadCase } from './export-cases.ts';
import { evalProgram, parityInputs, parityWeights } from './parity-data.ts';

const ortTensor = (t: HostTensor): ort.Tensor => new ort.Tensor(t.dtype === 'f32' ? 'float32' : 'int32', t.data, t.shape);

describe.each(EXPORT_CASES.filter((c) => c.parity))('ONNX in onnxruntime: $name', (c) => {
  it('gives netloom’s outputs within 1e-4', async () => {
    const doc = loadCase(c);
    const weights = await parityWeights(c, doc);
    const program = evalProgram(doc);
    const inputs = parityInputs(program);
    const session = await ort.InferenceSession.create(exportOnnx(doc, CATALOG, { weights }));
    const results = await session.run(Object.fromEntries(session.inputNames.map((name) => [name, ortTensor(inputs.get(name)!)])));

    const runner = createRunner(createCpuBackend({ precision: 'f32' }), program);
    try {
      for (const [name, tensor] of weights) if (runner.stateNames.includes(name)) runner.setState(name, tensor);
      await runner.run(Object.fromEntries(inputs), { seed: 0 });
      const { results: expected } = lowerForExport(doc, CATALOG);
      expect(session.outputNames).toEqual(expected.map((r) => r.name));
      for (const result of expected) {
        const mine = await runner.read(portKey(result.source));
        const theirs = results[result.name]!;
        expect([...theirs.dims], result.name).toEqual(mine.shape);
        const data = theirs.data as Float32Array;
        const worst = Math.max(...Array.from(data, (x, i) => Math.abs(x - mine.data[i]!)));
        expect(worst, result.name).toBeLessThanOrEqual(1e-4);
      }
    } finally {
      runner.dispose();
    }
  });
});

/** A python3 that can `import onnx`: PATH's first, then Debian's. */
function pythonWithOnnx(): string | undefined {
  return ['python3', '/usr/bin/python3'].find((python) => spawnSync(python, ['-c', 'import onnx'], { stdio: 'ignore' }).status === 0);
}

const python = pythonWithOnnx();

describe('ONNX checker', () => {
  it.skipIf(python === undefined)('accepts every exported model (onnx.checker, full check)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'netloom-onnx-'));
    try {
      const files = EXPORT_CASES.map((c) => {
        const file = join(folder, `${c.name}.onnx`);
        writeFileSync(file, exportOnnx(loadCase(c), CATALOG));
        return file;
      });
      const script = 'import sys, onnx\nfor f in sys.argv[1:]:\n    onnx.checker.check_model(onnx.load(f), full_check=True)\nprint("ok")';
      expect(execFileSync(python!, ['-c', script, ...files], { encoding: 'utf8' }).trim()).toBe('ok');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
