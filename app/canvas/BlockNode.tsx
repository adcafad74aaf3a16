/**
 * A collapsed block instance: one node with the block's input and output ports, the shapes found at them, the
 * parameter count of everything inside, and the first problem inside it (so an error never hides in a collapsed
 * block). Expanding it is one undoable edit.
 */
import { memo, useMemo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { formatCount } from '../format.ts';
import { useEditorApi } from '../state/editor-context.tsx';
import type { BlockFlowNode } from './flow-model.ts';
import { firstProblem, outputShapes, titleOf } from './node-description.ts';
import { highlightClass, usePortHighlights } from './use-node-highlight.ts';

function BlockNodeView({ id, data, selected }: NodeProps<BlockFlowNode>) {
  const api = useEditorApi();
  const { group, block, inputs, outputs, params, diagnostics, status } = data;
  const inputHandles = useMemo(() => inputs.map((p) => ({ handle: p.name })), [inputs]);
  const outputHandles = useMemo(() => outputs.map((p) => ({ handle: p.name })), [outputs]);
  const highlights = usePortHighlights(id, inputHandles, outputHandles);
  const message = firstProblem(diagnostics);
  const shapes = outputShapes(data);
  const title = titleOf(data);

  return (
    <div className={`nl-node nl-node--block nl-node--${status}${selected ? ' nl-node--selected' : ''}`} data-testid={`block-${group.id}`} data-status={status}>
      <div className="nl-node__header">
        <span className="nl-node__title">{title}</span>
        <button
          type="button" className="nl-node__expand nodrag" data-testid={`block-expand-${group.id}`}
          onClick={() => api.getState().apply([{ type: 'setCollapsed', group: group.id, collapsed: false }])}
          aria-label={`Expand block ${title}`} title="Expand (show the nodes inside)"
        >⤢</button>
      </div>
      <div className="nl-node__label">block {block.label} · {group.nodes.length} nodes</div>
      <div className="nl-node__ports">
        <div className="nl-node__inputs">
          {inputs.map((port, i) => {
            const h = highlights?.inputs[i];
            return (
              <div className={`nl-port nl-port--in${highlightClass(h)}`} key={port.name} title={h && !h.fit.ok ? h.fit.reason : `${port.node}.${port.port}`}>
                <Handle type="target" position={Position.Left} id={port.name} data-testid={`handle-${id}-in-${port.name}`} />
                <span className="nl-port__name">{port.name}</span>
              </div>
            );
          })}
        </div>
        <div className="nl-node__outputs">
          {outputs.map((port, i) => {
            const h = highlights?.outputs[i];
            return (
              <div className={`nl-port nl-port--out${highlightClass(h)}`} key={port.name} title={h && !h.fit.ok ? h.fit.reason : `${port.node}.${port.port}`}>
                <span className="nl-port__shape" data-testid={`block-shape-${group.id}-${port.name}`}>{shapes[i]!.shape}</span>
                <span className="nl-port__name">{port.name}</span>
                <Handle type="source" position={Position.Right} id={port.name} data-testid={`handle-${id}-out-${port.name}`} />
              </div>
            );
          })}
        </div>
      </div>
      {params > 0 && <div className="nl-node__footer" data-testid={`block-params-${group.id}`}>{formatCount(params)} params</div>}
      {message && (
        <div className={`nl-node__message nl-node__message--${message.severity}`} data-testid={`block-${message.severity}-${group.id}`} role={message.severity === 'error' ? 'alert' : undefined}>
          {message.node}: {message.message}
        </div>
      )}
    </div>
  );
}

export const BlockNode = memo(BlockNodeView);
