/**
 * Groups as reusable blocks: select → Ctrl+G → a named block with explicit ports; collapse to one node whose edges
 * keep their shapes; place a second copy that shares the definition's params; shapes checked across the boundary.
 */
import { expect, test } from '@playwright/test';
import { Editor, MOD } from './fixtures/editor.ts';

test('group conv1, relu1, pool1 as "Stem", collapse it, reuse it, and change a param on every copy at once', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  await editor.selectMany(['conv1', 'relu1', 'pool1']);
  await page.keyboard.press(`${MOD}+G`);
  await expect(page.getByTestId('group-ports')).toContainText('inputs: x (conv1.x)');
  await expect(page.getByTestId('group-ports')).toContainText('outputs: y (pool1.y)');
  await page.getByTestId('group-name').fill('Stem');
  await page.getByTestId('group-submit').click();
  await expect(page.getByTestId('frame-stem_1')).toContainText('Stem');

  // Collapsed: one node with the block's ports; the edges in and out still carry their shapes.
  await page.getByTestId('frame-collapse-stem_1').click();
  const block = page.getByTestId('block-stem_1');
  await expect(block).toBeVisible();
  await expect(editor.node('conv1')).toHaveCount(0);
  await expect(page.getByTestId('block-shape-stem_1-y')).toHaveText('[N,8,4,4]');
  await expect(editor.edgeLabel('e-data-conv1')).toHaveText('[N,1,8,8]');
  await expect(editor.edgeLabel('e-pool1-flat')).toHaveText('[N,8,4,4]');
  await expect(page.getByTestId('block-params-stem_1')).toHaveText('80 params');

  // A second copy from the palette: an instance of the same definition.
  await page.getByTestId('palette-block-stem').click();
  await expect(editor.node('conv2')).toBeVisible();
  await expect(page.getByTestId('frame-stem_2')).toBeVisible();
  // The new copy's input is not connected: the analysis says so on its conv.
  await expect(editor.node('conv2')).toHaveAttribute('data-status', 'error');

  // A param changed on one copy changes the definition and the other copy (collapsed, so read its output shape).
  await editor.select('conv2');
  await expect(page.getByTestId('inspector-block-note')).toContainText('all 2 copies');
  await editor.param('out_channels').fill('4');
  await expect(page.getByTestId('block-shape-stem_1-y')).toHaveText('[N,4,4,4]');
  // Shapes are checked across the boundary: fc1 still expects 128 = 8·4·4 features, now it gets 64.
  await expect(editor.node('fc1')).toHaveAttribute('data-status', 'error');
  await expect(page.getByTestId('node-error-fc1')).toContainText('64');

  // Expanding is one edit; undo folds it again.
  await block.getByTestId('block-expand-stem_1').click();
  await expect(editor.node('conv1')).toBeVisible();
  await editor.clickEmptyCanvas();
  await page.keyboard.press(`${MOD}+Z`);
  await expect(page.getByTestId('block-stem_1')).toBeVisible();
});
