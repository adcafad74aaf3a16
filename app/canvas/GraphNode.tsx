/**
 * The one node view for every kind: drawn from the catalog entry (title, ports → handles, params) and the
 * engine's analysis (output shapes, parameter count, diagnostics). Kinds differ only in data, never in components.
 * Every user text (label, notes, id) is rendered as text, never as markup.
 */
import { memo, useMemo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { formatCount, formatParamValue } from '../format.ts';
import type { GraphFlowNode } from './flow-model.ts';
import { firstProblem, kindLabelOf, outputShapes } from './node-description.ts';
import { useFarZoom } from './use-far-zoom.ts';
import { highlightClass, usePortHighlights } from './use-node-highlight.ts';
import { useRunError } from '../training/use-run-error.ts';

/** How many params the node shows inline; the inspector shows all of them. */
const INLINE_PARAMS = 4;

function GraphNodeView(props: NodeProps<GraphFlowNode>) {
  return useFarZoom() ? <FarNode {...props} /> : <FullNode {...props} />;
}

/**
 * Seen from far away the canvas overview draws the node (OverviewLayer.tsx) and this stand-in is not painted: it
 * keeps the node's test id, status, kind and selection in the DOM, and the handles edges attach to, at little cost.
 */
function FarNode({ id, data, selected }: NodeProps<GraphFlowNode>) {
  const { node, inputs, outputs, status } = data;
  return (
    <div className={`nl-node nl-node--${status}${selected ? ' nl-node--selected' : ''}`} data-testid={`node-${id}`} data-status={status} data-kind={node.kind}>
      {inputs.map((port) => <Handle key={port.name} type="target" position={Position.Left} id={port.name} />)}
      {outputs.map((port) => <Handle key={port.name} type="source" position={Position.Right} id={port.name} />)}
    </div>
  );
}

function FullNode({ id, data, selected }: NodeProps<GraphFlowNode>) {
  const { node, kind, inputs, outputs, result, diagnostics, status } = data;
  const inputHandles = useMemo(() => inputs.map((p) => ({ handle: p.name })), [inputs]);
  const outputHandles = useMemo(() => outputs.map((p) => ({ handle: p.name })), [outputs]);
  const highlights = usePortHighlights(id, inputHandles, outputHandles);
  // The params the user set (in the kind's order): they are what makes this node this node; defaults are not repeated.
  const set = kind ? Object.keys(kind.params).filter((name) => Object.hasOwn(node.params, name)) : Object.keys(node.params);
  const shown = set.slice(0, INLINE_PARAMS);
  const hidden = set.length - shown.length;
  const message = firstProblem(diagnostics);
  const more = diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').length - 1;
  const shapes = outputShapes(data);
  const runError = useRunError(id);

  return (
    <div
      className={`nl-node nl-node--${status}${selected ? ' nl-node--selected' : ''}${runError ? ' nl-node--run-error' : ''}`}
      data-testid={`node-${id}`}
      data-status={status}
      data-kind={node.kind}
      aria-label={`${kindLabelOf(data)} ${node.label ?? id}${status === 'error' ? ', has an error' : ''}`}
    >
      <div className="nl-node__header">
        <span className="nl-node__title">{kind?.label ?? `Unknown kind “${node.kind}”`}</span>
        <span className="nl-node__id" title={node.id}>{node.id}</span>
      </div>
      {node.label !== undefined && <div className="nl-node__label" data-testid={`node-label-${id}`}>{node.label}</div>}
      <div className="nl-node__ports">
        <div className="nl-node__inputs">
          {inputs.map((port, i) => {
            const h = highlights?.inputs[i];
            return (
              <div className={`nl-port nl-port--in${highlightClass(h)}`} key={port.name} title={h && !h.fit.ok ? h.fit.reason : port.doc}>
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
              <div className={`nl-port nl-port--out${highlightClass(h)}`} key={port.name} title={h && !h.fit.ok ? h.fit.reason : port.doc}>
                <span className="nl-port__shape" data-testid={`node-shape-${id}-${port.name}`}>{shapes[i]!.shape}</span>
                <span className="nl-port__name">{port.name}</span>
                <Handle type="source" position={Position.Right} id={port.name} data-testid={`handle-${id}-out-${port.name}`} />
              </div>
            );
          })}
        </div>
      </div>
      {shown.length > 0 && (
        <dl className="nl-node__params">
          {shown.map((name) => (
            <div key={name} className="nl-node__param" data-testid={`node-param-${id}-${name}`}>
              <dt>{name}</dt>
              <dd>{formatParamValue(node.params[name]!)}</dd>
            </div>
          ))}
          {hidden > 0 && <div className="nl-node__param nl-node__param--more">+{hidden} more</div>}
        </dl>
      )}
      {(result?.params ?? 0) > 0 && (
        <div className="nl-node__footer" data-testid={`node-params-${id}`}>{formatCount(result!.params)} params</div>
      )}
      {node.notes !== undefined && <div className="nl-node__notes" data-testid={`node-notes-${id}`} title={node.notes}>{node.notes}</div>}
      {message && (
        <div className={`nl-node__message nl-node__message--${message.severity}`} data-testid={`node-${message.severity}-${id}`} role={message.severity === 'error' ? 'alert' : undefined}>
          {message.message}
          {more > 0 && <span className="nl-node__more"> (+{more} more in Problems)</span>}
        </div>
      )}
      {runError && (
        <div className="nl-node__message nl-node__message--error" data-testid={`node-run-error-${id}`} role="alert">
          Training stopped here: {runError.message}
          {runError.cause && <span className="nl-node__cause"> Likely cause: {runError.cause}</span>}
        </div>
      )}
    </div>
  );
}

export const GraphNode = memo(GraphNodeView);
