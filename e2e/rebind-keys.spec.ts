/**
 * Rebinding a shortcut in the `?` sheet: the new chord works at once and shows on the toolbar, a chord another
 * command has is not taken silently (swap or cancel), the binding survives a reload, and reset brings the default
 * back. A corrupt stored record leaves the defaults in place.
 */
import { expect, test, type Page } from '@playwright/test';
import { Editor } from './fixtures/editor.ts';

const STORAGE_KEY = 'netloom.keybindings';

const viewportTransform = (page: Page) => page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);

/** The viewport once its animation (fit, zoom) has finished: two reads a quarter second apart agree. */
async function settledTransform(page: Page): Promise<string> {
  let last = '';
  await expect.poll(async () => {
    const now = await viewportTransform(page);
    const settled = now === last;
    last = now;
    return settled;
  }, { intervals: [250] }).toBe(true);
  return last;
}

const keysOf = (page: Page, id: string) => page.getByTestId(`shortcut-${id}`).locator('kbd');

test('fit view rebound in the ? sheet works at once, survives a reload, and resets', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  await editor.clickEmptyCanvas();
  // The fitted view, from the toolbar's Fit button (the action the shortcut runs).
  await page.getByTestId('toolbar-fit').click();
  const fitted = await settledTransform(page);
  await expect(page.getByTestId('toolbar-fit')).toHaveAttribute('title', 'Fit the graph in view (.)');

  await page.keyboard.press('?');
  await expect(keysOf(page, 'fit')).toHaveText(['.']);
  await page.getByTestId('shortcut-change-fit').click();
  await expect(page.getByTestId('shortcut-capture')).toContainText('Press the new keys');
  // A modifier alone is not a chord; Tab is refused with its reason; F belongs to another command.
  await page.keyboard.press('Shift');
  await expect(page.getByTestId('shortcut-capture')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('shortcut-refused')).toContainText('Tab moves the keyboard focus');
  await page.keyboard.press('f');
  await expect(page.getByTestId('shortcut-conflict')).toContainText('F is already “Frame the selection”');
  await page.getByTestId('shortcut-cancel').click();
  await expect(page.getByTestId('shortcut-conflict')).toHaveCount(0);
  await expect(keysOf(page, 'fit')).toHaveText(['.']);
  await expect(keysOf(page, 'fit-selection')).toHaveText(['F']);

  // Escape cancels a capture without closing the sheet.
  await page.getByTestId('shortcut-change-fit').click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcut-capture')).toHaveCount(0);
  await expect(page.getByTestId('shortcuts')).toBeVisible();

  await page.getByTestId('shortcut-change-fit').click();
  await page.keyboard.press('Shift+F');
  await expect(page.getByTestId('shortcut-capture')).toHaveCount(0);
  await expect(keysOf(page, 'fit')).toHaveText(['Shift+F']);
  await expect(page.getByTestId('toolbar-fit')).toHaveAttribute('title', 'Fit the graph in view (Shift+F)');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts')).toHaveCount(0);

  // The new chord fits the view at once; the old one no longer does.
  await page.keyboard.press('=');
  await page.keyboard.press('=');
  const zoomed = await settledTransform(page);
  expect(zoomed).not.toBe(fitted);
  await page.keyboard.press('.');
  expect(await settledTransform(page)).toBe(zoomed);
  await page.keyboard.press('Shift+F');
  await expect.poll(() => viewportTransform(page)).toBe(fitted);

  // Kept across a reload.
  await page.reload();
  await expect(editor.node('data')).toBeVisible();
  await expect(page.getByTestId('toolbar-fit')).toHaveAttribute('title', 'Fit the graph in view (Shift+F)');
  await editor.clickEmptyCanvas();
  await page.keyboard.press('=');
  expect(await settledTransform(page)).not.toBe(fitted);
  await page.keyboard.press('Shift+F');
  await expect.poll(() => viewportTransform(page)).toBe(fitted);

  // Another command asks for the same chord: swap hands it over and gives that command the other's keys.
  await page.keyboard.press('?');
  await expect(keysOf(page, 'fit')).toHaveText(['Shift+F']);
  await page.getByTestId('shortcut-change-fit-selection').click();
  await page.keyboard.press('Shift+F');
  await expect(page.getByTestId('shortcut-conflict')).toContainText('Shift+F is already “Fit the graph in view”');
  await page.getByTestId('shortcut-swap').click();
  await expect(keysOf(page, 'fit-selection')).toHaveText(['Shift+F']);
  await expect(keysOf(page, 'fit')).toHaveText(['F']);

  // Reset one command, then all.
  await page.getByTestId('shortcut-reset-fit').click();
  await expect(keysOf(page, 'fit')).toHaveText(['.']);
  await expect(page.getByTestId('shortcut-reset-fit')).toHaveCount(0);
  await expect(page.getByTestId('toolbar-fit')).toHaveAttribute('title', 'Fit the graph in view (.)');
  await page.getByTestId('shortcuts-reset-all').click();
  await expect(keysOf(page, 'fit-selection')).toHaveText(['F']);
  await expect(page.getByTestId('shortcuts-reset-all')).toBeDisabled();
  expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBeNull();
  await page.reload();
  await expect(editor.node('data')).toBeVisible();
  await expect(page.getByTestId('toolbar-fit')).toHaveAttribute('title', 'Fit the graph in view (.)');
});

test('a corrupt or outdated stored binding record is ignored: the defaults apply', async ({ page }) => {
  const editor = new Editor(page);
  for (const stored of ['{corrupt', JSON.stringify({ format: 'netloom.keybindings', version: 99, bindings: { fit: ['Shift+F'] } })]) {
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, stored] as const);
    await editor.open();
    await expect(page.getByTestId('toolbar-fit')).toHaveAttribute('title', 'Fit the graph in view (.)');
    await editor.clickEmptyCanvas();
    await page.keyboard.press('?');
    await expect(keysOf(page, 'fit')).toHaveText(['.']);
  }
});
