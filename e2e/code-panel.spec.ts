/**
 * The code panel: Monaco loads from the bundle when the panel opens; a param changed in the JSON tab updates the
 * canvas as one undoable step; invalid JSON is marked and never replaces the canvas; the TypeScript and PyTorch tabs
 * follow the canvas; the ONNX download runs in onnxruntime-node with the outputs of netloom's own engine (the same
 * inputs and weights) within 1e-4 — the graph's initial weights for its seed before any run, the Train drawer's
 * trained weights after one; the PyTorch zip holds the dataset .npy files, and the trained weights after a run.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test, type Page } from '@playwright/test';
import * as ort from 'onnxruntime-node';
import type { HostTensor } from '../engine/backends/backend.ts';
import { createCpuBackend } from '../engine/backends/cpu/cpu-backend.ts';
import { createRunner } from '../engine/backends/executor.ts';
import { initialState } from '../engine/backends/init-state.ts';
import { lowerForExport, portKey } from '../engine/export/lowered-graph.ts';
import { findDataset } from '../engine/data/registry.ts';
import { parseGraph } from '../engine/graph/parse.ts';
import { serializeGraph } from '../engine/graph/serialize.ts';
import type { GraphDocument } from '../engine/graph/types.ts';
import type { OpAttrs } from '../engine/ir/ops.ts';
import { readNpy } from '../engine/io/npy.ts';
import { readSafetensors } from '../engine/io/safetensors.ts';
import { SeededRandom } from '../engine/train/seeded-random.ts';
import { resolveTrainingSettings } from '../engine/train/settings.ts';
import { CATALOG } from '../nodes/index.ts';
import { Editor, MOD } from './fixtures/editor.ts';

/** The sample as the app opens it: the bundled file through the engine's importer. */
function sampleDoc(): GraphDocument {
  const parsed = parseGraph(readFileSync(new URL('../app/samples/digits-cnn.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('the sample does not parse');
  return parsed.graph;
}

async function openCodePanel(page: Page): Promise<Editor> {
  const editor = new Editor(page);
  await editor.open();
  await page.getByTestId('toolbar-code').click();
  await expect(page.getByTestId('code-editor').locator('.view-lines')).toContainText('netloom.graph');
  return editor;
}

/**
 * Replaces the JSON tab's whole text by pasting it from the system clipboard (typed text would be auto-indented and
 * auto-closed by Monaco, and Monaco's EditContext drops spaces typed by Playwright).
 */
async function replaceJson(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  // Near the top left: the lines element is as wide as the longest line, so its centre may lie outside the panel.
  await page.getByTestId('code-editor').locator('.monaco-editor').click({ position: { x: 80, y: 10 } });
  await page.keyboard.press(`${MOD}+A`);
  await page.keyboard.press(`${MOD}+V`);
  // Back to the top, where the edited lines are: Monaco renders only the lines in view.
  await page.keyboard.press(`${MOD}+Home`);
}

test('Monaco is not part of first paint: its chunk loads when the panel opens', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  const editor = new Editor(page);
  await editor.open();
  expect(scripts.some((url) => /CodePanel|editor\.api/.test(url))).toBe(false);
  await page.getByTestId('toolbar-code').click();
  await expect(page.getByTestId('code-editor').locator('.view-lines')).toContainText('netloom.graph');
  expect(scripts.some((url) => /CodePanel/.test(url))).toBe(true);
});

test('a param changed in the JSON tab updates the canvas as one undoable step', async ({ page }) => {
  const editor = await openCodePanel(page);
  const undo = page.getByTestId('toolbar-undo');
  await expect(undo).toBeDisabled();
  const edited = serializeGraph(sampleDoc()).replace('"out_channels": 8', '"out_channels": 12');
  await replaceJson(page, edited);
  await expect(editor.edgeLabel('e-conv1-relu1')).toHaveText('[N,12,8,8]');
  await expect(page.getByTestId('code-status')).toHaveAttribute('data-status', 'applied');
  await expect(undo).toHaveAttribute('title', /^Undo Edit JSON/);

  await undo.click();
  await expect(editor.edgeLabel('e-conv1-relu1')).toHaveText('[N,8,8,8]');
  await expect(undo).toBeDisabled();
  // The tab follows the canvas back.
  await expect(page.getByTestId('code-editor').locator('.view-lines')).toContainText('"out_channels": 8');
});

test('invalid JSON is marked and never replaces the canvas', async ({ page }) => {
  const editor = await openCodePanel(page);
  const broken = serializeGraph(sampleDoc()).replace('"out_channels": 8', '"out_channels": 12,,');
  await replaceJson(page, broken);
  await expect(page.getByTestId('code-status')).toHaveAttribute('data-status', 'invalid');
  await expect(page.getByTestId('code-editor').locator('.squiggly-error').first()).toBeAttached();
  await expect(editor.edgeLabel('e-conv1-relu1')).toHaveText('[N,8,8,8]');
  await expect(page.getByTestId('toolbar-undo')).toBeDisabled();

  // Valid JSON that is not a valid graph (a string position) is refused too, with its JSON path.
  await replaceJson(page, serializeGraph(sampleDoc()).replace('"out_channels": 8', '"out_channels": 12').replace('"x": 340', '"x": "zero"'));
  await expect(page.getByTestId('code-status')).toHaveText(/^1 problem, .*: \$\.nodes\[1\]\.position\.x: /);
  await expect(page.getByTestId('code-editor').locator('.squiggly-error').first()).toBeAttached();
  await expect(editor.edgeLabel('e-conv1-relu1')).toHaveText('[N,8,8,8]');
  await expect(page.getByTestId('toolbar-undo')).toBeDisabled();
});

test('the TypeScript and PyTorch tabs follow the canvas', async ({ page }) => {
  const editor = await openCodePanel(page);
  await page.getByTestId('code-tab-pytorch').click();
  const lines = page.getByTestId('code-editor').locator('.view-lines');
  await expect(lines).toContainText('nn.Conv2d(1, 8, kernel_size=3');
  await editor.select('conv1');
  await editor.param('out_channels').fill('6');
  await editor.select('fc1');
  await editor.param('in_features').fill('96');
  await expect(lines).toContainText('nn.Conv2d(1, 6, kernel_size=3');
  await page.getByTestId('code-tab-typescript').click();
  await expect(lines).toContainText('out_channels: 6');
});

const ortTensor = (t: HostTensor): ort.Tensor => new ort.Tensor(t.dtype === 'f32' ? 'float32' : 'int32', t.data, t.shape);

/** The file a click downloads, with the name the page gave it. */
async function downloadOf(page: Page, testId: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync((await download.path())!)) };
}

/** Runs the ONNX model in onnxruntime-node and the sample graph on netloom's CPU backend with `weights`: same outputs within 1e-4. */
async function expectOnnxComputesLikeTheEngine(onnx: Uint8Array, weights: ReadonlyMap<string, HostTensor>): Promise<void> {
  const { program, results } = lowerForExport(sampleDoc(), CATALOG);
  const random = new SeededRandom(3, 'onnx e2e inputs');
  const inputs = new Map<string, HostTensor>();
  for (const op of program.ops.filter((o) => o.op === 'input')) {
    const { name } = op.attrs as OpAttrs['input'];
    const value = program.values[op.out]!;
    const shape = value.shape.map((d) => (typeof d === 'number' ? d : 4));
    const size = shape.reduce((a, b) => a * b, 1);
    inputs.set(name, value.dtype === 'f32'
      ? { dtype: 'f32', shape, data: Float32Array.from({ length: size }, () => random.next() * 2 - 1) }
      : { dtype: 'i32', shape, data: new Int32Array(size) });
  }
  const session = await ort.InferenceSession.create(onnx);
  const theirs = await session.run(Object.fromEntries(session.inputNames.map((name) => [name, ortTensor(inputs.get(name)!)])));

  const runner = createRunner(createCpuBackend({ precision: 'f32' }), program);
  try {
    for (const [name, tensor] of weights) runner.setState(name, tensor);
    await runner.run(Object.fromEntries(inputs), { seed: 0 });
    expect(session.outputNames).toEqual(results.map((r) => r.name));
    for (const result of results) {
      const mine = await runner.read(portKey(result.source));
      const output = theirs[result.name]!;
      expect([...output.dims]).toEqual(mine.shape);
      const data = output.data as Float32Array;
      expect(Math.max(...Array.from(data, (x, i) => Math.abs(x - mine.data[i]!)))).toBeLessThanOrEqual(1e-4);
    }
  } finally {
    runner.dispose();
  }
}

const initialWeights = (): Map<string, HostTensor> => {
  const doc = sampleDoc();
  return initialState(lowerForExport(doc, CATALOG).program, resolveTrainingSettings(doc.training).seed);
};

test('the downloaded ONNX model runs in onnxruntime-node with netloom’s outputs', async ({ page }) => {
  // Monaco and the ONNX encoder run under the page's CSP (no 'unsafe-eval') without a violation.
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(e.violatedDirective));
  });
  await openCodePanel(page);
  await expect(page.getByTestId('code-download-weights')).toHaveText('initial weights');
  const onnx = await downloadOf(page, 'code-download-onnx');
  expect(onnx.name).toBe('digits-cnn.onnx');
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  await expectOnnxComputesLikeTheEngine(onnx.bytes, initialWeights());
});

test('the PyTorch project downloads as a zip with the digits as .npy files of the registry’s shapes', async ({ page }) => {
  await openCodePanel(page);
  const zip = await downloadOf(page, 'code-download-pytorch');
  expect(zip.name).toBe('digits-cnn-pytorch.zip');
  const files = unzipSync(zip.bytes);
  // The digits ship as one training split (no test split).
  expect(Object.keys(files).sort()).toEqual(['README.md', 'data/digits/train_features.npy', 'data/digits/train_labels.npy', 'model.py', 'train.py']);
  expect(strFromU8(files['model.py']!)).toContain('class Model(nn.Module)');
  const digits = findDataset('digits')!;
  const features = readNpy(files['data/digits/train_features.npy']!);
  const labels = readNpy(files['data/digits/train_labels.npy']!);
  expect([features.dtype, features.shape]).toEqual([digits.features.dtype, [digits.samples, ...digits.features.shape]]);
  expect([labels.dtype, labels.shape]).toEqual([digits.labels.dtype, [digits.samples, ...digits.labels.shape]]);
  expect(Math.max(...labels.data)).toBe(digits.labels.classes! - 1);
});

test('after a run in the Train drawer, the zip and the ONNX model carry the trained weights', async ({ page }) => {
  test.setTimeout(120_000);
  await openCodePanel(page);
  await page.getByTestId('toolbar-train').click();
  const epochs = page.getByTestId('run-setting-epochs');
  await epochs.fill('1');
  await expect(epochs).toHaveValue('1');
  await page.getByTestId('run-start').click();
  await expect(page.getByTestId('run-panel')).toHaveAttribute('data-status', 'finished', { timeout: 90_000 });
  await expect(page.getByTestId('code-download-weights')).toHaveText(/^trained weights, run \d+ \(1 epoch\)$/);
  const trained = readSafetensors((await downloadOf(page, 'weights-download')).bytes).tensors;
  // Training moved them away from the initial weights, so the comparisons below tell the two apart.
  expect(trained.get('fc1.weight')!.data).not.toEqual(initialWeights().get('fc1.weight')!.data);

  const files = unzipSync((await downloadOf(page, 'code-download-pytorch')).bytes);
  expect(Object.keys(files)).toContain('weights.safetensors');
  expect(Object.keys(files)).toContain('data/digits/train_features.npy');
  const zipped = readSafetensors(files['weights.safetensors']!).tensors;
  expect([...zipped.keys()].sort()).toEqual([...trained.keys()].sort());
  for (const [name, tensor] of trained) expect(zipped.get(name), name).toEqual(tensor);
  expect(strFromU8(files['README.md']!)).toMatch(/`weights\.safetensors`: the trained weights, run \d+ \(1 epoch\)/);

  await expectOnnxComputesLikeTheEngine((await downloadOf(page, 'code-download-onnx')).bytes, trained);

  // An edit that changes the weights' shapes: the run's weights no longer fit, and the download says so.
  await replaceJson(page, serializeGraph(sampleDoc()).replace('"out_channels": 8', '"out_channels": 6').replace('"in_features": 128', '"in_features": 96'));
  await expect(page.getByTestId('code-status')).toHaveAttribute('data-status', 'applied');
  await page.getByTestId('code-download-onnx').click();
  await expect(page.getByTestId('notice')).toContainText(/^Export failed: run \d+'s weights do not fit the graph as it is now \(conv1\.weight: shape/);
  await expect(page.getByTestId('code-download-onnx')).toBeEnabled();
});
