/**
 * The React Flow canvas as an adapter: it draws nodes and edges derived from the document and the analysis, and
 * turns gestures into engine edits — a finished drag or arrow-key move → moveNode, handle to handle → connect,
 * a link dropped in empty space → the quick-add search for a fitting node, a palette item or block dropped → a new
 * node or block instance, a graph file dropped → open it. React Flow keeps only view state (measured sizes, the
 * position of a node mid-drag, the viewport). Seen from far away, the graph is drawn on one canvas
 * (OverviewLayer.tsx): a click on a drawn node selects it, and dragging it moves it (use-overview-drag.ts); a
 * hidden list of the nodes keeps them reachable from the keyboard (OverviewNodeList.tsx).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent as ReactMouseEvent } from 'react';
import {
  Background, Controls, MiniMap, ReactFlow, applyNodeChanges, useReactFlow,
  type Connection, type EdgeChange, type FinalConnectionState, type IsValidConnection, type NodeChange, type OnConnectEnd,
  type OnNodeDrag,
} from '@xyflow/react';
import type { Edit } from '../../engine/graph/edit-types.ts';
import { useEditor, useEditorApi, useUiApi } from '../state/editor-context.tsx';
import { newEdgeId } from '../state/ids.ts';
import { BlockNode } from './BlockNode.tsx';
import { createFlowModel, documentIds, groupOfBlockNode, type FlowEdge, type FlowNode } from './flow-model.ts';
import { GraphNode } from './GraphNode.tsx';
import { GroupFrames } from './GroupFrames.tsx';
import { checkLink, documentPort, inputSpec } from './link-check.ts';
import { OverviewLayer } from './OverviewLayer.tsx';
import { ShapeEdge } from './ShapeEdge.tsx';
import { useAddNode } from './use-add-node.ts';
import { useFarZoom } from './use-far-zoom.ts';
import { useOverviewDrag } from './use-overview-drag.ts';
import { isPane, useOverviewHit } from './use-overview-hit.ts';
import { usePlaceBlock } from './use-place-block.ts';
import { useOpenFile } from '../files/use-open-file.ts';

/** The drag-and-drop payload types: a node kind from the palette, a block definition from the palette. */
export const KIND_MIME = 'application/x-netloom-kind';
export const BLOCK_MIME = 'application/x-netloom-block';

const nodeTypes = { graph: GraphNode, block: BlockNode };
const edgeTypes = { shape: ShapeEdge };
const fitViewOptions = { padding: 0.15, maxZoom: 1 };
/** Above this many nodes only those in view are rendered, which keeps panning smooth on big graphs. */
const VISIBLE_ONLY_ABOVE = 150;

/**
 * Fresh derived nodes, keeping React Flow's own copy (with its measured size) of every node whose derived object
 * did not change, and the position of a node mid-drag.
 */
function mergeNodes(previous: readonly FlowNode[], derived: readonly FlowNode[], lastDerived: ReadonlyMap<string, FlowNode>): FlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  return derived.map((n) => {
    const old = byId.get(n.id);
    if (!old) return n;
    if (lastDerived.get(n.id) === n && !old.dragging) return old;
    return { ...n, ...(old.measured ? { measured: old.measured } : {}), ...(old.dragging ? { dragging: true, position: old.position } : {}) } as FlowNode;
  });
}

/** Applies React Flow's select/unselect changes to a list of selected ids (`expand` maps a canvas id to document ids). */
function toggled(ids: readonly string[], changes: readonly (NodeChange<FlowNode> | EdgeChange<FlowEdge>)[], expand: (id: string) => string[]): string[] {
  const set = new Set(ids);
  for (const c of changes) if (c.type === 'select') for (const id of expand(c.id)) (c.selected ? set.add(id) : set.delete(id));
  return [...set];
}

export function GraphCanvas({ colorMode }: { colorMode: 'light' | 'dark' }) {
  const api = useEditorApi();
  const ui = useUiApi();
  const doc = useEditor((s) => s.doc);
  const analysis = useEditor((s) => s.analysis);
  const catalog = useEditor((s) => s.catalog);
  const selection = useEditor((s) => s.selection);
  const { screenToFlowPosition } = useReactFlow();
  const addNode = useAddNode();
  const openFile = useOpenFile();
  const placeBlock = usePlaceBlock();
  const far = useFarZoom();
  const overviewHit = useOverviewHit();

  const derive = useMemo(createFlowModel, []);
  const model = useMemo(() => derive(doc, analysis, catalog, selection), [derive, doc, analysis, catalog, selection]);
  const [nodes, setNodes] = useState<FlowNode[]>(model.nodes);
  const lastDerived = useRef(new Map<string, FlowNode>());
  useEffect(() => {
    // Read now: the updater runs later, after the ref below already points at these nodes.
    const last = lastDerived.current;
    setNodes((previous) => mergeNodes(previous, model.nodes, last));
    lastDerived.current = new Map(model.nodes.map((n) => [n.id, n]));
  }, [model.nodes]);

  /** Set while the mouse drags nodes: its final position change is one step; arrow-key moves coalesce instead. */
  const dragging = useRef(false);
  const onNodeDragStart: OnNodeDrag<FlowNode> = useCallback(() => { dragging.current = true; }, []);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const moves: Edit[] = [];
    const { doc: current } = api.getState();
    for (const c of changes) {
      // A position change that is not mid-drag is a finished move: the end of a drag or an arrow-key step.
      if (c.type !== 'position' || c.dragging || !c.position) continue;
      const group = groupOfBlockNode(c.id);
      if (group === undefined) {
        moves.push({ type: 'moveNode', node: c.id, position: { x: Math.round(c.position.x), y: Math.round(c.position.y) } });
        continue;
      }
      // A collapsed block moves all its nodes by the same amount.
      const members = current.nodes.filter((n) => current.groups?.find((g) => g.id === group)?.nodes.includes(n.id));
      const dx = c.position.x - Math.min(...members.map((n) => n.position.x));
      const dy = c.position.y - Math.min(...members.map((n) => n.position.y));
      for (const n of members) moves.push({ type: 'moveNode', node: n.id, position: { x: Math.round(n.position.x + dx), y: Math.round(n.position.y + dy) } });
    }
    // Selection goes through the store, removal through the delete command; the rest is view state.
    setNodes((nds) => applyNodeChanges(changes.filter((c) => c.type !== 'remove' && c.type !== 'select'), nds).map((n) => (n.dragging && moves.length > 0 ? { ...n, dragging: false } : n)));
    if (changes.some((c) => c.type === 'select')) {
      const { selection: now, select } = api.getState();
      select({ nodes: toggled(now.nodes, changes, (id) => documentIds([id], current.groups)), edges: now.edges });
    }
    if (moves.length > 0) {
      const byKeyboard = !dragging.current;
      dragging.current = false;
      api.getState().apply(moves, byKeyboard ? { label: 'Move', coalesce: `keyboard-move:${moves.map((m) => (m as { node: string }).node).join(',')}` } : { label: 'Move' });
    }
  }, [api]);

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    if (!changes.some((c) => c.type === 'select')) return;
    const { selection: now, select } = api.getState();
    select({ nodes: now.nodes, edges: toggled(now.edges, changes, (id) => [id]) });
  }, [api]);

  const resolve = useCallback((c: Connection | { source: string; sourceHandle?: string | null; target: string; targetHandle?: string | null }) => {
    const { doc: current } = api.getState();
    if (!c.sourceHandle || !c.targetHandle) return undefined;
    const from = documentPort(current, c.source, c.sourceHandle, 'outputs');
    const to = documentPort(current, c.target, c.targetHandle, 'inputs');
    return from && to ? { from, to } : undefined;
  }, [api]);

  const onConnect = useCallback((c: Connection) => {
    const link = resolve(c);
    if (!link) return;
    const { doc: current, apply, select } = api.getState();
    const id = newEdgeId(current, link.from.node, link.to.node);
    if (apply([{ type: 'connect', id, from: link.from, to: link.to }])) select({ nodes: [], edges: [id] });
  }, [api, resolve]);

  const isValidConnection: IsValidConnection<FlowEdge> = useCallback((c) => {
    const link = resolve(c);
    if (!link) return false;
    const { doc: current, analysis: now, catalog: kinds } = api.getState();
    return checkLink(current, now, kinds, link.from, link.to).ok;
  }, [api, resolve]);

  /** A link dropped on a port that refused it says why; one dropped in empty space asks for a node to connect. */
  const onConnectEnd: OnConnectEnd = useCallback((event, state: FinalConnectionState) => {
    if (!state.fromNode || !state.fromHandle?.id) return;
    const { doc: current, analysis: now, catalog: kinds, notify } = api.getState();
    const fromSide = state.fromHandle.type === 'source' ? 'outputs' : 'inputs';
    const origin = documentPort(current, state.fromNode.id, state.fromHandle.id, fromSide);
    if (!origin) return;
    if (state.toNode && state.toHandle?.id) {
      if (state.isValid !== false) return;
      const other = documentPort(current, state.toNode.id, state.toHandle.id, fromSide === 'outputs' ? 'inputs' : 'outputs');
      if (!other) return;
      const [from, to] = fromSide === 'outputs' ? [origin, other] : [other, origin];
      const fit = checkLink(current, now, kinds, from, to);
      if (!fit.ok) notify(`Link refused: ${fit.reason}.`);
      return;
    }
    if (state.toNode) return;
    const point = 'changedTouches' in event ? event.changedTouches[0]! : event;
    const screen = { x: point.clientX, y: point.clientY };
    const link = fromSide === 'outputs'
      ? { side: 'output' as const, ...origin, info: now.nodes.get(origin.node)?.outputs[origin.port] }
      : { side: 'input' as const, ...origin, spec: inputSpec(current, kinds, origin) ?? { name: origin.port } };
    ui.getState().open({ type: 'quick-add', screen, flow: screenToFlowPosition(screen), link });
  }, [api, ui, screenToFlowPosition]);

  const onDragOver = useCallback((event: DragEvent) => {
    const types = event.dataTransfer.types;
    if (!types.includes(KIND_MIME) && !types.includes(BLOCK_MIME) && !types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback((event: DragEvent) => {
    const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
    const kind = event.dataTransfer.getData(KIND_MIME);
    const block = event.dataTransfer.getData(BLOCK_MIME);
    const file = event.dataTransfer.files[0];
    if (!kind && !block && !file) return;
    event.preventDefault();
    if (kind) addNode(kind, { x: Math.round(at.x - 110), y: Math.round(at.y - 20) });
    else if (block) placeBlock(block, { x: Math.round(at.x), y: Math.round(at.y) });
    else if (file) void openFile(file);
  }, [screenToFlowPosition, addNode, placeBlock, openFile]);

  /** Selects a node drawn in the overview as a click on it would: alone, or added to or removed from the selection when `toggle`. */
  const selectDrawn = useCallback((hit: string, toggle: boolean) => {
    const { doc: current, selection: now, select } = api.getState();
    const ids = documentIds([hit], current.groups);
    if (!toggle) {
      select({ nodes: ids, edges: [] });
      return;
    }
    const selected = ids.every((id) => now.nodes.includes(id));
    select({ nodes: selected ? now.nodes.filter((id) => !ids.includes(id)) : [...new Set([...now.nodes, ...ids])], edges: now.edges });
  }, [api]);
  const overviewDrag = useOverviewDrag(far, overviewHit, selectDrawn);

  /** In the overview, a click on the pane that lands on a drawn node selects it (Ctrl/⌘ adds or removes it), as a click on the node would. */
  const onClickCapture = useCallback((event: ReactMouseEvent) => {
    if (!far || !isPane(event.target)) return;
    const hit = overviewHit({ x: event.clientX, y: event.clientY });
    if (hit === undefined) return;
    // React Flow's pane click would clear the selection after ours.
    event.stopPropagation();
    selectDrawn(hit, event.ctrlKey || event.metaKey);
  }, [far, overviewHit, selectDrawn]);

  const onDoubleClick = useCallback((event: ReactMouseEvent) => {
    if (!isPane(event.target)) return;
    const screen = { x: event.clientX, y: event.clientY };
    // A double-click on a node (drawn in the overview) does not add one, as on a DOM node.
    if (far && overviewHit(screen) !== undefined) return;
    ui.getState().open({ type: 'quick-add', screen, flow: screenToFlowPosition(screen) });
  }, [ui, screenToFlowPosition, far, overviewHit]);

  const onMouseMove = useCallback((event: ReactMouseEvent) => {
    ui.setState({ pointer: { x: event.clientX, y: event.clientY } });
  }, [ui]);

  return (
    <div
      className={`nl-canvas${far ? ' nl-canvas--overview' : ''}`} data-testid="canvas"
      onDragOver={onDragOver} onDrop={onDrop} onClickCapture={onClickCapture} onDoubleClick={onDoubleClick} onMouseMove={onMouseMove}
      onPointerDownCapture={overviewDrag.onPointerDownCapture} onMouseDownCapture={overviewDrag.onPressCapture} onTouchStartCapture={overviewDrag.onPressCapture}
    >
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={model.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={onNodeDragStart}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        deleteKeyCode={null}
        zoomOnDoubleClick={false}
        onlyRenderVisibleElements={nodes.length > VISIBLE_ONLY_ABOVE}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.05}
        maxZoom={2}
        colorMode={colorMode}
      >
        {far && <OverviewLayer nodes={model.nodes} />}
        <GroupFrames />
        <Background gap={20} />
        <Controls />
        <MiniMap pannable zoomable />
      </ReactFlow>
    </div>
  );
}
