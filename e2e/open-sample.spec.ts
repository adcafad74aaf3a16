/** The app opens with the sample graph analysed: shapes on every edge, PyTorch's parameter count in the summary. */
import { expect, test } from '@playwright/test';
import { Editor, readSample, type SampleNode } from './fixtures/editor.ts';

/** Trainable parameters by PyTorch's formulas, written out here independently of the engine. */
function pytorchParams(node: SampleNode): number {
  const p = node.params as Record<string, number>;
  switch (node.kind) {
    case 'conv2d': // weight [out, in/groups, k, k] + bias [out]
      return p.out_channels! * (p.in_channels! / (p.groups ?? 1)) * p.kernel_size! ** 2 + p.out_channels!;
    case 'linear': // weight [out, in] + bias [out]
      return p.in_features! * p.out_features! + p.out_features!;
    default: // data, activations, pooling, flatten, losses and optimizers hold no trainable weights
      return 0;
  }
}

test('opens the sample graph with a shape on every edge and PyTorch’s parameter total', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  const sample = readSample();

  for (const node of sample.nodes) await expect(editor.node(node.id)).toBeVisible();
  await expect(editor.edgeLabels()).toHaveCount(sample.edges.length);
  for (const edge of sample.edges) await expect(editor.edgeLabel(edge.id)).toHaveText(/^\[[^?]*\]$/);

  await expect(editor.edgeLabel('e-conv1-relu1')).toHaveText('[N,8,8,8]');
  await expect(editor.edgeLabel('e-pool1-flat')).toHaveText('[N,8,4,4]');
  await expect(editor.edgeLabel('e-flat-fc1')).toHaveText('[N,128]');
  await expect(editor.edgeLabel('e-data-loss')).toHaveText('[N]');

  const expected = sample.nodes.reduce((sum, n) => sum + pytorchParams(n), 0);
  expect(expected).toBe(8 * 1 * 3 * 3 + 8 + 128 * 10 + 10); // 1,370: the formulas above, spelled out
  await expect(editor.summary('params')).toHaveAttribute('data-value', String(expected));
  await expect(editor.summary('params')).toHaveText(expected.toLocaleString('en-US'));
  await expect(editor.summary('errors')).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('problems-empty')).toBeVisible();
});
