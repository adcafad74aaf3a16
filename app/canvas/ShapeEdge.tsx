/**
 * An edge labelled with the tensor shape that flows along it (`[N,8,8,8]`), coloured and dashed by the diagnostics
 * it carries. Seen from far away (use-far-zoom.ts) the label is left out.
 */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { useEditorApi } from '../state/editor-context.tsx';
import type { FlowEdge } from './flow-model.ts';
import { useFarZoom } from './use-far-zoom.ts';

function ShapeEdgeView(props: EdgeProps<FlowEdge>) {
  const { id, data, selected, markerEnd } = props;
  const api = useEditorApi();
  const far = useFarZoom();
  const [path, labelX, labelY] = getBezierPath(props);
  const severity = data?.severity;
  const className = `nl-edge${severity ? ` nl-edge--${severity}` : ''}${data?.shape ? '' : ' nl-edge--unknown'}${selected ? ' nl-edge--selected' : ''}`;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={className} />
      {!far && <EdgeLabelRenderer>
        <button
          type="button"
          // nodrag/nopan: clicking the label selects the edge instead of panning the canvas.
          className={`nl-edge-label nodrag nopan${severity ? ` nl-edge-label--${severity}` : ''}${selected ? ' nl-edge-label--selected' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          data-testid={`edge-label-${id}`}
          aria-label={`edge ${id}: ${data?.shape ?? 'shape unknown'}`}
          onClick={() => api.getState().select({ nodes: [], edges: [id] })}
        >
          {data?.shape ?? '?'}
        </button>
      </EdgeLabelRenderer>}
    </>
  );
}

export const ShapeEdge = memo(ShapeEdgeView);
