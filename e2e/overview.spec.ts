/**
 * The overview: zoomed far out (below 35 %), a big graph is drawn on one canvas instead of a thousand DOM nodes;
 * a click on a drawn node still selects it, dragging drawn nodes moves them as one undoable step, and framing a node
 * brings the ordinary nodes back. From the keyboard and to screen readers the drawn nodes are a hidden list of buttons.
 */
import { expect, test, type Page } from '@playwright/test';
import type { GraphDocument } from '../engine/graph/types.ts';
import { serializeGraph } from '../engine/graph/serialize.ts';
import { generateGraph } from './bench/generate-graph.ts';
import { Editor, MOD } from './fixtures/editor.ts';

interface View {
  readonly scale: number;
  readonly tx: number;
  readonly ty: number;
}

/** The viewport's transform, read from the page as the browser applies it. */
async function viewOf(page: Page): Promise<View> {
  const transform = await page.locator('.react-flow__viewport').evaluate((v) => getComputedStyle(v).transform);
  const [scale, , , , tx, ty] = transform.slice('matrix('.length, -1).split(',').map(Number) as [number, number, number, number, number, number];
  return { scale, tx, ty };
}

/** Opens a generated 400-node graph and frames it all, which zooms out into the overview. */
async function openOverview(page: Page): Promise<{ editor: Editor; graph: GraphDocument; view: View }> {
  const editor = new Editor(page);
  await editor.open();
  const graph = generateGraph(400);
  await editor.openFile('big.json', serializeGraph(graph));
  await expect(page.getByTestId('summary-nodes')).toHaveText('400');
  await page.keyboard.press('.');
  await expect(page.getByTestId('canvas')).toHaveClass(/nl-canvas--overview/);
  await expect(page.getByTestId('overview')).toBeVisible();
  // Framing animates the viewport: read it once two readings 150 ms apart agree (a loaded machine animates late).
  let view = await viewOf(page);
  await expect.poll(async () => {
    const before = view;
    await page.waitForTimeout(150);
    view = await viewOf(page);
    return view.scale === before.scale && view.tx === before.tx && view.ty === before.ty;
  }).toBe(true);
  expect(view.scale).toBeLessThan(0.35);
  return { editor, graph, view };
}

/** Where a node is drawn on the screen: its flow position through the viewport's transform, a little inside its top-left corner. */
async function drawnAt(page: Page, view: View, position: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const pane = (await page.getByTestId('canvas').boundingBox())!;
  return { x: pane.x + view.tx + (position.x + 12) * view.scale, y: pane.y + view.ty + (position.y + 12) * view.scale };
}

test('a 400-node graph in full view is drawn as an overview; clicking a drawn node selects it; framing it shows the node', async ({ page }) => {
  const { editor, graph, view } = await openOverview(page);
  const target = graph.nodes[57]!;
  const at = await drawnAt(page, view, target.position);
  await page.mouse.click(at.x, at.y);
  await expect(page.getByTestId(`inspector-${target.id}`)).toBeVisible();

  await page.keyboard.press('f');
  await expect(page.getByTestId('canvas')).not.toHaveClass(/nl-canvas--overview/);
  await expect(editor.node(target.id)).toBeVisible();
  await expect(editor.node(target.id)).toHaveClass(/nl-node--selected/);
});

/** Drags from a screen point by `offset` screen pixels in steps, checking mid-way that the nodes already follow. */
async function drag(page: Page, from: { x: number; y: number }, offset: { x: number; y: number }, duringDrag: () => Promise<void>): Promise<void> {
  const steps = 8;
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) await page.mouse.move(from.x + (offset.x * i) / steps, from.y + (offset.y * i) / steps);
  await duringDrag();
  await page.mouse.up();
}

test('dragging a drawn node moves it by the pointer’s move over the zoom, without panning, as one undoable step', async ({ page }) => {
  const { editor, graph, view } = await openOverview(page);
  const target = graph.nodes[57]!;
  const bystander = graph.nodes[58]!;
  expect(await editor.nodePosition(target.id)).toEqual(target.position);
  const offset = { x: 80, y: 50 };
  const expected = { x: target.position.x + offset.x / view.scale, y: target.position.y + offset.y / view.scale };

  await drag(page, await drawnAt(page, view, target.position), offset, async () => {
    // The nodes move while the pointer does (the overview is drawn from them), not only on release.
    await expect.poll(async () => (await editor.nodePosition(target.id)).x).toBeGreaterThan(target.position.x + offset.x / view.scale / 2);
  });

  await expect(page.getByTestId('toolbar-undo')).toHaveAttribute('title', /^Undo Move/);
  const moved = await editor.nodePosition(target.id);
  expect(Math.abs(moved.x - expected.x)).toBeLessThanOrEqual(1.5);
  expect(Math.abs(moved.y - expected.y)).toBeLessThanOrEqual(1.5);
  expect(await editor.nodePosition(bystander.id)).toEqual(bystander.position);
  expect(await viewOf(page)).toEqual(view);
  // The grabbed node is selected, as a drag at normal zoom selects it; the release was not also a click elsewhere.
  await expect(page.getByTestId(`inspector-${target.id}`)).toBeVisible();

  await page.keyboard.press(`${MOD}+Z`);
  await expect.poll(() => editor.nodePosition(target.id)).toEqual(target.position);
  await expect(page.getByTestId('toolbar-undo')).toHaveAttribute('title', /^Undo Open big\.json/);
});

test('a wheel zoom in the middle of an overview drag keeps the grabbed point under the pointer', async ({ page }) => {
  const { editor, graph, view } = await openOverview(page);
  const target = graph.nodes[57]!;
  const pane = (await page.getByTestId('canvas').boundingBox())!;
  const from = await drawnAt(page, view, target.position);
  // Where the pointer grabbed the node, in flow coordinates, relative to its corner.
  const grab = { x: (from.x - pane.x - view.tx) / view.scale - target.position.x, y: (from.y - pane.y - view.ty) / view.scale - target.position.y };
  await drag(page, from, { x: 40, y: 20 }, async () => {
    await page.mouse.wheel(0, -60);
    await expect.poll(async () => (await viewOf(page)).scale).toBeGreaterThan(view.scale);
    await page.mouse.move(from.x + 90, from.y + 40, { steps: 4 });
  });
  const zoomed = await viewOf(page);
  expect(zoomed.scale).toBeLessThan(0.35);
  // Released at from + (90, 40): the grabbed point is there, at the new zoom.
  const under = { x: (from.x + 90 - pane.x - zoomed.tx) / zoomed.scale, y: (from.y + 40 - pane.y - zoomed.ty) / zoomed.scale };
  const moved = await editor.nodePosition(target.id);
  expect(Math.abs(moved.x + grab.x - under.x)).toBeLessThanOrEqual(2);
  expect(Math.abs(moved.y + grab.y - under.y)).toBeLessThanOrEqual(2);
});

test('dragging one node of a selection in the overview moves every selected node with it', async ({ page }) => {
  const { editor, graph, view } = await openOverview(page);
  const [first, second, bystander] = [graph.nodes[21]!, graph.nodes[134]!, graph.nodes[22]!];
  const firstAt = await drawnAt(page, view, first.position), secondAt = await drawnAt(page, view, second.position);
  await page.mouse.click(firstAt.x, firstAt.y);
  await page.keyboard.down(MOD);
  await page.mouse.click(secondAt.x, secondAt.y);
  await page.keyboard.up(MOD);
  await expect(page.getByTestId('toolbar-undo')).toHaveAttribute('title', /^Undo Open big\.json/);

  const offset = { x: -60, y: 90 };
  await drag(page, secondAt, offset, async () => {});
  await expect(page.getByTestId('toolbar-undo')).toHaveAttribute('title', /^Undo Move/);
  for (const node of [first, second]) {
    const moved = await editor.nodePosition(node.id);
    expect(Math.abs(moved.x - (node.position.x + offset.x / view.scale))).toBeLessThanOrEqual(1.5);
    expect(Math.abs(moved.y - (node.position.y + offset.y / view.scale))).toBeLessThanOrEqual(1.5);
  }
  expect(await editor.nodePosition(bystander.id)).toEqual(bystander.position);
  expect(await viewOf(page)).toEqual(view);
  // Releasing is not also a click: the selection stays whole.
  for (const node of [first, second]) await expect(editor.node(node.id)).toHaveClass(/nl-node--selected/);

  // One step for the whole selection's move.
  await page.keyboard.press(`${MOD}+Z`);
  await expect.poll(() => editor.nodePosition(first.id)).toEqual(first.position);
  expect(await editor.nodePosition(second.id)).toEqual(second.position);
  await expect(page.getByTestId('toolbar-undo')).toHaveAttribute('title', /^Undo Open big\.json/);
});

test('from the keyboard the overview is a list of node buttons: focus rings the drawn node, Enter selects and frames it and focuses it', async ({ page }) => {
  const { editor, graph } = await openOverview(page);
  const list = page.getByTestId('overview-node-list');
  const overview = page.getByTestId('overview');

  // The entry point: Tab from the canvas reaches the list (React Flow's own nodes are unfocusable here).
  await editor.clickEmptyCanvas();
  await page.keyboard.press('Tab');
  const first = list.locator('button:focus');
  await expect(first).toHaveCount(1);
  const firstId = (await first.getAttribute('data-testid'))!.slice('overview-node-'.length);
  await expect(overview).toHaveAttribute('data-focused-node', firstId);

  // The list is one Tab stop: the arrow keys move within it, Tab leaves it, Shift+Tab comes back where it was.
  await page.keyboard.press('ArrowDown');
  const second = list.locator('button:focus');
  await expect(second).not.toHaveAttribute('data-testid', `overview-node-${firstId}`);
  const secondId = (await second.getAttribute('data-testid'))!.slice('overview-node-'.length);
  await expect(overview).toHaveAttribute('data-focused-node', secondId);
  await page.keyboard.press('Tab');
  await expect(list.locator('button:focus')).toHaveCount(0);
  await page.keyboard.press('Shift+Tab');
  await expect(list.locator('button:focus')).toHaveAttribute('data-testid', `overview-node-${secondId}`);
  await expect(list.locator('button[tabindex="0"]')).toHaveCount(1);

  // Exposed to assistive technology: a named list of buttons, each named by id, kind, shape and status.
  const target = graph.nodes[57]!;
  expect(target.kind).toBe('linear');
  const button = page.getByRole('button', { name: `${target.id}, Linear, output [N,32], ok`, exact: true });
  await expect(button).toHaveAttribute('data-testid', `overview-node-${target.id}`);
  await expect(list).toMatchAriaSnapshot(`
    - list "Nodes in data-flow order (arrow keys move, Enter zooms in to one)":
      - listitem:
        - button "${target.id}, Linear, output [N,32], ok"
  `);

  await button.focus();
  await expect(overview).toHaveAttribute('data-focused-node', target.id);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId(`inspector-${target.id}`)).toBeVisible();
  await expect(page.getByTestId('canvas')).not.toHaveClass(/nl-canvas--overview/);
  await expect(list).toHaveCount(0);
  // Focus lands on the real node, so Tab carries on at the working zoom.
  await expect(page.locator(`.react-flow__node[data-id="${target.id}"]`)).toBeFocused();
  await expect(editor.node(target.id)).toHaveClass(/nl-node--selected/);
});

test('a node reached with the keyboard is panned into view, at the same zoom, and ringed', async ({ page }) => {
  const { graph, view } = await openOverview(page);
  const overview = page.getByTestId('overview');
  // The rightmost node, then the view dragged right by most of the pane's width (from its empty margin): off screen.
  const target = graph.nodes.reduce((a, b) => (b.position.x > a.position.x ? b : a));
  const pane = (await page.getByTestId('canvas').boundingBox())!;
  await drag(page, { x: pane.x + 6, y: pane.y + pane.height / 2 }, { x: pane.width * 0.8, y: 0 }, async () => {});
  const panned = await viewOf(page);
  expect(panned.tx).toBeGreaterThan(view.tx + pane.width / 2);
  expect(pane.x + panned.tx + target.position.x * panned.scale).toBeGreaterThan(pane.x + pane.width);

  await page.getByTestId(`overview-node-${target.id}`).focus();
  await expect(overview).toHaveAttribute('data-focused-node', target.id);
  const shown = await viewOf(page);
  expect(shown.scale).toBeCloseTo(panned.scale, 6);
  const left = shown.tx + target.position.x * shown.scale;
  expect(left).toBeGreaterThan(0);
  expect(left).toBeLessThan(pane.width);
});
