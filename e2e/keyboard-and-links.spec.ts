/**
 * Working without a mouse (shortcut sheet, quick-add with `/`, Tab to nodes, the connect command) and linking with
 * one: compatible ports light up while dragging, a refused link says why with shapes, and a link dropped in empty
 * space asks for a node that fits and connects it.
 */
import { expect, test } from '@playwright/test';
import { Editor } from './fixtures/editor.ts';

test('? lists the shortcuts; / adds a node; Tab reaches nodes; C connects from the keyboard', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  await editor.clickEmptyCanvas();
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toBeVisible();
  await expect(page.getByTestId('shortcut-group')).toContainText('Ctrl+G');
  await expect(page.getByTestId('shortcut-redo')).toContainText('Ctrl+Shift+Z');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts')).toHaveCount(0);

  await page.mouse.move(500, 700);
  await page.keyboard.press('/');
  await page.getByTestId('quick-add-search').fill('sigm');
  await page.keyboard.press('Enter');
  await expect(editor.node('sigmoid1')).toBeVisible();
  await expect(page.getByTestId('inspector-sigmoid1')).toBeVisible();

  // Tab moves focus through the nodes; Enter selects the focused one.
  await editor.clickEmptyCanvas();
  await page.locator('.react-flow__node').first().focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('.react-flow__node:focus')).toHaveCount(1);
  const focused = await page.locator('.react-flow__node:focus').getAttribute('data-id');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId(`inspector-${focused}`)).toBeVisible();

  // Connect fc1.y → sigmoid1.x without the mouse.
  await editor.select('fc1');
  await page.keyboard.press('c');
  await expect(page.getByTestId('connect-dialog')).toBeVisible();
  await page.getByTestId('connect-target').selectOption('sigmoid1.x');
  await page.getByTestId('connect-target').press('Enter');
  await expect(editor.edgeLabel('e-fc1-sigmoid1')).toHaveText('[N,10]');
});

test('dragging from fc1.y lights up ports that fit and dims those that do not; a refused link says why', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  const from = (await page.getByTestId('handle-fc1-out-y').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 60, from.y + 80, { steps: 5 });
  // [N,10] fits the loss input and the ReLU; MaxPool2d needs [N,C,H,W].
  await expect(page.getByTestId('node-relu1').locator('.nl-port--in')).toHaveClass(/nl-port--fit/);
  await expect(page.getByTestId('node-pool1').locator('.nl-port--in')).toHaveClass(/nl-port--misfit/);
  await expect(page.getByTestId('node-pool1').locator('.nl-port--in')).toHaveAttribute('title', /\[N,10\] cannot feed pool1\.x, which needs \[N,C,H,W\]/);
  const to = (await page.getByTestId('handle-pool1-in-x').boundingBox())!;
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByTestId('notice')).toContainText('Link refused: [N,10] cannot feed pool1.x, which needs [N,C,H,W] (4 dims, not 2)');
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(0);
});

test('a link dropped in empty space offers only kinds that fit, and the chosen node comes connected', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  const edges = (await editor.edgeIds()).length;
  const from = (await page.getByTestId('handle-fc1-out-y').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 150, from.y + 250, { steps: 10 });
  await page.mouse.up();
  await expect(page.getByTestId('quick-add-link')).toHaveText('New node feeds from fc1.y [N,10]');
  // Conv2d needs [N,C,H,W]: not offered for [N,10]. A Linear is.
  await page.getByTestId('quick-add-search').fill('conv2');
  await expect(page.getByTestId('quick-add-conv2d')).toHaveCount(0);
  await page.getByTestId('quick-add-search').fill('gelu');
  await page.getByTestId('quick-add-gelu').click();
  await expect(editor.node('gelu1')).toBeVisible();
  await expect(editor.edgeLabels()).toHaveCount(edges + 1);
  await expect(editor.edgeLabel('e-fc1-gelu1')).toHaveText('[N,10]');
  await expect(page.getByTestId('node-shape-gelu1-y')).toHaveText('[N,10]');
});
