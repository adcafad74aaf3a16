/** `netloom train` and `netloom run` as real child processes: training to accuracy, saving, inference, bad input. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNpy, writeNpy } from '../../engine/io/npy.ts';
import { readSafetensors, writeSafetensors } from '../../engine/io/safetensors.ts';
import { netloom, repositoryRoot } from '../helpers/cli.ts';

const spirals = join(repositoryRoot, 'test/fixtures/train/spirals-mlp.json');
const work = mkdtempSync(join(tmpdir(), 'netloom-cli-'));
const weights = join(work, 'spirals.safetensors');

const jsonLines = (stdout: string) => stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, any>);

/** The spirals MLP's forward pass written out by hand: Linear → ReLU → Linear → ReLU → Linear. */
function forward(w: Map<string, { data: ArrayLike<number>; shape: readonly number[] }>, x: readonly number[]): number[] {
  let h: readonly number[] = x;
  for (const [layer, relu] of [['fc1', true], ['fc2', true], ['fc3', false]] as const) {
    const W = w.get(`${layer}.weight`)!, b = w.get(`${layer}.bias`)!;
    const [out, inp] = W.shape as [number, number];
    h = Array.from({ length: out }, (_, o) => {
      let s = b.data[o]!;
      for (let i = 0; i < inp; i++) s += W.data[o * inp + i]! * h[i]!;
      return relu ? Math.max(0, s) : s;
    });
  }
  return [...h];
}

describe('netloom train / run', () => {
  it('trains the two-spirals MLP to ≥ 95% training accuracy, printing one JSON object per epoch, and saves the weights', async () => {
    const r = await netloom('train', spirals, '--epochs', '60', '--json', '--save', weights);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(lines.filter((l) => l['type'] === 'epoch')).toHaveLength(60);
    const final = lines.at(-1)!;
    expect(final['type']).toBe('final');
    expect(final['final'].train.loss.metrics.accuracy).toBeGreaterThanOrEqual(0.95);
    const saved = readSafetensors(new Uint8Array(readFileSync(weights))).tensors;
    expect([...saved.keys()].sort()).toEqual(['fc1.bias', 'fc1.weight', 'fc2.bias', 'fc2.weight', 'fc3.bias', 'fc3.weight']);
    expect(saved.get('fc1.weight')!.shape).toEqual([64, 2]);
  }, 120_000);

  it('runs the trained weights on .npy input and writes the logits, equal to the forward pass computed by hand', async () => {
    const points = [0.1, -0.4, 2.5, 1.0, -1.5, 3.0];
    writeFileSync(join(work, 'points.npy'), writeNpy({ shape: [3, 2], dtype: 'f32', data: Float32Array.from(points) }));
    const out = join(work, 'logits.npy');
    const r = await netloom('run', spirals, '--weights', weights, '--input', `data.features=${join(work, 'points.npy')}`, '--output', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('fc3:y  [3,2] f32');
    const logits = readNpy(new Uint8Array(readFileSync(out)));
    expect(logits.shape).toEqual([3, 2]);
    const w = readSafetensors(new Uint8Array(readFileSync(weights))).tensors;
    for (let n = 0; n < 3; n++) {
      const expected = forward(w, points.slice(2 * n, 2 * n + 2));
      for (let k = 0; k < 2; k++) expect(logits.data[2 * n + k]).toBeCloseTo(expected[k]!, 4);
    }
  }, 60_000);

  it('refuses weights that do not fit, listing every mismatch, and writes nothing', async () => {
    const wrong = join(work, 'wrong.safetensors');
    const t = (shape: number[]) => ({ shape, dtype: 'f32' as const, data: new Float32Array(shape.reduce((a, b) => a * b, 1)) });
    writeFileSync(wrong, writeSafetensors([['fc1.weight', t([32, 2])], ['fc1.bias', t([64])], ['extra.weight', t([1])]]));
    writeFileSync(join(work, 'p.npy'), writeNpy({ shape: [1, 2], dtype: 'f32', data: Float32Array.of(0, 0) }));
    const out = join(work, 'never.npy');
    const r = await netloom('run', spirals, '--weights', wrong, '--input', `data.features=${join(work, 'p.npy')}`, '--output', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fc1.weight: shape [32,2] but the graph needs [64,2]');
    expect(r.stderr).toContain('fc2.weight: missing (expected [64,64])');
    expect(r.stderr).toContain('extra.weight: not a weight of this graph');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses input data of the wrong shape, a missing input and an unknown one, naming them', async () => {
    writeFileSync(join(work, 'three.npy'), writeNpy({ shape: [4, 3], dtype: 'f32', data: new Float32Array(12) }));
    const wrongShape = await netloom('run', spirals, '--weights', weights, '--input', `data.features=${join(work, 'three.npy')}`);
    expect(wrongShape.code).toBe(2);
    expect(wrongShape.stderr).toMatch(/data\.features/);
    expect(wrongShape.stderr).toMatch(/\[N,2\]/);
    const missing = await netloom('run', spirals, '--weights', weights);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing --input data.features=<file.npy> (shape [N,2], f32)');
    const unknown = await netloom('run', spirals, '--weights', weights, '--input', 'x=a.npy');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--input x: the graph has no such input; it needs data.features');
  });

  it('exits 2 with a message for a missing file, a graph with errors, bad flags and an unavailable backend', async () => {
    const missing = await netloom('train', join(work, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the file: no such file');
    const broken = await netloom('train', join(repositoryRoot, 'test/fixtures/graphs/conv-output-negative.json'));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/the graph has \d+ errors?:/);
    const epochs = await netloom('train', spirals, '--epochs', '0');
    expect(epochs.code).toBe(2);
    expect(epochs.stderr).toContain('--epochs must be a whole number ≥ 1, got "0"');
    const backend = await netloom('train', spirals, '--backend', 'tpu');
    expect(backend.code).toBe(2);
    expect(backend.stderr).toContain('--backend must be cpu or webgpu');
    const nowhere = await netloom('train', spirals, '--epochs', '1', '--save', join(work, 'no-such-dir', 'w.safetensors'));
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('cannot save the weights');
  }, 60_000);

  it('exits 1 when training diverges, naming the node and the likely cause', async () => {
    const r = await netloom('train', spirals, '--lr', '1e30', '--epochs', '2');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the output of node fc\d/);
    expect(r.stderr).toContain('learning rate');
  }, 60_000);
});
