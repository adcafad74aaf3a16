/** The broken-CNN template: the channel mismatch is pinned to conv2 and its edge, and the one-click fix is one undo step. */
import { expect, test } from '@playwright/test';
import { Editor, MOD } from './fixtures/editor.ts';

test('conv2 expects 16 channels but gets 8: error on conv2 with the numbers, edge marked, fixed in one click, undoable', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  await editor.openTemplate('broken-cnn', 'conv2');

  await expect(editor.node('conv2')).toHaveAttribute('data-status', 'error');
  await expect(editor.node('conv1')).toHaveAttribute('data-status', 'ok');
  const message = page.getByTestId('node-error-conv2');
  await expect(message).toContainText('in_channels is 16');
  await expect(message).toContainText('[N,8,8,8] has 8 channels');
  // The edge into the failing port is marked, and nothing after conv2 has a shape.
  await expect(editor.edgeLabel('e-relu1-conv2')).toHaveClass(/nl-edge-label--error/);
  await expect(editor.edgeLabel('e-conv2-relu2')).toHaveText('?');

  const problem = editor.problemWithCode('channels-mismatch');
  await expect(problem).toHaveCount(1);
  await editor.clickEmptyCanvas();
  await problem.locator('.nl-problem__go').click();
  await expect(page.getByTestId('inspector-conv2')).toBeVisible();

  await problem.getByRole('button', { name: /^Fix/ }).click();
  await expect(editor.summary('errors')).toHaveAttribute('data-value', '0');
  await expect(editor.node('conv2')).toHaveAttribute('data-status', 'ok');
  await expect(editor.param('in_channels')).toHaveValue('8');
  // ⌊(8 + 2·1 − 3)/1⌋ + 1 = 8, then 2×2 pooling: [N,16,4,4] flattens to 256, which fc expects.
  await expect(editor.edgeLabel('e-pool-flat')).toHaveText('[N,16,4,4]');
  await expect(editor.edgeLabel('e-flat-fc')).toHaveText('[N,256]');

  // The fix was one step: one undo brings the error back, one redo fixes it again.
  await editor.clickEmptyCanvas();
  await page.keyboard.press(`${MOD}+Z`);
  await expect(editor.node('conv2')).toHaveAttribute('data-status', 'error');
  await page.keyboard.press(`${MOD}+Shift+Z`);
  await expect(editor.node('conv2')).toHaveAttribute('data-status', 'ok');
});
