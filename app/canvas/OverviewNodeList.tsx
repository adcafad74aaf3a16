/**
 * The overview's nodes for the keyboard and for screen readers. To them the overview canvas (OverviewLayer.tsx) is
 * one image, and React Flow's DOM nodes are skipped while it shows (content-visibility in styles.css: neither
 * focusable nor in the accessibility tree). So a visually hidden list offers one button per node, in data-flow
 * order (flow-order.ts), named in words by what the node shows (node-description.ts). Focusing a button rings its
 * drawn node, panned into view if need be (pan-to-show.ts); Enter or Space selects and frames the node, which leaves
 * the overview, then moves keyboard focus to the node's DOM element so Tab carries on at the working zoom. The list
 * is one Tab stop (a roving tabindex): the arrow keys, Home/End and PageUp/PageDown move between its buttons, so a
 * 1,000-node graph is not 1,000 Tab presses to get past.
 *
 * It sits outside the viewport's transform and subscribes to no viewport state (a focus reads it once), so panning
 * and zooming never re-render or re-lay it out; each button re-renders only when its own description changes.
 */
import { memo, useCallback, useMemo, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEditor, useEditorApi } from '../state/editor-context.tsx';
import { documentIds, type FlowEdge, type FlowNode } from './flow-model.ts';
import { inFlowOrder } from './flow-order.ts';
import { rovingTarget } from './roving-target.ts';
import { describeNode } from './node-description.ts';
import { drawnBox } from './overview-scene.ts';
import { panToShow } from './pan-to-show.ts';
import { useFocusNode } from './use-focus-node.ts';

/** How many frames to keep trying to focus a framed node's element before giving up (about half a second). */
const FOCUS_TRIES = 30;

/**
 * Focuses the React Flow node `id` under `root` once it can take focus: it is unfocusable until the overview's
 * styles are gone, and above 150 nodes React Flow mounts it only once it is in view, a frame or two after the
 * view settles. Stops early if focus went anywhere but the page body (the user moved on).
 */
function focusNodeElement(root: ParentNode | null, id: string, triesLeft: number): void {
  const element = root?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
  // preventScroll: the pane must not scroll; the view is already centred on the node.
  element?.focus({ preventScroll: true });
  const waiting = document.activeElement === null || document.activeElement === document.body;
  if (element !== document.activeElement && waiting && triesLeft > 0) requestAnimationFrame(() => focusNodeElement(root, id, triesLeft - 1));
}

/** Selects a canvas node and frames it (use-focus-node.ts makes the same selection a click on a drawn node does), then focuses it. */
function useOpenNode(): (flowId: string) => Promise<void> {
  const api = useEditorApi();
  const store = useStoreApi<FlowNode, FlowEdge>();
  const focusNode = useFocusNode();
  return useCallback(async (flowId) => {
    // A collapsed block is framed through any of its nodes.
    const [documentId] = documentIds([flowId], api.getState().doc.groups);
    if (documentId === undefined) return;
    await focusNode(documentId);
    focusNodeElement(store.getState().domNode, flowId, FOCUS_TRIES);
  }, [api, store, focusNode]);
}

interface NodeButtonProps {
  readonly id: string;
  readonly description: string;
  /** The list's one Tab stop: the button focused last (the first one at the start). */
  readonly tabbable: boolean;
  readonly onFocusNode: (id: string) => void;
  readonly onOpen: (id: string) => Promise<void>;
}

const NodeButton = memo(function NodeButton({ id, description, tabbable, onFocusNode, onOpen }: NodeButtonProps) {
  return (
    <li>
      {/* A button's click is also Enter and Space; the description is a text node, never markup. */}
      <button type="button" data-testid={`overview-node-${id}`} data-node={id} tabIndex={tabbable ? 0 : -1} onFocus={() => onFocusNode(id)} onClick={() => void onOpen(id)}>
        {description}
      </button>
    </li>
  );
});

interface OverviewNodeListProps {
  readonly nodes: readonly FlowNode[];
  /** Told which node's button has keyboard focus, or undefined when focus left the list. */
  readonly onFocusNode: (id: string | undefined) => void;
}

export const OverviewNodeList = memo(function OverviewNodeList({ nodes, onFocusNode }: OverviewNodeListProps) {
  const order = useEditor((s) => s.analysis.order);
  const entries = useMemo(() => inFlowOrder(nodes, order).map((n) => ({ id: n.id, description: describeNode(n.data) })), [nodes, order]);
  const openNode = useOpenNode();
  const [active, setActive] = useState<string>();
  const tabbable = entries.some((e) => e.id === active) ? active : entries[0]?.id;
  const store = useStoreApi<FlowNode, FlowEdge>();
  const flow = useReactFlow();
  const onFocus = useCallback((id: string) => {
    setActive(id);
    onFocusNode(id);
    // A node reached with the keyboard comes into view (at the same zoom), so its ring is seen.
    const { nodeLookup, transform: [x, y, zoom], width, height } = store.getState();
    const node = nodeLookup.get(id);
    const next = node && panToShow(drawnBox(node), { x, y, zoom }, { width, height });
    if (next) void flow.setViewport(next);
  }, [onFocusNode, store, flow]);
  const onBlur = useCallback((event: FocusEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) onFocusNode(undefined);
  }, [onFocusNode]);
  const onKeyDown = useCallback((event: KeyboardEvent<HTMLElement>) => {
    const from = entries.findIndex((e) => e.id === (event.target as HTMLElement).dataset['node']);
    const to = from < 0 ? undefined : rovingTarget(event.key, from, entries.length);
    if (to === undefined) return;
    // Arrows would otherwise also reach the canvas's keyboard moves.
    event.preventDefault();
    event.stopPropagation();
    event.currentTarget.querySelector<HTMLElement>(`[data-node="${CSS.escape(entries[to]!.id)}"]`)?.focus({ preventScroll: true });
  }, [entries]);

  return (
    <ul className="nl-visually-hidden nl-overview-list" data-testid="overview-node-list" aria-label="Nodes in data-flow order (arrow keys move, Enter zooms in to one)" onBlur={onBlur} onKeyDown={onKeyDown}>
      {entries.map(({ id, description }) => <NodeButton key={id} id={id} description={description} tabbable={id === tabbable} onFocusNode={onFocus} onOpen={openNode} />)}
    </ul>
  );
});
