/** `netloom train --backend webgpu` as a real child process: it trains on WebGPU, says so, and matches the CPU's run. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { netloom, repositoryRoot } from '../helpers/cli.ts';

const spirals = join(repositoryRoot, 'test/fixtures/train/spirals-mlp.json');
const jsonLines = (stdout: string) => stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, any>);

describe('netloom train --backend webgpu', () => {
  it('trains the spirals MLP on the GPU, naming the adapter, to the losses the CPU backend reaches', async () => {
    const [gpu, cpu] = await Promise.all([
      netloom('train', spirals, '--epochs', '2', '--json', '--backend', 'webgpu'),
      netloom('train', spirals, '--epochs', '2', '--json'),
    ]);
    expect(gpu.code, gpu.stderr).toBe(0);
    expect(gpu.stderr).toMatch(/netloom train: WebGPU backend on /);
    expect(gpu.stderr).not.toContain('training on the CPU backend');
    const epochs = (r: typeof gpu) => jsonLines(r.stdout).filter((l) => l['type'] === 'epoch');
    expect(epochs(gpu)).toHaveLength(2);
    epochs(gpu).forEach((line, i) => {
      const reference = epochs(cpu)[i]!;
      expect(Math.abs(line['train'].loss.loss - reference['train'].loss.loss)).toBeLessThan(1e-3);
      expect(line['train'].loss.metrics.accuracy).toBeCloseTo(reference['train'].loss.metrics.accuracy, 2);
    });
  }, 120_000);
});
