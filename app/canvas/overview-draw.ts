/**
 * Draws the overview scene on a 2D canvas under the viewport's transform: edges as curves, nodes as boxes with a
 * ring for their status, and titles only when they are legible. Strokes of one style go in one path, so a
 * 1,000-node graph is a handful of draw calls. Titles are drawn with fillText: user text stays text. The node whose
 * button has keyboard focus in the overview's node list (OverviewNodeList.tsx) gets a focus ring: one box stroke.
 */
import type { Rect, Transform } from '@xyflow/react';
import { cssVariables } from '../theme/theme-colours.ts';
import { curveReach, edgeMayShow, intersects, titlesLegible, TITLE_SIZE, visibleArea, type OverviewBox, type OverviewEdge, type OverviewScene } from './overview-scene.ts';

/** The theme's colours, read from the stylesheet's variables (a canvas cannot use them directly). */
export interface OverviewPalette {
  readonly node: string;
  readonly nodeBorder: string;
  readonly edge: string;
  readonly text: string;
  readonly accent: string;
  readonly error: string;
  readonly warning: string;
  readonly font: string;
}

export function readOverviewPalette(element: Element): OverviewPalette {
  const read = cssVariables(element);
  return {
    node: read('--nl-node'), nodeBorder: read('--nl-node-border'), edge: read('--nl-edge'), text: read('--nl-text'),
    accent: read('--nl-accent'), error: read('--nl-error'), warning: read('--nl-warning'), font: getComputedStyle(element).fontFamily,
  };
}

/** What the canvas shows and at which size and pixel ratio. */
export interface OverviewView {
  readonly transform: Transform;
  readonly width: number;
  readonly height: number;
  readonly pixelRatio: number;
}

/** The ring a box gets: the most severe of its states (an error wins over a selection, as on the DOM node). */
export function ringOf(box: OverviewBox): 'error' | 'warning' | 'selected' | 'plain' {
  if (box.status === 'error' || box.runError) return 'error';
  if (box.status === 'warning') return 'warning';
  return box.selected ? 'selected' : 'plain';
}

/** `text`, cut with an ellipsis so that `measure` of it fits in `width`. */
export function fitText(text: string, width: number, measure: (s: string) => number): string {
  if (measure(text) <= width) return text;
  let low = 0, high = text.length;
  // The longest prefix that still fits with the ellipsis (binary search: measuring is the cost).
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (measure(`${text.slice(0, mid)}…`) <= width) low = mid;
    else high = mid - 1;
  }
  return low === 0 ? '' : `${text.slice(0, low)}…`;
}

type EdgeStyle = 'plain' | 'unknown' | 'warning' | 'error' | 'selected';
const EDGE_STYLES: readonly EdgeStyle[] = ['plain', 'unknown', 'warning', 'error', 'selected'];

function edgeStyle(edge: OverviewEdge): EdgeStyle {
  if (edge.selected) return 'selected';
  return edge.severity ?? (edge.unknown ? 'unknown' : 'plain');
}

function traceEdge(ctx: CanvasRenderingContext2D, edge: OverviewEdge): void {
  const reach = curveReach(edge);
  ctx.moveTo(edge.from.x, edge.from.y);
  ctx.bezierCurveTo(edge.from.x + reach, edge.from.y, edge.to.x - reach, edge.to.y, edge.to.x, edge.to.y);
}

function drawEdges(ctx: CanvasRenderingContext2D, edges: readonly OverviewEdge[], area: Rect, px: number, palette: OverviewPalette): void {
  const colour: Record<EdgeStyle, string> = { plain: palette.edge, unknown: palette.edge, warning: palette.warning, error: palette.error, selected: palette.accent };
  const shown = edges.filter((e) => edgeMayShow(e, area));
  for (const style of EDGE_STYLES) {
    ctx.beginPath();
    for (const e of shown) if (edgeStyle(e) === style) traceEdge(ctx, e);
    ctx.strokeStyle = colour[style];
    // Widths in screen pixels: an edge stays visible however far out the view is.
    ctx.lineWidth = (style === 'selected' || style === 'error' ? 2 : 1) * px;
    ctx.setLineDash(style === 'unknown' ? [4 * px, 3 * px] : []);
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

function drawBoxes(ctx: CanvasRenderingContext2D, boxes: readonly OverviewBox[], px: number, palette: OverviewPalette): void {
  const rings = { plain: { colour: palette.nodeBorder, width: 1 }, selected: { colour: palette.accent, width: 3 }, warning: { colour: palette.warning, width: 3 }, error: { colour: palette.error, width: 4 } };
  for (const dimmed of [false, true]) {
    // A blocked node is faded, as on the DOM node.
    ctx.globalAlpha = dimmed ? 0.6 : 1;
    const group = boxes.filter((b) => (b.status === 'blocked') === dimmed);
    ctx.beginPath();
    for (const b of group) ctx.rect(b.x, b.y, b.width, b.height);
    ctx.fillStyle = palette.node;
    ctx.fill();
    for (const [ring, { colour, width }] of Object.entries(rings)) {
      ctx.beginPath();
      for (const b of group) if (ringOf(b) === ring) ctx.rect(b.x, b.y, b.width, b.height);
      ctx.strokeStyle = colour;
      ctx.lineWidth = width * px;
      ctx.stroke();
    }
    // A selected node with an error or a warning keeps its status ring and gets the selection outside it.
    ctx.beginPath();
    for (const b of group) if (b.selected && ringOf(b) !== 'selected') ctx.rect(b.x - 4 * px, b.y - 4 * px, b.width + 8 * px, b.height + 8 * px);
    ctx.strokeStyle = palette.accent;
    ctx.lineWidth = 2 * px;
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

function drawTitles(ctx: CanvasRenderingContext2D, boxes: readonly OverviewBox[], palette: OverviewPalette): void {
  ctx.font = `600 ${TITLE_SIZE}px ${palette.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const measure = (s: string) => ctx.measureText(s).width;
  for (const b of boxes) {
    const title = fitText(b.title, b.width - 16, measure);
    const cx = b.x + b.width / 2, cy = b.y + b.height / 2;
    const problem = b.status === 'error' || b.runError;
    ctx.fillStyle = palette.text;
    ctx.fillText(title, cx, problem ? cy - TITLE_SIZE * 0.6 : cy);
    // Severity is never colour alone: an error says so in words.
    if (problem) {
      ctx.fillStyle = palette.error;
      ctx.fillText('error', cx, cy + TITLE_SIZE * 0.6);
    }
  }
}

/** How far outside a box its focus ring runs, in screen pixels: beyond the selection ring (4 px), so both show. */
const FOCUS_GAP_PX = 8;

/** The focus ring around `box`, `px` being one screen pixel in flow units. */
export function focusRingOf(box: Rect, px: number): Rect {
  const gap = FOCUS_GAP_PX * px;
  return { x: box.x - gap, y: box.y - gap, width: box.width + 2 * gap, height: box.height + 2 * gap };
}

function drawFocusRing(ctx: CanvasRenderingContext2D, box: Rect, px: number, palette: OverviewPalette): void {
  const ring = focusRingOf(box, px);
  // The text colour, not the accent: it contrasts with both themes' backgrounds and is not mistaken for a selection.
  ctx.strokeStyle = palette.text;
  ctx.lineWidth = 3 * px;
  ctx.strokeRect(ring.x, ring.y, ring.width, ring.height);
}

/** Draws the scene; returns the id of the node it ringed for keyboard focus, when `focused` is in view. */
export function drawOverview(ctx: CanvasRenderingContext2D, scene: OverviewScene, view: OverviewView, palette: OverviewPalette, focused?: string): string | undefined {
  const { transform: [tx, ty, zoom], width, height, pixelRatio: r } = view;
  ctx.setTransform(r, 0, 0, r, 0, 0);
  ctx.clearRect(0, 0, width, height);
  // Draw in flow coordinates, as the DOM nodes are placed; `px` is one screen pixel in them.
  ctx.setTransform(r * zoom, 0, 0, r * zoom, r * tx, r * ty);
  const px = 1 / zoom;
  const area = visibleArea(view.transform, width, height);
  const boxes = scene.boxes.filter((b) => intersects(b, area));
  drawEdges(ctx, scene.edges, area, px, palette);
  drawBoxes(ctx, boxes, px, palette);
  if (titlesLegible(zoom)) drawTitles(ctx, boxes, palette);
  const focusedBox = focused === undefined ? undefined : boxes.find((b) => b.id === focused);
  if (focusedBox) drawFocusRing(ctx, focusedBox, px, palette);
  return focusedBox?.id;
}
