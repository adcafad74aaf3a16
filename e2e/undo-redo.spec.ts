/** One history of document edits: a typing burst is one step, a drag is one step, selection is no step. */
import { expect, test } from '@playwright/test';
import { Editor, MOD } from './fixtures/editor.ts';

test('a typing burst and a drag are one step each; undo and redo walk them exactly; selecting is not history', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  const undo = page.getByTestId('toolbar-undo');
  await expect(undo).toBeDisabled();
  await editor.select('fc1');
  await editor.select('conv1');
  await expect(undo).toBeDisabled();

  // Typing 1, 2 into out_channels sets 1 then 12: two edits within a second, one step.
  await editor.param('out_channels').fill('');
  await editor.param('out_channels').pressSequentially('12');
  await expect(editor.edgeLabel('e-conv1-relu1')).toHaveText('[N,12,8,8]');
  await expect(undo).toHaveAttribute('title', /^Undo Set out_channels/);

  const before = await editor.node('fc1').boundingBox();
  const header = editor.node('fc1').locator('.nl-node__header');
  const box = (await header.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 30 + i * 12, box.y + box.height / 2 + i * 6);
  await page.mouse.up();
  await expect(undo).toHaveAttribute('title', /^Undo Move/);
  const moved = (await editor.node('fc1').boundingBox())!;
  expect(moved.x - before!.x).toBeGreaterThan(60);

  await editor.clickEmptyCanvas();
  await page.keyboard.press(`${MOD}+Z`); // the drag
  await expect.poll(async () => (await editor.node('fc1').boundingBox())!.x).toBeCloseTo(before!.x, 0);
  await expect(editor.edgeLabel('e-conv1-relu1')).toHaveText('[N,12,8,8]');
  await page.keyboard.press(`${MOD}+Z`); // the typing burst, whole
  await expect(editor.edgeLabel('e-conv1-relu1')).toHaveText('[N,8,8,8]');
  await expect(undo).toBeDisabled();

  await page.keyboard.press(`${MOD}+Y`);
  await expect(editor.edgeLabel('e-conv1-relu1')).toHaveText('[N,12,8,8]');
  await page.keyboard.press(`${MOD}+Shift+Z`);
  await expect.poll(async () => (await editor.node('fc1').boundingBox())!.x).toBeCloseTo(moved.x, 0);
  await expect(page.getByTestId('toolbar-redo')).toBeDisabled();
});
