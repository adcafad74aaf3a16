/**
 * The React Flow canvas as an adapter: it draws nodes and edges derived from the document and the analysis, and
 * turns user gestures into engine edits — drag stop → moveNode, handle-to-handle → connect, Delete → removeNode /
 * disconnect, palette drop → addNode. React Flow keeps only transient view state (drag positions, measured sizes).
 */
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import {
  Background, Controls, MiniMap, ReactFlow, applyNodeChanges, useReactFlow,
  type Connection, type EdgeChange, type IsValidConnection, type NodeChange, type OnDelete, type OnNodeDrag,
} from '@xyflow/react';
import type { Edit } from '../../engine/graph/edit-types.ts';
import { useEditor, useEditorApi } from '../state/editor-context.tsx';
import { newEdgeId } from '../state/ids.ts';
import { toFlowEdges, toFlowNodes, type FlowEdge, type FlowNode } from './flow-model.ts';
import { GraphNode } from './GraphNode.tsx';
import { ShapeEdge } from './ShapeEdge.tsx';
import { useAddNode } from './use-add-node.ts';

/** The drag-and-drop payload type a palette item carries. */
export const KIND_MIME = 'application/x-netloom-kind';

const nodeTypes = { graph: GraphNode };
const edgeTypes = { shape: ShapeEdge };
const fitViewOptions = { padding: 0.15, maxZoom: 1 };

/** Fresh derived nodes, keeping what only React Flow knows: measured sizes and the position of a node mid-drag. */
function mergeNodes(previous: readonly FlowNode[], derived: readonly FlowNode[]): FlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  return derived.map((n) => {
    const old = byId.get(n.id);
    if (!old) return n;
    return { ...n, ...(old.measured ? { measured: old.measured } : {}), ...(old.dragging ? { dragging: true, position: old.position } : {}) };
  });
}

/** Applies React Flow's select/unselect changes to a list of selected ids. */
function toggled(ids: readonly string[], changes: readonly (NodeChange<FlowNode> | EdgeChange<FlowEdge>)[]): string[] {
  const set = new Set(ids);
  for (const c of changes) if (c.type === 'select') (c.selected ? set.add(c.id) : set.delete(c.id));
  return [...set];
}

export function GraphCanvas() {
  const api = useEditorApi();
  const doc = useEditor((s) => s.doc);
  const analysis = useEditor((s) => s.analysis);
  const catalog = useEditor((s) => s.catalog);
  const selection = useEditor((s) => s.selection);
  const { screenToFlowPosition } = useReactFlow();
  const addNode = useAddNode();

  const derived = useMemo(() => toFlowNodes(doc, analysis, catalog, selection), [doc, analysis, catalog, selection]);
  const edges = useMemo(() => toFlowEdges(doc, analysis, selection), [doc, analysis, selection]);
  const [nodes, setNodes] = useState<FlowNode[]>(derived);
  useEffect(() => setNodes((previous) => mergeNodes(previous, derived)), [derived]);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    // Removal goes through onDelete (as edits) and selection through the store; the rest is view state.
    setNodes((nds) => applyNodeChanges(changes.filter((c) => c.type !== 'remove' && c.type !== 'select'), nds));
    if (changes.some((c) => c.type === 'select')) {
      const { selection: current, select } = api.getState();
      select({ nodes: toggled(current.nodes, changes), edges: current.edges });
    }
  }, [api]);

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    if (!changes.some((c) => c.type === 'select')) return;
    const { selection: current, select } = api.getState();
    select({ nodes: current.nodes, edges: toggled(current.edges, changes) });
  }, [api]);

  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback((_event, _node, dragged) => {
    const { doc: current, apply } = api.getState();
    const edits: Edit[] = [];
    for (const n of dragged) {
      const position = { x: Math.round(n.position.x), y: Math.round(n.position.y) };
      const before = current.nodes.find((d) => d.id === n.id)?.position;
      if (before && (before.x !== position.x || before.y !== position.y)) edits.push({ type: 'moveNode', node: n.id, position });
    }
    apply(edits);
    // Clear the drag flag so the next derived update places the node from the document.
    setNodes((nds) => nds.map((n) => (n.dragging ? { ...n, dragging: false } : n)));
  }, [api]);

  const onConnect = useCallback((c: Connection) => {
    if (!c.sourceHandle || !c.targetHandle) return;
    const { doc: current, apply, select } = api.getState();
    const id = newEdgeId(current, c.source, c.target);
    if (apply([{ type: 'connect', id, from: { node: c.source, port: c.sourceHandle }, to: { node: c.target, port: c.targetHandle } }])) {
      select({ nodes: [], edges: [id] });
    }
  }, [api]);

  // Only output → input between two different nodes; shapes are checked by the analysis after connecting, so a
  // mismatch is explained on the node instead of silently refused.
  const isValidConnection: IsValidConnection<FlowEdge> = useCallback((c) => c.source !== c.target && !!c.sourceHandle && !!c.targetHandle, []);

  const onDelete: OnDelete<FlowNode, FlowEdge> = useCallback(({ nodes: removed, edges: cut }) => {
    const gone = new Set(removed.map((n) => n.id));
    api.getState().apply([
      // Edges of removed nodes go with their nodes; only free-standing selected edges are disconnected.
      ...cut.filter((e) => !gone.has(e.source) && !gone.has(e.target)).map((e): Edit => ({ type: 'disconnect', edge: e.id })),
      ...removed.map((n): Edit => ({ type: 'removeNode', node: n.id })),
    ]);
  }, [api]);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(KIND_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback((event: DragEvent) => {
    const kind = event.dataTransfer.getData(KIND_MIME);
    if (!kind) return;
    event.preventDefault();
    const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
    addNode(kind, { x: Math.round(at.x - 110), y: Math.round(at.y - 20) });
  }, [screenToFlowPosition, addNode]);

  return (
    <div className="nl-canvas" data-testid="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onDelete={onDelete}
        deleteKeyCode={['Backspace', 'Delete']}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.1}
        maxZoom={2}
        colorMode="light"
      >
        <Background gap={20} />
        <Controls />
        <MiniMap pannable zoomable />
      </ReactFlow>
    </div>
  );
}
