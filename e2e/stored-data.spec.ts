/**
 * Data the user loaded stays in the browser until the user removes it in the Data dialog's "Stored in this browser"
 * tab: deleting its node keeps it (listed as not used), Remove takes it out of IndexedDB for good; removing data a
 * node uses first asks, naming the node, leaves the graph as it was, and training then says the node has no data; a
 * removal IndexedDB refuses is shown and keeps the data.
 */
import { expect, test, type Page } from '@playwright/test';
import { Editor } from './fixtures/editor.ts';

/** A hostile file name: it must show as these characters, never as an element. */
const HOSTILE = '<img src=x onerror=alert(1)>.csv';

const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

/** The keys IndexedDB holds in the user's data store, read in the page as the app would. */
function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => new Promise<string[]>((resolve, reject) => {
    const open = indexedDB.open('netloom-data');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const keys = db.transaction('datasets', 'readonly').objectStore('datasets').getAllKeys();
      keys.onsuccess = () => { resolve(keys.result.map(String)); db.close(); };
      keys.onerror = () => reject(keys.error);
    };
  }));
}

async function openStoredTab(page: Page): Promise<void> {
  await page.getByTestId('toolbar-data').click();
  await page.getByTestId('data-tab-stored').click();
}

/** Loads a CSV in the open Data dialog's "Your data" tab and uses it. */
async function useCsv(page: Page, name: string, text: string, features: number): Promise<void> {
  await page.getByTestId('data-tab-local').click();
  await page.getByTestId('data-file-input').setInputFiles(csvFile(name, text));
  await expect(page.getByTestId('data-shapes')).toContainText(`features [N, ${features}]`);
  await page.getByTestId('data-use').click();
  await expect(page.getByTestId('data-dialog')).toHaveCount(0);
}

test('loaded data outlives its node, listed as not used, until Remove takes it out of IndexedDB for good', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  // The sample's Dataset node becomes a Your-data node in place, id kept.
  const id = 'data';
  await editor.select(id);
  await page.getByTestId('inspector-choose-data').click();
  // Four rows of three float features and a class name: 4·3·4 + 4·4 bytes.
  await useCsv(page, HOSTILE, 'a,b,c,kind\n1,2,3,x\n4,5,6,y\n7,8,9,x\n1,1,1,y\n', 3);
  await expect(editor.node(id)).toHaveAttribute('data-kind', 'local_data');
  await expect.poll(() => storedKeys(page)).toEqual([id]);

  await openStoredTab(page);
  const row = page.getByTestId(`stored-dataset-${id}`);
  await expect(row.getByTestId('stored-data-name')).toHaveText(HOSTILE);
  await expect(row.locator('img')).toHaveCount(0);
  await expect(row.getByTestId('stored-data-facts')).toHaveText('classification, 4 samples, features [3] per sample');
  await expect(row.getByTestId('stored-data-size')).toHaveAttribute('data-bytes', '64');
  await expect(row.getByTestId('stored-data-size')).toHaveText('64 B');
  await expect(row.getByTestId('stored-data-users')).toHaveText(`used by node ${id}`);
  // Chromium has navigator.storage.estimate().
  await expect(page.getByTestId('stored-data-estimate')).toContainText('This site uses');
  await page.getByTestId('data-dialog-close').click();

  // Deleting the node keeps its data: a saved graph file or an undo may need it.
  await editor.select(id);
  await page.keyboard.press('Delete');
  await expect(editor.node(id)).toHaveCount(0);
  await openStoredTab(page);
  await expect(row.getByTestId('stored-data-users')).toHaveText('not used by this graph');
  expect(await storedKeys(page)).toEqual([id]);

  // Data no node uses goes at once, without a question.
  await row.getByTestId('stored-data-remove').click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId('stored-data-empty')).toBeVisible();
  await editor.saved();

  await page.reload();
  await expect(editor.node('conv1')).toBeVisible();
  await expect(editor.node(id)).toHaveCount(0);
  expect(await storedKeys(page)).toEqual([]);
  await openStoredTab(page);
  await expect(page.getByTestId('stored-data-empty')).toBeVisible();
});

test('removing data a node uses asks first, naming the node; a refused removal is shown; after it, training says the node has no data', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  await editor.openTemplate('logreg-iris', 'linear');
  await editor.select('data');
  await page.getByTestId('inspector-choose-data').click();
  await useCsv(page, 'flowers.csv', 'a,b,c,d,kind\n1,2,3,4,x\n4,5,6,7,y\n7,8,9,1,z\n1,1,1,1,y\n', 4);
  await expect(editor.node('data')).toHaveAttribute('data-kind', 'local_data');
  await expect.poll(() => storedKeys(page)).toEqual(['data']);

  await openStoredTab(page);
  const row = page.getByTestId('stored-dataset-data');
  await expect(row.getByTestId('stored-data-users')).toHaveText('used by node data');
  await row.getByTestId('stored-data-remove').click();
  await expect(row.getByTestId('stored-data-confirm')).toContainText('Remove flowers.csv? Then node data will have no data to train on (the graph keeps it).');
  // Keep: nothing happens.
  await row.getByTestId('stored-data-confirm-cancel').click();
  await expect(row.getByTestId('stored-data-confirm')).toHaveCount(0);
  expect(await storedKeys(page)).toEqual(['data']);

  // A browser whose storage refuses the delete: the user is told, and the data stays listed (and stored).
  await page.evaluate(() => {
    const broken = IDBObjectStore.prototype as { delete: unknown; realDelete?: unknown };
    broken.realDelete = broken.delete;
    broken.delete = () => { throw new DOMException('the disk is not writable', 'UnknownError'); };
  });
  await row.getByTestId('stored-data-remove').click();
  await row.getByTestId('stored-data-confirm-remove').click();
  await expect(row.getByTestId('stored-data-error')).toHaveText('Not removed: it could not be removed from this browser’s storage (UnknownError: the disk is not writable)');
  await expect(row.getByTestId('stored-data-users')).toHaveText('used by node data');
  await page.evaluate(() => {
    const broken = IDBObjectStore.prototype as { delete: unknown; realDelete?: unknown };
    broken.delete = broken.realDelete;
  });
  expect(await storedKeys(page)).toEqual(['data']);

  await row.getByTestId('stored-data-remove').click();
  await row.getByTestId('stored-data-confirm-remove').click();
  await expect(row).toHaveCount(0);
  expect(await storedKeys(page)).toEqual([]);
  await page.getByTestId('data-dialog-close').click();

  // The graph is as it was: the node still describes its data; training names it as having none.
  await expect(editor.node('data')).toHaveAttribute('data-kind', 'local_data');
  await expect(page.getByTestId('node-param-data-name')).toContainText('flowers.csv');
  await page.getByTestId('toolbar-train').click();
  await page.getByTestId('run-start').click();
  await expect(page.getByTestId('run-error')).toHaveAttribute('data-node', 'data');
  await expect(page.getByTestId('run-error')).toContainText('node data: no data is loaded for it in this browser');
});
