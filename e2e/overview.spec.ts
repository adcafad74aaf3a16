/**
 * The overview: zoomed far out (below 35 %), a big graph is drawn on one canvas instead of a thousand DOM nodes;
 * a click on a drawn node still selects it, and framing it brings the ordinary nodes back.
 */
import { expect, test } from '@playwright/test';
import { serializeGraph } from '../engine/graph/serialize.ts';
import { generateGraph } from './bench/generate-graph.ts';
import { Editor } from './fixtures/editor.ts';

test('a 400-node graph in full view is drawn as an overview; clicking a drawn node selects it; framing it shows the node', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  const graph = generateGraph(400);
  await editor.openFile('big.json', serializeGraph(graph));
  await expect(page.getByTestId('summary-nodes')).toHaveText('400');
  await page.keyboard.press('.');
  const canvas = page.getByTestId('canvas');
  await expect(canvas).toHaveClass(/nl-canvas--overview/);
  await expect(page.getByTestId('overview')).toBeVisible();

  // Where the node is drawn: its flow position through the viewport's transform, a little inside its top-left corner.
  const target = graph.nodes[57]!;
  await page.waitForTimeout(400);
  const transform = await page.locator('.react-flow__viewport').evaluate((v) => getComputedStyle(v).transform);
  const [scale, , , , tx, ty] = transform.slice('matrix('.length, -1).split(',').map(Number) as [number, number, number, number, number, number];
  expect(scale).toBeLessThan(0.35);
  const pane = (await canvas.boundingBox())!;
  await page.mouse.click(pane.x + tx + (target.position.x + 12) * scale, pane.y + ty + (target.position.y + 12) * scale);
  await expect(page.getByTestId(`inspector-${target.id}`)).toBeVisible();

  await page.keyboard.press('f');
  await expect(canvas).not.toHaveClass(/nl-canvas--overview/);
  await expect(editor.node(target.id)).toBeVisible();
  await expect(editor.node(target.id)).toHaveClass(/nl-node--selected/);
});
