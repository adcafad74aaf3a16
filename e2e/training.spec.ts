/**
 * Training in the browser: the spirals MLP trains in the worker to ≥ 90% accuracy with the charts and the decision
 * boundary drawn; pause and continue; the run's settings are saved with the graph; a failed run is pinned on its node.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { readSafetensors, writeSafetensors } from '../engine/io/safetensors.ts';
import { Editor } from './fixtures/editor.ts';

async function openTraining(page: Page, template: string, someNode: string): Promise<Editor> {
  const editor = new Editor(page);
  await editor.open();
  await editor.openTemplate(template, someNode);
  await page.getByTestId('toolbar-train').click();
  await expect(page.getByTestId('run-panel')).toBeVisible();
  return editor;
}

async function setSetting(page: Page, id: string, value: string): Promise<void> {
  const field = page.getByTestId(`run-setting-${id}`);
  await field.fill(value);
  await expect(field).toHaveValue(value);
}

test('the spirals MLP trains in the worker to at least 90% accuracy, with live charts and decision boundary; the settings are saved with the graph', async ({ page }) => {
  test.setTimeout(120_000);
  await openTraining(page, 'mlp-spirals', 'fc3');
  await setSetting(page, 'epochs', '60');
  // The boundary redraws while the run goes on (every ~300 ms), not only at its end.
  await page.getByTestId('train-tab-boundary').click();
  await page.getByTestId('run-start').click();
  const panel = page.getByTestId('run-panel');
  await expect(panel).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('run-rate')).toContainText('samples/s');
  await expect.poll(async () => Number(await page.getByTestId('boundary-canvas').getAttribute('data-updates'))).toBeGreaterThanOrEqual(2);
  await expect(panel).toHaveAttribute('data-status', 'finished', { timeout: 90_000 });
  await expect(page.getByTestId('run-progress')).toHaveAttribute('data-fraction', '1');
  const accuracy = Number(await page.getByTestId('run-metrics').getAttribute('data-accuracy'));
  expect(accuracy).toBeGreaterThanOrEqual(0.9);
  // 'auto' in Chromium without WebGPU: the CPU backend, and the reason it is not WebGPU.
  await expect(page.getByTestId('run-backend')).toHaveAttribute('data-backend', 'cpu');
  await expect(page.getByTestId('run-backend-fallback')).toContainText('WebGPU is not available');

  // The boundary fills the room the drawer's view has: a smaller window draws a smaller square, redrawn at once.
  const canvasBox = async () => (await page.getByTestId('boundary-canvas').boundingBox())!;
  const large = await canvasBox();
  await page.setViewportSize({ width: 1000, height: 640 });
  await expect.poll(async () => (await canvasBox()).width).toBeLessThan(large.width);
  const small = await canvasBox();
  expect(small.height).toBe(small.width);
  expect(await page.getByTestId('boundary-canvas').evaluate((c: HTMLCanvasElement) => c.width / devicePixelRatio)).toBe(small.width);
  await page.setViewportSize({ width: 1600, height: 1000 });

  // Spirals: 400 points in batches of 32 are 13 steps an epoch; the step chart has every one of the 60 epochs' steps.
  await page.getByTestId('train-tab-charts').click();
  await expect(page.getByTestId('chart-step-loss')).toHaveAttribute('data-points', String(60 * Math.ceil(400 / 32)));
  await expect(page.getByTestId('chart-epoch-loss').locator('canvas')).toBeVisible();
  await page.getByTestId('train-tab-epochs').click();
  await expect(page.getByTestId('epoch-row-60')).toBeVisible();

  // An edit after the run: the views keep the trained model, and the panel says Train starts over from the edit.
  await expect(page.getByTestId('run-stale')).toHaveCount(0);
  await setSetting(page, 'epochs', '61');
  await page.getByTestId('run-setting-epochs').blur();
  await expect(page.getByTestId('run-stale')).toContainText('Train starts a new run from the edited graph');
  await expect(page.getByTestId('run-start')).toHaveText('Train');
  await page.getByTestId('toolbar-undo').click();
  await expect(page.getByTestId('run-stale')).toHaveCount(0);
  await expect(page.getByTestId('run-start')).toHaveText('Train again');

  // The epochs setting is part of the document: it survives a reload (autosave).
  await page.waitForTimeout(500);
  await page.reload();
  await page.getByTestId('toolbar-train').click();
  await expect(page.getByTestId('run-setting-epochs')).toHaveValue('60');
});

test('weights download as safetensors and load back; a file with a wrong shape is refused with the mismatch listed', async ({ page }) => {
  await openTraining(page, 'mlp-spirals', 'fc3');
  await setSetting(page, 'epochs', '2');
  await page.getByTestId('run-start').click();
  await expect(page.getByTestId('run-panel')).toHaveAttribute('data-status', 'finished', { timeout: 30_000 });
  const downloading = page.waitForEvent('download');
  await page.getByTestId('weights-download').click();
  const file = await (await downloading).path();
  const good = new Uint8Array(readFileSync(file));
  const tensors = readSafetensors(good).tensors;
  // PyTorch's names and shapes: Linear(2, 64) has weight [64, 2] and bias [64].
  expect(tensors.get('fc1.weight')?.shape).toEqual([64, 2]);
  expect(tensors.get('fc1.bias')?.shape).toEqual([64]);

  const wrong = new Map(tensors);
  wrong.set('fc1.weight', { shape: [32, 2], dtype: 'f32', data: new Float32Array(64) });
  await page.getByTestId('weights-file-input').setInputFiles({ name: 'wrong.safetensors', mimeType: 'application/octet-stream', buffer: Buffer.from(writeSafetensors(wrong)) });
  await expect(page.getByTestId('weights-problems')).toContainText('fc1.weight: shape [32,2] but the graph needs [64,2]');

  await page.getByTestId('weights-file-input').setInputFiles({ name: 'good.safetensors', mimeType: 'application/octet-stream', buffer: Buffer.from(good) });
  await expect(page.getByTestId('weights-loaded')).toContainText(`Loaded ${tensors.size} tensors`);
});

test('pause stops between steps and continue goes on from there', async ({ page }) => {
  await openTraining(page, 'mlp-spirals', 'fc3');
  await setSetting(page, 'epochs', '400');
  await page.getByTestId('run-start').click();
  const panel = page.getByTestId('run-panel');
  await expect(panel).toHaveAttribute('data-status', 'running');
  await expect.poll(async () => Number(await page.getByTestId('run-progress').getAttribute('data-fraction'))).toBeGreaterThan(0);
  await page.getByTestId('run-pause').click();
  await expect(panel).toHaveAttribute('data-status', 'paused');
  const paused = Number(await page.getByTestId('run-progress').getAttribute('data-fraction'));
  await page.waitForTimeout(400);
  expect(Number(await page.getByTestId('run-progress').getAttribute('data-fraction'))).toBe(paused);
  await expect(page.getByTestId('run-start')).toHaveText('Continue');

  await page.getByTestId('run-step').click();
  await expect.poll(async () => Number(await page.getByTestId('run-progress').getAttribute('data-fraction'))).toBeGreaterThan(paused);
  await expect(panel).toHaveAttribute('data-status', 'paused');
  const stepped = Number(await page.getByTestId('run-progress').getAttribute('data-fraction'));

  await page.getByTestId('run-start').click();
  await expect.poll(async () => Number(await page.getByTestId('run-progress').getAttribute('data-fraction'))).toBeGreaterThan(stepped);
  await page.getByTestId('run-stop').click();
  await expect(panel).toHaveAttribute('data-status', 'stopped');
  await page.getByTestId('run-reset').click();
  await expect(panel).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('run-progress')).toHaveAttribute('data-fraction', '0');
});

test('a diverging run stops, and the NaN guard pins its message on the node it names', async ({ page }) => {
  await openTraining(page, 'mlp-spirals', 'fc3');
  await setSetting(page, 'lr-opt', '1e30');
  await page.getByTestId('run-start').click();
  await expect(page.getByTestId('run-panel')).toHaveAttribute('data-status', 'failed', { timeout: 30_000 });
  const node = await page.getByTestId('run-error').getAttribute('data-node');
  expect(node).toMatch(/^fc\d$/);
  await expect(page.getByTestId(`node-run-error-${node}`)).toContainText('learning rate');
  await expect(page.getByTestId('run-error-cause')).toContainText('learning rate');
});

test('the user’s own CSV replaces the Iris dataset in place and trains in the browser', async ({ page }) => {
  test.setTimeout(90_000);
  const editor = await openTraining(page, 'logreg-iris', 'linear');
  // The shipped Iris file, rewritten the way a user's export looks: a header row and the species by name.
  const [, ...rows] = readFileSync(new URL('../engine/data/files/iris.csv', import.meta.url), 'utf8').trim().split('\n');
  const species = ['setosa', 'versicolor', 'virginica'];
  const text = ['sepal_length,sepal_width,petal_length,petal_width,species', ...rows.map((r) => {
    const cells = r.split(',');
    return [...cells.slice(0, 4), species[Number(cells[4])]].join(',');
  })].join('\n');

  await editor.select('data');
  await page.getByTestId('inspector-choose-data').click();
  await page.getByTestId('data-tab-local').click();
  await page.getByTestId('data-file-input').setInputFiles({ name: 'my-iris.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await expect(page.getByTestId('data-shapes')).toContainText('features [N, 4]');
  await page.getByTestId('data-use').click();
  await expect(editor.node('data')).toHaveAttribute('data-kind', 'local_data');
  await expect(page.getByTestId('node-shape-data-features')).toHaveText('[N,4]');

  await setSetting(page, 'epochs', '60');
  await page.getByTestId('run-start').click();
  await expect(page.getByTestId('run-panel')).toHaveAttribute('data-status', 'finished', { timeout: 60_000 });
  expect(Number(await page.getByTestId('run-metrics').getAttribute('data-accuracy'))).toBeGreaterThan(0.8);
  // The class names come from the file: the confusion matrix labels its rows with them.
  await page.getByTestId('train-tab-confusion').click();
  await expect(page.getByTestId('confusion-view')).toContainText('versicolor');
});

test('image data: the grid of predictions marks wrong ones; clicking a conv node shows its feature maps for a sample', async ({ page }) => {
  test.setTimeout(90_000);
  const editor = await openTraining(page, 'resnet-digits', 'stem');
  await setSetting(page, 'epochs', '2');
  await page.getByTestId('run-start').click();
  await expect(page.getByTestId('run-panel')).toHaveAttribute('data-status', 'finished', { timeout: 60_000 });

  await page.getByTestId('train-tab-images').click();
  const cells = page.locator('[data-testid^="image-cell-"]');
  await expect(cells.first()).toBeVisible();
  const correct = await cells.evaluateAll((all) => all.map((c) => c.getAttribute('data-correct')));
  expect(correct.every((c) => c === 'true' || c === 'false')).toBe(true);

  await page.getByTestId('train-tab-node-output').click();
  await editor.select('stem');
  // Conv2d(1, 16, 3, padding 1) on an 8×8 digit: 16 feature maps of 8×8.
  await expect(page.getByTestId('node-output-port-y')).toHaveAttribute('data-shape', '[16,8,8]');
  await page.getByTestId('node-output-sample').fill('3');
  await expect(page.getByTestId('node-output-port-y')).toBeVisible();
});

test('histograms recorded over a deep sigmoid stack show the first layer’s gradients far smaller than the last’s', async ({ page }) => {
  test.setTimeout(90_000);
  await openTraining(page, 'deep-sigmoid-spirals', 'fc1');
  await setSetting(page, 'epochs', '5');
  await page.getByTestId('train-tab-histograms').click();
  await page.getByTestId('histograms-record').check();
  await page.getByTestId('run-start').click();
  // Recording goes on while the user watches another tab.
  await page.getByTestId('train-tab-charts').click();
  await expect(page.getByTestId('run-panel')).toHaveAttribute('data-status', 'finished', { timeout: 60_000 });
  await page.getByTestId('train-tab-histograms').click();
  await expect.poll(async () => Number(await page.getByTestId('gradnorm-chart').getAttribute('data-snapshots'))).toBeGreaterThanOrEqual(5);
  const first = Number(await page.getByTestId('gradnorm-fc1').getAttribute('data-value'));
  const last = Number(await page.getByTestId('gradnorm-fc8').getAttribute('data-value'));
  expect(first).toBeGreaterThan(0);
  expect(first / last).toBeLessThan(1e-2);
});

test('1-D regression: the fitted curve is drawn over the sine data, and the metric chart offers MSE', async ({ page }) => {
  test.setTimeout(90_000);
  const editor = new Editor(page);
  await editor.open();
  const doc = {
    format: 'netloom.graph', version: 2, name: 'MLP on a sine',
    nodes: [
      { id: 'data', kind: 'dataset', params: { dataset: 'sine' }, position: { x: 0, y: 0 } },
      { id: 'fc1', kind: 'linear', params: { in_features: 1, out_features: 32 }, position: { x: 250, y: 0 } },
      { id: 'act', kind: 'tanh', params: {}, position: { x: 500, y: 0 } },
      { id: 'fc2', kind: 'linear', params: { in_features: 32, out_features: 1 }, position: { x: 750, y: 0 } },
      { id: 'loss', kind: 'mse', params: {}, position: { x: 1000, y: 0 } },
      { id: 'opt', kind: 'adam', params: { lr: 0.01 }, position: { x: 1250, y: 0 } },
    ],
    edges: [
      { id: 'e1', from: { node: 'data', port: 'features' }, to: { node: 'fc1', port: 'x' } },
      { id: 'e2', from: { node: 'fc1', port: 'y' }, to: { node: 'act', port: 'x' } },
      { id: 'e3', from: { node: 'act', port: 'y' }, to: { node: 'fc2', port: 'x' } },
      { id: 'e4', from: { node: 'fc2', port: 'y' }, to: { node: 'loss', port: 'input' } },
      { id: 'e5', from: { node: 'data', port: 'labels' }, to: { node: 'loss', port: 'target' } },
      { id: 'e6', from: { node: 'loss', port: 'loss' }, to: { node: 'opt', port: 'loss' } },
    ],
    training: { epochs: 30, batchSize: 16, seed: 0 },
  };
  await editor.openFile('sine.json', JSON.stringify(doc));
  await expect(editor.node('fc2')).toBeVisible();
  await page.getByTestId('toolbar-train').click();
  await page.getByTestId('train-tab-boundary').click();
  await page.getByTestId('run-start').click();
  await expect(page.getByTestId('run-panel')).toHaveAttribute('data-status', 'finished', { timeout: 60_000 });
  await expect(page.getByTestId('curve-canvas')).not.toHaveAttribute('data-curve-points', '0');
  // y = sin x + noise of σ 0.1: a fitted model's mean squared error approaches σ² = 0.01.
  expect(Number(await page.getByTestId('run-metrics').getAttribute('data-loss'))).toBeLessThan(0.05);
  await page.getByTestId('train-tab-charts').click();
  await expect(page.getByTestId('charts-metric')).toContainText('MSE');
});
