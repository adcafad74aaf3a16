/**
 * Frames drawn around expanded groups and block instances, in flow coordinates (they pan and zoom with the nodes),
 * with the group's name and, for a block, a button that collapses it into one node. Frames let clicks through
 * except on their title bar.
 */
import { ViewportPortal, useStore, type ReactFlowState } from '@xyflow/react';
import { useEditor, useEditorApi } from '../state/editor-context.tsx';
import { DEFAULT_NODE_SIZE } from './placement.ts';

interface Frame {
  readonly id: string;
  readonly label: string;
  readonly block: boolean;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const PAD = 14;
const TITLE = 26;

export function GroupFrames() {
  const api = useEditorApi();
  const groups = useEditor((s) => s.doc.groups);
  const blocks = useEditor((s) => s.doc.blocks);
  // A string, so that React re-renders only when a frame actually moves or resizes.
  const frames = useStore((s: ReactFlowState) => JSON.stringify((groups ?? []).flatMap((g): Frame[] => {
    if (g.collapsed || g.nodes.length === 0) return [];
    const boxes = g.nodes.flatMap((id) => {
      const n = s.nodeLookup.get(id);
      if (!n) return [];
      const { x, y } = n.internals.positionAbsolute;
      return [{ x, y, right: x + (n.measured.width ?? DEFAULT_NODE_SIZE.width), bottom: y + (n.measured.height ?? DEFAULT_NODE_SIZE.height) }];
    });
    if (boxes.length === 0) return [];
    const x = Math.min(...boxes.map((b) => b.x)) - PAD, y = Math.min(...boxes.map((b) => b.y)) - PAD - TITLE;
    const label = g.label ?? blocks?.find((b) => b.id === g.block)?.label ?? g.id;
    return [{ id: g.id, label, block: g.block !== undefined, x, y, width: Math.max(...boxes.map((b) => b.right)) + PAD - x, height: Math.max(...boxes.map((b) => b.bottom)) + PAD - y }];
  })));
  const list = JSON.parse(frames) as Frame[];
  if (list.length === 0) return null;
  return (
    <ViewportPortal>
      {list.map((f) => (
        <div
          key={f.id} className={`nl-frame${f.block ? ' nl-frame--block' : ''}`} data-testid={`frame-${f.id}`}
          style={{ transform: `translate(${f.x}px, ${f.y}px)`, width: f.width, height: f.height }}
        >
          <div className="nl-frame__title">
            <span>{f.label}</span>
            {f.block && (
              <button
                type="button" className="nl-frame__button nodrag nopan" data-testid={`frame-collapse-${f.id}`}
                onClick={() => api.getState().apply([{ type: 'setCollapsed', group: f.id, collapsed: true }])}
                title="Collapse into one node with the block's ports"
              >Collapse</button>
            )}
          </div>
        </div>
      ))}
    </ViewportPortal>
  );
}
