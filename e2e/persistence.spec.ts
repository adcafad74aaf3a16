/** Autosave to IndexedDB: restored exactly on reload, tabs never overwrite each other silently, storage errors shown. */
import { expect, test } from '@playwright/test';
import { Editor } from './fixtures/editor.ts';

test('edits are autosaved and the graph is back exactly after a reload', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  await editor.select('fc1');
  await editor.param('out_features').fill('7');
  await page.getByTestId('inspector-label').fill('Classifier');
  await page.getByTestId('inspector-notes').fill('seven classes, for the test');
  await editor.saved();
  await expect(page.getByTestId('save-status')).toContainText('Saved locally');

  await page.reload();
  await expect(editor.node('fc1')).toBeVisible();
  await expect(page.getByTestId('node-label-fc1')).toHaveText('Classifier');
  await expect(page.getByTestId('node-notes-fc1')).toHaveText('seven classes, for the test');
  await expect(page.getByTestId('node-shape-fc1-y')).toHaveText('[N,7]');
  await expect(page.getByTestId('node-param-fc1-out_features')).toContainText('7');
});

test('an edit in one tab reaches the other; simultaneous edits become a conflict the user settles', async ({ page, context }) => {
  const first = new Editor(page);
  await first.open();
  const other = await context.newPage();
  const second = new Editor(other);
  await second.open();

  // Tab 1 edits; tab 2 has nothing unsaved, so it takes tab 1's graph.
  await first.select('fc1');
  await first.param('out_features').fill('5');
  await expect(other.getByTestId('node-shape-fc1-y')).toHaveText('[N,5]');

  // Both tabs edit before either hears of the other: the second to save must not overwrite the first.
  await second.select('conv1');
  await Promise.all([first.param('out_features').fill('6'), second.param('out_channels').fill('3')]);
  const statuses = async () => [await page.getByTestId('save-status').getAttribute('data-status'), await other.getByTestId('save-status').getAttribute('data-status')];
  await expect.poll(statuses).toContain('conflict');
  const [loser, winner] = (await page.getByTestId('save-status').getAttribute('data-status')) === 'conflict' ? [page, other] : [other, page];
  await expect(loser.getByTestId('save-status')).toContainText('another tab');

  // The user keeps the conflicted tab's graph: it is written, and the other tab takes it.
  const kept = await loser.getByTestId('summary-params').getAttribute('data-value');
  await loser.getByTestId('conflict-keep-mine').click();
  await expect(loser.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await expect(winner.getByTestId('summary-params')).toHaveAttribute('data-value', kept!);
});

test('a full storage quota is reported within a second, and the graph stays editable', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(page.url()).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  await editor.select('fc1');
  const start = Date.now();
  await editor.param('out_features').fill('9');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'error', { timeout: 1000 });
  expect(Date.now() - start).toBeLessThan(1000);
  await expect(page.getByTestId('save-status')).toContainText('storage');
  await expect(page.getByTestId('node-shape-fc1-y')).toHaveText('[N,9]');

  // With space again, the next edit saves.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await editor.param('out_features').fill('10');
  await editor.saved();
});
