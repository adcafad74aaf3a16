/**
 * The one node view for every kind: drawn from the catalog entry (title, ports → handles, params) and the
 * engine's analysis (output shapes, parameter count, diagnostics). Kinds differ only in data, never in components.
 */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { formatShape } from '../../engine/ir/shape.ts';
import { formatCount, formatParamValue } from '../format.ts';
import type { FlowNode } from './flow-model.ts';

/** How many explicitly set params the node shows inline; the inspector shows all of them. */
const INLINE_PARAMS = 4;

function GraphNodeView({ id, data, selected }: NodeProps<FlowNode>) {
  const { node, kind, inputs, outputs, result, diagnostics } = data;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  const status = errors.length > 0 ? 'error' : warnings.length > 0 ? 'warning' : result?.status === 'blocked' ? 'blocked' : 'ok';
  const shown = kind ? Object.keys(kind.params).filter((name) => Object.hasOwn(node.params, name)) : Object.keys(node.params);
  const message = errors[0] ?? warnings[0];
  const more = errors.length + warnings.length - 1;

  return (
    <div
      className={`nl-node nl-node--${status}${selected ? ' nl-node--selected' : ''}`}
      data-testid={`node-${id}`}
      data-status={status}
      data-kind={node.kind}
    >
      <div className="nl-node__header">
        <span className="nl-node__title">{kind?.label ?? `Unknown kind “${node.kind}”`}</span>
        <span className="nl-node__id" title={node.label ?? node.id}>{node.id}</span>
      </div>
      <div className="nl-node__ports">
        <div className="nl-node__inputs">
          {inputs.map((port) => (
            <div className="nl-port nl-port--in" key={port.name} title={port.doc}>
              <Handle type="target" position={Position.Left} id={port.name} data-testid={`handle-${id}-in-${port.name}`} />
              <span className="nl-port__name">{port.name}</span>
            </div>
          ))}
        </div>
        <div className="nl-node__outputs">
          {outputs.map((port) => {
            const info = result?.outputs[port.name];
            return (
              <div className="nl-port nl-port--out" key={port.name} title={port.doc}>
                <span className="nl-port__shape" data-testid={`node-shape-${id}-${port.name}`}>{info ? formatShape(info.shape) : '?'}</span>
                <span className="nl-port__name">{port.name}</span>
                <Handle type="source" position={Position.Right} id={port.name} data-testid={`handle-${id}-out-${port.name}`} />
              </div>
            );
          })}
        </div>
      </div>
      {shown.length > 0 && (
        <dl className="nl-node__params">
          {shown.slice(0, INLINE_PARAMS).map((name) => (
            <div key={name} className="nl-node__param" data-testid={`node-param-${id}-${name}`}>
              <dt>{name}</dt>
              <dd>{formatParamValue(node.params[name]!)}</dd>
            </div>
          ))}
          {shown.length > INLINE_PARAMS && <div className="nl-node__param nl-node__param--more">+{shown.length - INLINE_PARAMS} more</div>}
        </dl>
      )}
      {result && result.params > 0 && (
        <div className="nl-node__footer" data-testid={`node-params-${id}`}>{formatCount(result.params)} params</div>
      )}
      {message && (
        <div className={`nl-node__message nl-node__message--${message.severity}`} data-testid={`node-${message.severity}-${id}`} role={message.severity === 'error' ? 'alert' : undefined}>
          {message.message}
          {more > 0 && <span className="nl-node__more"> (+{more} more in Problems)</span>}
        </div>
      )}
    </div>
  );
}

export const GraphNode = memo(GraphNodeView);
