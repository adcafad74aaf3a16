/**
 * Everything a shortcut, a toolbar button or a menu can do, as one object built over the stores and React Flow.
 * The command registry (commands.ts) maps keys and names onto these; buttons call them directly.
 */
import { useMemo } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { Edit } from '../../engine/graph/edit-types.ts';
import { layoutEdits, type LayoutBox } from '../canvas/auto-layout.ts';
import type { FlowEdge, FlowNode } from '../canvas/flow-model.ts';
import { DEFAULT_NODE_SIZE } from '../canvas/placement.ts';
import { downloadGraph } from '../files/graph-file.ts';
import { clipboardText, copyNodes, pasteEdits, readClipboard } from '../state/clipboard.ts';
import { deleteEdits } from '../state/delete-selection.ts';
import { useEditorApi, useUiApi } from '../state/editor-context.tsx';

export interface EditorActions {
  undo(): void;
  redo(): void;
  deleteSelection(): void;
  selectAll(): void;
  /** The selection as clipboard text (undefined when nothing is selected). */
  copy(): string | undefined;
  cut(): string | undefined;
  paste(text: string | undefined, keepInputs: boolean): void;
  duplicate(): void;
  group(): void;
  toggleCollapse(): void;
  quickAdd(): void;
  connect(): void;
  rename(): void;
  openFile(): void;
  saveFile(): void;
  templates(): void;
  fitView(): void;
  fitSelection(): void;
  zoomIn(): void;
  zoomOut(): void;
  autoLayout(): void;
  shortcuts(): void;
  escape(): void;
}

export function useEditorActions(): EditorActions {
  const api = useEditorApi();
  const ui = useUiApi();
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const flowStore = useStoreApi<FlowNode, FlowEdge>();

  return useMemo((): EditorActions => {
    const state = () => api.getState();
    const copy = (): string | undefined => {
      const payload = copyNodes(state().doc, state().selection.nodes);
      if (!payload) return undefined;
      const text = clipboardText(payload);
      ui.getState().remember(text);
      return text;
    };
    const pasteText = (text: string | undefined, keepInputs: boolean, at?: { x: number; y: number }) => {
      const source = text ?? ui.getState().clipboard;
      if (source === undefined) return;
      const read = readClipboard(source);
      if (!read.ok) {
        state().notify(`Nothing pasted: ${read.message}`);
        return;
      }
      const { edits, nodes } = pasteEdits(state().doc, read.payload, { keepInputs, ...(at && { at }) });
      if (state().apply(edits, { label: 'Paste' })) state().select({ nodes, edges: [] });
    };
    const pointerFlow = () => {
      const pointer = ui.getState().pointer;
      return pointer ? flow.screenToFlowPosition(pointer) : undefined;
    };
    const selectedFlowNodes = () => flow.getNodes().filter((n) => n.selected);

    return {
      undo: () => void state().undo(),
      redo: () => void state().redo(),
      deleteSelection: () => void state().apply(deleteEdits(state().doc, state().selection), { label: 'Delete' }),
      selectAll: () => state().select({ nodes: state().doc.nodes.map((n) => n.id), edges: state().doc.edges.map((e) => e.id) }),
      copy,
      cut: () => {
        const text = copy();
        if (text !== undefined) state().apply(deleteEdits(state().doc, { nodes: state().selection.nodes, edges: [] }), { label: 'Cut' });
        return text;
      },
      paste: (text, keepInputs) => pasteText(text, keepInputs, pointerFlow()),
      duplicate: () => {
        const payload = copyNodes(state().doc, state().selection.nodes);
        if (!payload) return;
        const { edits, nodes } = pasteEdits(state().doc, payload, { keepInputs: true });
        if (state().apply(edits, { label: 'Duplicate' })) state().select({ nodes, edges: [] });
      },
      group: () => {
        const nodes = state().selection.nodes;
        if (nodes.length === 0) state().notify('Select the nodes to group first (drag a box with Shift, or Ctrl+A).');
        else ui.getState().open({ type: 'group', nodes });
      },
      toggleCollapse: () => {
        const selected = new Set(state().selection.nodes);
        const group = state().doc.groups?.find((g) => g.block !== undefined && g.nodes.some((id) => selected.has(id)));
        if (!group) {
          state().notify('Select a block to collapse or expand it.');
          return;
        }
        state().apply([{ type: 'setCollapsed', group: group.id, collapsed: !group.collapsed }]);
      },
      quickAdd: () => {
        const { width, height, domNode } = flowStore.getState();
        const box = domNode?.getBoundingClientRect();
        const screen = ui.getState().pointer ?? { x: (box?.left ?? 0) + width / 2, y: (box?.top ?? 0) + height / 2 };
        ui.getState().open({ type: 'quick-add', screen, flow: flow.screenToFlowPosition(screen) });
      },
      connect: () => {
        const node = state().selection.nodes[0];
        if (node === undefined) state().notify('Select the node to connect from first (Tab to it, then Enter).');
        else ui.getState().open({ type: 'connect', node });
      },
      rename: () => document.querySelector<HTMLInputElement>('[data-testid="inspector-label"]')?.focus(),
      openFile: () => ui.getState().filePicker?.(),
      saveFile: () => downloadGraph(state().doc),
      templates: () => ui.getState().open({ type: 'templates' }),
      fitView: () => void flow.fitView({ padding: 0.15, maxZoom: 1, duration: 200 }),
      fitSelection: () => {
        const nodes = selectedFlowNodes();
        void flow.fitView({ padding: 0.3, maxZoom: 1.2, duration: 200, ...(nodes.length > 0 && { nodes }) });
      },
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
      autoLayout: () => {
        const boxes: LayoutBox[] = flow.getNodes().map((n) => ({
          id: n.id, x: n.position.x, y: n.position.y,
          width: n.measured?.width ?? DEFAULT_NODE_SIZE.width, height: n.measured?.height ?? DEFAULT_NODE_SIZE.height,
        }));
        const edits: Edit[] = layoutEdits(state().doc, boxes, flow.getEdges());
        if (state().apply(edits, { label: 'Auto-layout' })) void flow.fitView({ padding: 0.15, maxZoom: 1, duration: 200 });
      },
      shortcuts: () => ui.getState().open({ type: 'shortcuts' }),
      escape: () => {
        if (ui.getState().dialog.type !== 'none') ui.getState().close();
        else state().select({ nodes: [], edges: [] });
      },
    };
  }, [api, ui, flow, flowStore]);
}
