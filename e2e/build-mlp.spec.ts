/** Building an MLP from an empty canvas with the palette (search, click, drag) and handle-to-handle links. */
import { expect, test } from '@playwright/test';
import { Editor, MOD } from './fixtures/editor.ts';

test('build spirals → Linear(2,16) → ReLU → Linear(16,2) → CrossEntropy from the palette and see every shape', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  // Start from nothing: select all, delete.
  await editor.clickEmptyCanvas();
  await page.keyboard.press(`${MOD}+A`);
  await page.keyboard.press('Delete');
  await expect(page.locator('[data-kind]')).toHaveCount(0);

  // A click adds a kind in view; the fuzzy search finds "Linear" from "lin" and "CrossEntropyLoss" from "cel".
  await page.getByTestId('palette-dataset').click();
  await page.getByTestId('palette-search').fill('lin');
  await page.getByTestId('palette-linear').click();
  await page.getByTestId('palette-search').fill('');
  // Dragging a kind onto the canvas drops it there.
  await page.getByTestId('palette-relu').dragTo(page.getByTestId('canvas'), { targetPosition: { x: 120, y: 520 } });
  await page.getByTestId('palette-linear').click();
  await page.getByTestId('palette-search').fill('cel');
  await expect(page.getByTestId('palette-cross_entropy')).toBeVisible();
  await page.getByTestId('palette-cross_entropy').click();
  await expect(page.locator('[data-kind]')).toHaveCount(5);

  // New ids come from the kind: dataset1, linear1, relu1, linear2, cross_entropy1.
  await editor.select('linear1');
  await editor.param('in_features').fill('2');
  await editor.param('out_features').fill('16');
  await editor.select('linear2');
  await editor.param('in_features').fill('16');
  await editor.param('out_features').fill('2');

  await editor.connect('handle-dataset1-out-features', 'handle-linear1-in-x');
  await editor.connect('handle-linear1-out-y', 'handle-relu1-in-x');
  await editor.connect('handle-relu1-out-y', 'handle-linear2-in-x');
  await editor.connect('handle-linear2-out-y', 'handle-cross_entropy1-in-input');
  await editor.connect('handle-dataset1-out-labels', 'handle-cross_entropy1-in-target');

  // Spirals: 2 features, 2 classes. Shapes on every edge and on the nodes' outputs.
  await expect(editor.edgeLabel('e-dataset1-linear1')).toHaveText('[N,2]');
  await expect(editor.edgeLabel('e-linear1-relu1')).toHaveText('[N,16]');
  await expect(editor.edgeLabel('e-relu1-linear2')).toHaveText('[N,16]');
  await expect(editor.edgeLabel('e-linear2-cross_entropy1')).toHaveText('[N,2]');
  await expect(editor.edgeLabel('e-dataset1-cross_entropy1')).toHaveText('[N]');
  await expect(page.getByTestId('node-shape-cross_entropy1-loss')).toHaveText('[]');
  // PyTorch: Linear(2,16) has 2·16+16 weights, Linear(16,2) 16·2+2.
  await expect(editor.summary('params')).toHaveAttribute('data-value', String(2 * 16 + 16 + 16 * 2 + 2));
  await expect(editor.summary('errors')).toHaveAttribute('data-value', '0');
});
