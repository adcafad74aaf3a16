/** The templates gallery, the summary table, auto-layout as one undo step, and the theme switch. */
import { expect, test } from '@playwright/test';
import { Editor, MOD, readTemplate } from './fixtures/editor.ts';

const CLEAN = [['mlp-spirals', 'fc3'], ['logreg-iris', 'linear'], ['lenet-fashion', 'conv2'], ['resnet-digits', 'add']] as const;

test('every template but the broken CNN opens without a problem; the summary table lists layers and totals', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  for (const [id, node] of CLEAN) {
    await editor.openTemplate(id, node);
    await expect(page.getByTestId('graph-name')).toHaveText(readTemplate(id).name);
    await expect(editor.summary('errors')).toHaveAttribute('data-value', '0');
    await expect(page.getByTestId('problems-empty')).toBeVisible();
  }
  await page.getByTestId('toolbar-summary').click();
  const table = page.getByTestId('summary-table');
  // ResNet block on digits, torchinfo-style: the stem conv is Conv2d(1,16,3): 16·1·9 + 16 = 160 weights.
  await expect(table.getByTestId('summary-row-stem')).toContainText('[N,16,8,8]');
  await expect(table.getByTestId('summary-row-stem').locator('td').nth(2)).toHaveAttribute('data-value', '160');
  await expect(table.getByTestId('summary-row-gap')).toContainText('[N,16]');
  await expect(table.getByTestId('summary-total').locator('td').nth(2)).toHaveAttribute('data-value', await editor.summary('params').getAttribute('data-value') ?? '');
});

test('auto-layout moves nodes left to right in one undoable step; the theme switch goes dark', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  const x = async (id: string) => (await editor.node(id).boundingBox())!.x;
  // The sample puts flat on the second row, left of conv1.
  expect(await x('flat')).toBeLessThan(await x('conv1'));
  await page.getByTestId('toolbar-layout').click();
  // Data flows left to right: every node is right of the node feeding it.
  await expect.poll(async () => (await x('flat')) > (await x('pool1')) && (await x('fc1')) > (await x('flat'))).toBe(true);
  await expect(page.getByTestId('toolbar-undo')).toHaveAttribute('title', /^Undo Auto-layout/);
  await editor.clickEmptyCanvas();
  await page.keyboard.press(`${MOD}+Z`);
  await expect(page.getByTestId('toolbar-undo')).toBeDisabled();
  await expect.poll(async () => (await x('flat')) < (await x('conv1'))).toBe(true);

  await page.getByTestId('theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
