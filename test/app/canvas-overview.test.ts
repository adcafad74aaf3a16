/** The canvas overview's pure parts: the scene built from React Flow's nodes, hit-testing, culling and level of detail. */
import { describe, expect, it } from 'vitest';
import type { FlowEdge, FlowNode } from '../../app/canvas/flow-model.ts';
import { fitText, ringOf } from '../../app/canvas/overview-draw.ts';
import { boxAt, buildScene, edgeMayShow, intersects, portPoint, titlesLegible, visibleArea, type OverviewBox, type SceneNodeInput } from '../../app/canvas/overview-scene.ts';
import { DEFAULT_NODE_SIZE } from '../../app/canvas/placement.ts';
import { FAR_ZOOM } from '../../app/canvas/use-far-zoom.ts';

/** A node as React Flow holds it, with just what the overview reads. */
function node(id: string, x: number, y: number, extra: { label?: string; status?: 'ok' | 'error' | 'blocked'; selected?: boolean; size?: { width: number; height: number }; handles?: SceneNodeInput['internals']['handleBounds'] } = {}): SceneNodeInput {
  const data = { node: { id, kind: 'linear', params: {}, position: { x, y }, ...(extra.label ? { label: extra.label } : {}) }, kind: { label: 'Linear' }, status: extra.status ?? 'ok' } as unknown as FlowNode['data'];
  return { id, selected: extra.selected, data, measured: extra.size ?? {}, internals: { positionAbsolute: { x, y }, handleBounds: extra.handles } };
}

const edge = (id: string, source: string, target: string, data: FlowEdge['data'] = { shape: '[N,32]', severity: undefined }): FlowEdge =>
  ({ id, source, target, sourceHandle: 'y', targetHandle: 'x', type: 'shape', data });

describe('overview scene', () => {
  it('draws each node at its measured size, or the default size before React Flow measured it', () => {
    const { boxes } = buildScene([node('a', 10, 20, { size: { width: 180, height: 90 } }), node('b', 300, 20)], []);
    expect(boxes.map(({ id, x, y, width, height }) => ({ id, x, y, width, height }))).toEqual([
      { id: 'a', x: 10, y: 20, width: 180, height: 90 },
      { id: 'b', x: 300, y: 20, ...DEFAULT_NODE_SIZE },
    ]);
  });

  it('titles a box with the node’s label, else its kind’s, keeping markup as plain text', () => {
    const label = '<img src=x onerror=alert(1)>';
    const { boxes } = buildScene([node('a', 0, 0, { label }), node('b', 0, 0)], []);
    expect(boxes.map((b) => b.title)).toEqual([label, 'Linear']);
  });

  it('carries status, selection and a failed run’s node', () => {
    const { boxes } = buildScene([node('a', 0, 0, { status: 'error' }), node('b', 0, 0, { selected: true }), node('c', 0, 0)], [], 'c');
    expect(boxes.map((b) => [b.status, b.selected, b.runError])).toEqual([['error', false, false], ['ok', true, false], ['ok', false, true]]);
  });

  it('joins edges at the measured handles, else at the middle of the box’s sides', () => {
    const handles = { source: [{ id: 'y', x: 170, y: 40, width: 10, height: 10 }], target: [{ id: 'x', x: -5, y: 30, width: 10, height: 10 }] };
    const a = node('a', 0, 0, { size: { width: 180, height: 100 }, handles });
    const b = node('b', 400, 50, { size: { width: 200, height: 80 } });
    const { edges } = buildScene([a, b], [edge('e1', 'a', 'b', { shape: undefined, severity: 'error' }), edge('gone', 'a', 'missing')]);
    expect(edges).toEqual([{ id: 'e1', from: { x: 175, y: 45 }, to: { x: 400, y: 90 }, severity: 'error', unknown: true, selected: false }]);
    expect(portPoint(a, { x: 0, y: 0, width: 180, height: 100 }, 'target', 'x')).toEqual({ x: 0, y: 35 });
  });
});

describe('hit-testing and culling', () => {
  const boxes = buildScene([node('under', 0, 0, { size: { width: 200, height: 100 } }), node('over', 150, 50, { size: { width: 200, height: 100 } })], []).boxes;

  it('finds the topmost box under a point, and none in the gaps', () => {
    expect(boxAt(boxes, { x: 10, y: 10 })?.id).toBe('under');
    expect(boxAt(boxes, { x: 160, y: 60 })?.id).toBe('over');
    expect(boxAt(boxes, { x: 200, y: 100 })?.id).toBe('over');
    expect(boxAt(boxes, { x: 100, y: 120 })).toBeUndefined();
    expect(boxAt(boxes, { x: -1, y: 10 })).toBeUndefined();
  });

  it('maps the pane to the flow area it shows under the viewport transform', () => {
    // Zoom 0.5, panned 100 px right and 50 px down: the pane's corner shows flow point (-200, -100).
    expect(visibleArea([100, 50, 0.5], 800, 600)).toEqual({ x: -200, y: -100, width: 1600, height: 1200 });
  });

  it('skips boxes and edges outside the view, keeping an edge whose curve bulges into it', () => {
    const area = { x: 0, y: 0, width: 100, height: 100 };
    expect(intersects({ x: 50, y: 50, width: 10, height: 10 }, area)).toBe(true);
    expect(intersects({ x: 100, y: 0, width: 10, height: 10 }, area)).toBe(false);
    const far = { id: 'e', from: { x: 500, y: 0 }, to: { x: 900, y: 50 }, severity: undefined, unknown: false, selected: false };
    expect(edgeMayShow(far, area)).toBe(false);
    // A link back to the left leaves its source rightwards: its curve passes right of both ends, through x ≈ 430.
    const back = { ...far, from: { x: 400, y: 0 }, to: { x: 0, y: 0 } };
    expect(edgeMayShow(back, { x: 410, y: -5, width: 10, height: 10 })).toBe(true);
    expect(edgeMayShow(back, { x: 700, y: -5, width: 10, height: 10 })).toBe(false);
  });
});

describe('level of detail', () => {
  it('draws titles only while they are legible, and some zooms of the overview show them', () => {
    expect(titlesLegible(0.05)).toBe(false);
    expect(titlesLegible(0.15)).toBe(false);
    expect(titlesLegible(0.3)).toBe(true);
    expect(titlesLegible(FAR_ZOOM * 0.99)).toBe(true);
  });

  it('rings a box by its most severe state: an error outranks a selection', () => {
    const box = (status: OverviewBox['status'], selected: boolean, runError = false): OverviewBox => ({ id: 'a', x: 0, y: 0, width: 1, height: 1, title: '', status, selected, runError });
    expect(ringOf(box('error', true))).toBe('error');
    expect(ringOf(box('ok', false, true))).toBe('error');
    expect(ringOf(box('warning', true))).toBe('warning');
    expect(ringOf(box('ok', true))).toBe('selected');
    expect(ringOf(box('blocked', false))).toBe('plain');
  });

  it('cuts a title with an ellipsis to fit its box', () => {
    const measure = (s: string) => s.length * 10;
    expect(fitText('Linear', 60, measure)).toBe('Linear');
    expect(fitText('a long label', 60, measure)).toBe('a lon…');
    expect(fitText('anything', 5, measure)).toBe('');
  });
});
