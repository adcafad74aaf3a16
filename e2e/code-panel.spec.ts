/**
 * The code panel: Monaco loads from the bundle when the panel opens; a param changed in the JSON tab updates the
 * canvas as one undoable step; invalid JSON is marked and never replaces the canvas; the TypeScript and PyTorch tabs
 * follow the canvas; the ONNX download runs in onnxruntime-node with the outputs of netloom's own engine (the
 * graph's initial weights for its seed, the same inputs) within 1e-4.
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
import { parseGraph } from '../engine/graph/parse.ts';
import { serializeGraph } from '../engine/graph/serialize.ts';
import type { GraphDocument } from '../engine/graph/types.ts';
import type { OpAttrs } from '../engine/ir/ops.ts';
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

test('the downloaded ONNX model runs in onnxruntime-node with netloom’s outputs', async ({ page }) => {
  // Monaco and the ONNX encoder run under the page's CSP (no 'unsafe-eval') without a violation.
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(e.violatedDirective));
  });
  await openCodePanel(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('code-download-onnx').click()]);
  expect(download.suggestedFilename()).toBe('digits-cnn.onnx');
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  const bytes = readFileSync((await download.path())!);

  const doc = sampleDoc();
  const { program, results } = lowerForExport(doc, CATALOG);
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
  const session = await ort.InferenceSession.create(bytes);
  const theirs = await session.run(Object.fromEntries(session.inputNames.map((name) => [name, ortTensor(inputs.get(name)!)])));

  const runner = createRunner(createCpuBackend({ precision: 'f32' }), program);
  try {
    for (const [name, tensor] of initialState(program, resolveTrainingSettings(doc.training).seed)) runner.setState(name, tensor);
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
});

test('the PyTorch project downloads as a zip', async ({ page }) => {
  await openCodePanel(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('code-download-pytorch').click()]);
  expect(download.suggestedFilename()).toBe('digits-cnn-pytorch.zip');
  const files = unzipSync(readFileSync((await download.path())!));
  expect(Object.keys(files).sort()).toEqual(['README.md', 'model.py', 'train.py']);
  expect(strFromU8(files['model.py']!)).toContain('class Model(nn.Module)');
});
