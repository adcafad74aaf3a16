/** Adding a node from the palette and wiring it by dragging handle to handle gives the new edge its shape. */
import { expect, test } from '@playwright/test';
import { Editor } from './fixtures/editor.ts';

test('add a ReLU from the palette, connect Linear → ReLU, and see [N,10] on the new edge', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  const edgesBefore = await editor.edgeIds();
  const relusBefore = await editor.nodesOfKind('relu').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));

  await page.getByTestId('palette-relu').click();
  await expect(editor.nodesOfKind('relu')).toHaveCount(relusBefore.length + 1);
  const testIds = await editor.nodesOfKind('relu').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
  const added = testIds.find((id) => !relusBefore.includes(id))!.replace(/^node-/, '');
  // The new node is selected, so the inspector shows it.
  await expect(page.getByTestId(`inspector-${added}`)).toBeVisible();

  await editor.connect('handle-fc1-out-y', `handle-${added}-in-x`);

  await expect(editor.edgeLabels()).toHaveCount(edgesBefore.length + 1);
  const newEdge = (await editor.edgeIds()).find((id) => !edgesBefore.includes(id))!;
  await expect(editor.edgeLabel(newEdge)).toHaveText('[N,10]');
  await expect(page.getByTestId(`node-shape-${added}-y`)).toHaveText('[N,10]');
});
