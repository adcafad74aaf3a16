/**
 * The overview's picture of the graph (use-far-zoom.ts): one box per node and one curve per edge, in flow
 * coordinates, built from React Flow's node lookup and edges. Pure, so hit-testing, culling and the
 * level-of-detail decisions are tested without a browser.
 */
import type { Rect, Transform, XYPosition } from '@xyflow/react';
import type { FlowEdge, FlowNode, NodeStatus } from './flow-model.ts';
import { titleOf } from './node-description.ts';
import { DEFAULT_NODE_SIZE } from './placement.ts';

export interface OverviewBox extends Rect {
  readonly id: string;
  readonly title: string;
  readonly status: NodeStatus;
  readonly selected: boolean;
  /** A training run failed at this node (its NaN guard or its graph), pinned like an error. */
  readonly runError: boolean;
}

export interface OverviewEdge {
  readonly id: string;
  readonly from: XYPosition;
  readonly to: XYPosition;
  readonly severity: 'error' | 'warning' | undefined;
  /** No shape flows along it (its source could not be analysed): drawn dashed, as the SVG edge is. */
  readonly unknown: boolean;
  readonly selected: boolean;
}

export interface OverviewScene {
  readonly boxes: readonly OverviewBox[];
  readonly edges: readonly OverviewEdge[];
}

/** Where a handle sits inside its node, as React Flow measured it. */
interface HandleBox extends Rect {
  readonly id?: string | null;
}

/** The part of React Flow's internal node the overview reads (an `InternalNode<FlowNode>` is one). */
export interface SceneNodeInput {
  readonly id: string;
  readonly selected?: boolean;
  readonly data: FlowNode['data'];
  readonly measured: { readonly width?: number; readonly height?: number };
  readonly internals: {
    readonly positionAbsolute: XYPosition;
    readonly handleBounds?: { readonly source: readonly HandleBox[] | null; readonly target: readonly HandleBox[] | null } | undefined;
  };
}

/** Titles are drawn this many flow pixels high, larger than a node's own title since the view is far out. */
export const TITLE_SIZE = 28;
/** The smallest title size on screen worth drawing: smaller is a grey smudge that costs glyphs to rasterise. */
const LEGIBLE_PX = 6;

/** Whether titles are large enough on screen at `zoom` to be worth drawing (fewer glyphs to rasterise when not). */
export function titlesLegible(zoom: number): boolean {
  return TITLE_SIZE * zoom >= LEGIBLE_PX;
}

/** Where a node is drawn, in flow coordinates: its measured box, or the default size for one not yet measured. */
export function drawnBox(node: Pick<SceneNodeInput, 'internals' | 'measured'>): { x: number; y: number; width: number; height: number } {
  const { x, y } = node.internals.positionAbsolute;
  return { x, y, width: node.measured.width ?? DEFAULT_NODE_SIZE.width, height: node.measured.height ?? DEFAULT_NODE_SIZE.height };
}

function boxOf(node: SceneNodeInput, runErrorNode: string | undefined): OverviewBox {
  return {
    id: node.id,
    ...drawnBox(node),
    title: titleOf(node.data),
    status: node.data.status,
    selected: node.selected === true,
    runError: runErrorNode !== undefined && node.id === runErrorNode,
  };
}

/**
 * Where an edge meets a node: the centre of the measured handle, else the middle of the box's side (outputs on
 * the right, inputs on the left) for a node mounted while hidden, which React Flow has not measured.
 */
export function portPoint(node: SceneNodeInput, box: Rect, side: 'source' | 'target', handle: string | null | undefined): XYPosition {
  const found = node.internals.handleBounds?.[side]?.find((h) => (h.id ?? null) === (handle ?? null));
  if (found) return { x: box.x + found.x + found.width / 2, y: box.y + found.y + found.height / 2 };
  return { x: side === 'source' ? box.x + box.width : box.x, y: box.y + box.height / 2 };
}

export function buildScene(nodes: Iterable<SceneNodeInput>, edges: readonly FlowEdge[], runErrorNode?: string): OverviewScene {
  const byId = new Map<string, { node: SceneNodeInput; box: OverviewBox }>();
  const boxes: OverviewBox[] = [];
  for (const node of nodes) {
    const box = boxOf(node, runErrorNode);
    byId.set(node.id, { node, box });
    boxes.push(box);
  }
  const lines: OverviewEdge[] = [];
  for (const edge of edges) {
    const source = byId.get(edge.source), target = byId.get(edge.target);
    if (!source || !target) continue;
    lines.push({
      id: edge.id,
      from: portPoint(source.node, source.box, 'source', edge.sourceHandle),
      to: portPoint(target.node, target.box, 'target', edge.targetHandle),
      severity: edge.data?.severity,
      unknown: !edge.data?.shape,
      selected: edge.selected === true,
    });
  }
  return { boxes, edges: lines };
}

/** The part of the flow plane a pane of `width` × `height` screen pixels shows under `transform`. */
export function visibleArea([tx, ty, zoom]: Transform, width: number, height: number): Rect {
  return { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether an edge may cross `area`: its curve stays inside the box spanned by its ends, widened by the bulge. */
export function edgeMayShow(edge: OverviewEdge, area: Rect): boolean {
  const bulge = curveReach(edge);
  const x = Math.min(edge.from.x, edge.to.x) - bulge, y = Math.min(edge.from.y, edge.to.y);
  return intersects({ x, y, width: Math.abs(edge.to.x - edge.from.x) + 2 * bulge, height: Math.abs(edge.to.y - edge.from.y) }, area);
}

/**
 * How far an edge's control points reach horizontally from its ends: React Flow's default bezier leaves a port
 * sideways, by half the horizontal gap, and at least a little when the target lies behind the source.
 */
export function curveReach(edge: OverviewEdge): number {
  return Math.max(Math.abs(edge.to.x - edge.from.x) / 2, 40);
}

/** The node drawn at a flow point: the topmost box containing it (boxes are drawn in order, the last on top). */
export function boxAt(boxes: readonly OverviewBox[], point: XYPosition): OverviewBox | undefined {
  for (let i = boxes.length - 1; i >= 0; i--) {
    const b = boxes[i]!;
    if (point.x >= b.x && point.x <= b.x + b.width && point.y >= b.y && point.y <= b.y + b.height) return b;
  }
  return undefined;
}
