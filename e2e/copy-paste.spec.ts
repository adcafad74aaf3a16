/** Copy, paste (internal links kept), paste with input links, duplicate and cut, through the system clipboard. */
import { expect, test } from '@playwright/test';
import { Editor, MOD } from './fixtures/editor.ts';

test('copy conv1+relu1 and paste: fresh ids, the link between them kept with its shape; Shift paste keeps the input link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const editor = new Editor(page);
  await editor.open();
  await editor.selectMany(['conv1', 'relu1']);
  await page.keyboard.press(`${MOD}+C`);
  await page.keyboard.press(`${MOD}+V`);

  // conv1 → conv2, relu1 → relu2 (the kind stem with the next free number).
  await expect(editor.node('conv2')).toBeVisible();
  await expect(editor.node('relu2')).toBeVisible();
  // Plain paste leaves the pasted conv unfed, which the analysis reports on it; the link to relu2 is there,
  // waiting for a shape.
  await expect(editor.edgeLabel('e-conv2-relu2')).toHaveText('?');
  await expect(editor.node('conv2')).toHaveAttribute('data-status', 'error');
  await expect(page.getByTestId('node-error-conv2')).toContainText('x');

  await page.keyboard.press(`${MOD}+Shift+V`);
  await expect(editor.node('conv3')).toBeVisible();
  await expect(editor.edgeLabel('e-data-conv3')).toHaveText('[N,1,8,8]');
  // Fed now; only a warning is left (the copy feeds no loss yet).
  await expect(editor.node('conv3')).toHaveAttribute('data-status', 'warning');
  await expect(editor.edgeLabel('e-conv3-relu3')).toHaveText('[N,8,8,8]');

  // Duplicate keeps input links too, and cut removes what it copies.
  await editor.selectMany(['fc1']);
  await page.keyboard.press(`${MOD}+D`);
  await expect(editor.edgeLabel('e-flat-fc2')).toHaveText('[N,128]');
  await editor.selectMany(['fc2']);
  await page.keyboard.press(`${MOD}+X`);
  await expect(editor.node('fc2')).toHaveCount(0);
  await editor.clickEmptyCanvas();
  await page.keyboard.press(`${MOD}+V`);
  await expect(editor.node('fc2')).toBeVisible();
});
