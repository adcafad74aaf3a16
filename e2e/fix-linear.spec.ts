/** A wrong in_features is pinned to the Linear node with the number it needs, listed in Problems, and fixed in one click. */
import { expect, test } from '@playwright/test';
import { Editor } from './fixtures/editor.ts';

test('in_features 100 on [N,128] → error on the node, listed in Problems, and Fix restores it', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  const errorsBefore = Number(await editor.summary('errors').getAttribute('data-value'));
  await editor.select('fc1');
  await editor.param('in_features').fill('100');

  await expect(editor.node('fc1')).toHaveAttribute('data-status', 'error');
  await expect(page.getByTestId('node-error-fc1')).toContainText('128');
  await expect(editor.summary('errors')).toHaveAttribute('data-value', String(errorsBefore + 1));

  const problem = editor.problemWithCode('features-mismatch');
  await expect(problem).toHaveCount(1);
  await expect(problem).toContainText('fc1');
  await expect(problem).toContainText('128');

  // Clicking the problem selects its node (after clearing the selection by clicking the empty canvas).
  await page.getByTestId('canvas').locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await expect(page.getByTestId('inspector-fc1')).toHaveCount(0);
  await problem.locator('.nl-problem__go').click();
  await expect(page.getByTestId('inspector-fc1')).toBeVisible();

  await problem.getByRole('button', { name: /^Fix/ }).click();
  await expect(editor.summary('errors')).toHaveAttribute('data-value', '0');
  await expect(editor.node('fc1')).not.toHaveAttribute('data-status', 'error');
  await expect(page.getByTestId('node-error-fc1')).toHaveCount(0);
  await expect(editor.param('in_features')).toHaveValue('128');
  await expect(editor.edgeLabel('e-fc1-loss')).toHaveText('[N,10]');
});
