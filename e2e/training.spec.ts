/**
 * Training in the browser: the spirals MLP trains in the worker to ≥ 90% accuracy with the charts and the decision
 * boundary drawn; pause and continue; the run's settings are saved with the graph; a failed run is pinned on its node.
 */
import { expect, test, type Page } from '@playwright/test';
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

test('the spirals MLP trains in the worker to at least 90% accuracy; the settings are saved with the graph', async ({ page }) => {
  test.setTimeout(120_000);
  await openTraining(page, 'mlp-spirals', 'fc3');
  await setSetting(page, 'epochs', '60');
  await page.getByTestId('run-start').click();
  const panel = page.getByTestId('run-panel');
  await expect(panel).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('run-rate')).toContainText('samples/s');
  await expect(panel).toHaveAttribute('data-status', 'finished', { timeout: 90_000 });
  await expect(page.getByTestId('run-progress')).toHaveAttribute('data-fraction', '1');
  const accuracy = Number(await page.getByTestId('run-metrics').getAttribute('data-accuracy'));
  expect(accuracy).toBeGreaterThanOrEqual(0.9);
  await expect(page.getByTestId('run-backend')).toBeVisible();

  await page.getByTestId('train-tab-epochs').click();
  await expect(page.getByTestId('epoch-row-60')).toBeVisible();

  // The epochs setting is part of the document: it survives a reload (autosave).
  await page.waitForTimeout(500);
  await page.reload();
  await page.getByTestId('toolbar-train').click();
  await expect(page.getByTestId('run-setting-epochs')).toHaveValue('60');
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
