/**
 * The data dialog: a built-in dataset's preview and shapes; the user's own CSV — a bad row is refused with its line
 * and column and the graph stays as it was; a good file becomes a "Your data" node with the file's feature shape,
 * added as one undoable edit.
 */
import { crc32, deflateSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { zipSync } from 'fflate';
import { Editor, readSample } from './fixtures/editor.ts';

const csv = (text: string) => ({ mimeType: 'text/csv', buffer: Buffer.from(text) });

/** A solid-colour RGB PNG, written by the format's definition (chunks with CRC-32, zlib-deflated scanlines). */
function png(size: number, rgb: readonly [number, number, number]): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4), crc = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, no interlace
  const row = [0, ...Array.from({ length: size }, () => rgb).flat()]; // filter type 0, then the pixels
  const pixels = Buffer.from(Array.from({ length: size }, () => row).flat());
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

test('previews the two spirals as points with the shapes they feed', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  await page.getByTestId('toolbar-data').click();
  await expect(page.getByTestId('data-dialog')).toBeVisible();
  await page.getByTestId('data-builtin-spirals').click();
  await expect(page.getByTestId('data-preview')).toHaveAttribute('data-view', 'points');
  await expect(page.getByTestId('data-preview-points')).toBeVisible();
  // Two coordinates per point, one class index per point.
  await expect(page.getByTestId('data-shapes')).toContainText('features [N, 2]');
  await expect(page.getByTestId('data-shapes')).toContainText('labels [N]');

  // An image dataset previews as a grid of images; its image layout feeds [N, 1, 8, 8].
  await page.getByTestId('data-builtin-digits').click();
  await page.getByTestId('data-layout').selectOption('image');
  await expect(page.getByTestId('data-preview-images')).toBeVisible();
  await expect(page.getByTestId('data-shapes')).toContainText('features [N, 1, 8, 8]');

  // Fashion-MNIST (still in the image layout) reads all four shipped files, the smallest of which must not be inlined as a data: URL (the CSP's
  // connect-src would refuse to fetch it).
  await page.getByTestId('data-builtin-fashion-mnist').click();
  await expect(page.getByTestId('data-preview-images')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('data-shapes')).toContainText('features [N, 1, 28, 28]');
});

test('a CSV with a bad row is refused with its line and column; a good one adds a Your-data node of its shape', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  const params = await editor.summary('params').getAttribute('data-value');
  await page.getByTestId('toolbar-data').click();
  await page.getByTestId('data-tab-local').click();

  // Line 1 is the header; the second data row (line 3) has a word where a number belongs.
  await page.getByTestId('data-file-input').setInputFiles({ name: 'flowers.csv', ...csv('petal,sepal,stem,kind\n1.5,0.2,3,a\n4.7,wide,2,b\n1.4,0.3,1,a\n') });
  await expect(page.getByTestId('data-error')).toContainText('flowers.csv, line 3, column "sepal": "wide" is not a number');
  await expect(page.getByTestId('data-use')).toHaveCount(0);
  await page.getByTestId('data-dialog-close').click();
  // Nothing changed: the same nodes, the same totals, nothing to undo.
  await expect(editor.nodesOfKind('local_data')).toHaveCount(0);
  for (const node of readSample().nodes) await expect(editor.node(node.id)).toBeVisible();
  await expect(editor.summary('params')).toHaveAttribute('data-value', params!);
  await expect(page.getByTestId('toolbar-undo')).toBeDisabled();

  await page.getByTestId('toolbar-data').click();
  await page.getByTestId('data-tab-local').click();
  await page.getByTestId('data-file-input').setInputFiles({ name: 'flowers.csv', ...csv('petal,sepal,stem,kind\n1.5,0.2,3,a\n4.7,1.4,2,b\n1.4,0.3,1,a\n6.1,2.2,2,c\n') });
  await expect(page.getByTestId('data-csv-target')).toHaveValue('3');
  await expect(page.getByTestId('data-csv-task')).toHaveValue('classification');
  await expect(page.getByTestId('data-csv-table')).toContainText('4.7');
  // Three feature columns, one class index per row.
  await expect(page.getByTestId('data-shapes')).toContainText('features [N, 3]');
  await expect(page.getByTestId('data-shapes')).toContainText('labels [N]');
  await page.getByTestId('data-use').click();
  await expect(page.getByTestId('data-dialog')).toHaveCount(0);

  const added = editor.nodesOfKind('local_data');
  await expect(added).toHaveCount(1);
  const id = (await added.getAttribute('data-testid'))!.slice('node-'.length);
  await expect(page.getByTestId(`node-shape-${id}-features`)).toHaveText('[N,3]');
  await expect(page.getByTestId(`node-shape-${id}-labels`)).toHaveText('[N]');
  await expect(page.getByTestId(`node-param-${id}-name`)).toContainText('flowers.csv');

  // One undoable edit: undo takes the node away again.
  await page.getByTestId('toolbar-undo').click();
  await expect(editor.nodesOfKind('local_data')).toHaveCount(0);
});

test('a zip of images, one folder per class, decodes in the browser and previews as an image grid', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  await page.getByTestId('toolbar-data').click();
  await page.getByTestId('data-tab-local').click();
  const zip = zipSync({
    'shapes/red/1.png': png(6, [255, 0, 0]), 'shapes/red/2.png': png(4, [200, 0, 0]),
    'shapes/blue/1.png': png(5, [0, 0, 255]), 'shapes/readme.txt': Buffer.from('not an image'),
  });
  await page.getByTestId('data-file-input').setInputFiles({ name: 'shapes.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  // Resized to the default 28×28, greyscale: [N, 1, 28, 28].
  await expect(page.getByTestId('data-preview-images')).toBeVisible();
  await expect(page.getByTestId('data-shapes')).toContainText('features [N, 1, 28, 28]');
  await expect(page.getByTestId('data-preview')).toContainText('3 samples');
  await expect(page.getByTestId('data-preview')).toContainText('2 classes');
  await page.getByTestId('data-image-channels').selectOption('3');
  await expect(page.getByTestId('data-shapes')).toContainText('features [N, 3, 28, 28]');
});
