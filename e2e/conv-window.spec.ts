/** A kernel larger than its padded input is refused on the Conv2d node, with PyTorch's output-size arithmetic. */
import { expect, test } from '@playwright/test';
import { Editor } from './fixtures/editor.ts';

test('kernel 11 with padding 0 on an 8×8 input → nonpositive output with the arithmetic', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  await editor.select('conv1');
  await editor.param('kernel_size').fill('11');
  await editor.param('padding').fill('0');

  await expect(editor.node('conv1')).toHaveAttribute('data-status', 'error');
  const message = page.getByTestId('node-error-conv1');
  // ⌊(H + 2p − k)/s⌋ + 1 = ⌊(8 + 0 − 11)/1⌋ + 1 = −2 (the engine writes a real minus sign).
  await expect(message).toContainText('⌊(8+2·0−11)/1⌋+1 = −2');
  await expect(message).toContainText('11');
  await expect(editor.problemWithCode('nonpositive-output')).toContainText('conv1');
  // Nothing downstream of the failing node has a shape.
  await expect(editor.edgeLabel('e-conv1-relu1')).toHaveText('?');
});
