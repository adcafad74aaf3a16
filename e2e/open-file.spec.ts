/** Opening and saving graph files: a bad file shows its JSON path and reason and changes nothing; a good one opens. */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Editor, MOD, readSample, readTemplate } from './fixtures/editor.ts';

test('a malformed file and an invalid one are refused with path and reason, the current graph intact', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  const params = await editor.summary('params').getAttribute('data-value');

  await editor.openFile('broken.json', '{\n  "format": "netloom.graph",\n  "version": 2,\n  "nodes": [,]\n}');
  await expect(page.getByTestId('file-error')).toContainText('“broken.json” did not open');
  await expect(page.getByTestId('file-error-path-0')).toHaveText('$');
  await expect(page.getByTestId('file-error-message-0')).toContainText('invalid JSON at line 4, column 13');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('file-error')).toHaveCount(0);

  const sample = readSample() as unknown as { nodes: { params: Record<string, unknown> }[] };
  sample.nodes[1]!.params['kernel_size'] = { h: 3 };
  await editor.openFile('invalid.json', JSON.stringify(sample));
  await expect(page.getByTestId('file-error-path-0')).toHaveText('$.nodes[1].params.kernel_size');
  await expect(page.getByTestId('file-error-message-0')).toContainText('must be a finite number, a string');
  await page.getByTestId('file-error-close').click();

  // Nothing changed: same nodes, same totals, nothing to undo.
  for (const node of readSample().nodes) await expect(editor.node(node.id)).toBeVisible();
  await expect(editor.summary('params')).toHaveAttribute('data-value', params!);
  await expect(page.getByTestId('toolbar-undo')).toBeDisabled();
});

test('a good file opens by the file picker and by dropping it on the canvas; Ctrl+S saves the graph as a file', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  const lenet = readTemplate('lenet-fashion');
  await editor.openFile('lenet.json', JSON.stringify(lenet));
  await expect(editor.node('fc3')).toBeVisible();
  await expect(page.getByTestId('graph-name')).toHaveText('LeNet on Fashion-MNIST');
  // LeNet-5 in PyTorch: 61,706 parameters.
  await expect(editor.summary('params')).toHaveAttribute('data-value', '61706');

  // Opening was one undoable step.
  await editor.clickEmptyCanvas();
  await page.keyboard.press(`${MOD}+Z`);
  await expect(editor.node('fc3')).toHaveCount(0);

  // Drag and drop a file onto the canvas.
  const drop = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return data;
  }, JSON.stringify(readTemplate('logreg-iris')));
  await page.getByTestId('canvas').dispatchEvent('drop', { dataTransfer: drop });
  await expect(page.getByTestId('graph-name')).toHaveText('Logistic regression on Iris');
  await expect(editor.summary('params')).toHaveAttribute('data-value', String(4 * 3 + 3));

  const download = page.waitForEvent('download');
  await page.keyboard.press(`${MOD}+S`);
  const file = await download;
  expect(file.suggestedFilename()).toBe('logistic-regression-on-iris.netloom.json');
  const saved = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { format: string; version: number; nodes: unknown[] };
  expect(saved).toMatchObject({ format: 'netloom.graph', version: 2 });
  expect(saved.nodes).toHaveLength(readTemplate('logreg-iris').nodes.length);
});
