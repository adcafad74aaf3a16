/**
 * Training in the page's worker on WebGPU (Chromium with `--enable-unsafe-webgpu`, here on its SwiftShader adapter):
 * the run panel says which backend trains, and the spirals MLP learns there as it does on the CPU.
 */
import { expect, test } from '@playwright/test';
import { Editor } from './fixtures/editor.ts';

test.use({
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking', '--no-first-run'],
  },
});

test('the spirals MLP trains on WebGPU in the worker, and the run panel names the backend', async ({ page }) => {
  test.setTimeout(120_000);
  const editor = new Editor(page);
  await editor.open();
  await editor.openTemplate('mlp-spirals', 'fc3');
  await page.getByTestId('toolbar-train').click();
  await page.getByTestId('run-setting-backend').selectOption('webgpu');
  await page.getByTestId('run-setting-epochs').fill('3');
  await page.getByTestId('run-start').click();
  await expect(page.getByTestId('run-panel')).toHaveAttribute('data-status', 'finished', { timeout: 100_000 });
  await expect(page.getByTestId('run-backend')).toHaveAttribute('data-backend', 'webgpu');
  await expect(page.getByTestId('run-backend-fallback')).toHaveCount(0);
  // It learned: the last epoch's training loss is below the first's.
  await page.getByTestId('train-tab-epochs').click();
  const loss = async (epoch: number) => Number((await page.getByTestId(`epoch-row-${epoch}`).locator('td').nth(1).innerText()).split(' ')[0]);
  expect(await loss(3)).toBeLessThan(await loss(1));
});
