/**
 * model.py against netloom: for each parity case, PyTorch's outputs (committed in torch-outputs.json by
 * test/fixtures/export/make_pytorch_parity.py, which loads the golden model.py and netloom's weights with
 * strict=True) equal netloom's eval-mode outputs for the same weights and inputs within 1e-4, and the module's
 * state_dict keys are netloom's weight names through the exporter's name map (plus BatchNorm's counters).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HostTensor } from '../../engine/backends/backend.ts';
import { createCpuBackend } from '../../engine/backends/cpu/cpu-backend.ts';
import { createRunner } from '../../engine/backends/executor.ts';
import { exportPytorch } from '../../engine/export/index.ts';
import { readNpy } from '../../engine/io/npy.ts';
import { readSafetensors } from '../../engine/io/safetensors.ts';
import { CATALOG } from '../../nodes/index.ts';
import { EXPORT_CASES, loadCase, parityFolder } from './export-cases.ts';
import { evalProgram } from './parity-data.ts';

interface TorchReport {
  readonly outputs: Readonly<Record<string, { shape: number[]; data: number[] }>>;
  readonly state_dict_keys: readonly string[];
}

const read = (folder: string, name: string): Uint8Array => new Uint8Array(readFileSync(join(folder, name)));

describe.each(EXPORT_CASES.filter((c) => c.parity))('PyTorch parity: $name', (c) => {
  const folder = parityFolder(c);
  const doc = loadCase(c);
  const torch = JSON.parse(readFileSync(join(folder, 'torch-outputs.json'), 'utf8')) as TorchReport;
  const weights = readSafetensors(read(folder, 'weights.safetensors')).tensors;

  it('gives netloom’s outputs within 1e-4', async () => {
    const manifest = JSON.parse(readFileSync(join(folder, 'inputs.json'), 'utf8')) as Record<string, string>;
    const feeds: Record<string, HostTensor> = Object.fromEntries(Object.entries(manifest).map(([name, file]) => [name, readNpy(read(folder, file))]));
    const runner = createRunner(createCpuBackend({ precision: 'f32' }), evalProgram(doc));
    try {
      for (const [name, tensor] of weights) if (runner.stateNames.includes(name)) runner.setState(name, tensor);
      await runner.run(feeds, { seed: 0 });
      expect(Object.keys(torch.outputs).length).toBeGreaterThan(0);
      for (const [name, expected] of Object.entries(torch.outputs)) {
        const actual = await runner.read(name);
        expect(actual.shape, name).toEqual(expected.shape);
        const worst = Math.max(...expected.data.map((x, i) => Math.abs(x - actual.data[i]!)));
        expect(worst, name).toBeLessThanOrEqual(1e-4);
      }
    } finally {
      runner.dispose();
    }
  });

  it('has state_dict keys that are netloom’s names through the name map', () => {
    const { weightNames } = exportPytorch(doc, CATALOG);
    expect([...weightNames.keys()].sort()).toEqual([...weights.keys()].sort());
    const counters = [...weightNames.values()].filter((k) => k.endsWith('.running_mean')).map((k) => k.replace(/running_mean$/, 'num_batches_tracked'));
    expect([...torch.state_dict_keys].sort()).toEqual([...weightNames.values(), ...counters].sort());
  });
});
