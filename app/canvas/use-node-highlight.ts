/**
 * While a link is being dragged, how each port of a node relates to it: `fit` (it may take or give the dragged
 * tensor: highlighted), `misfit` (dimmed, with the reason as a tooltip), or nothing when no link is being dragged
 * or the port is on the same side. Each node subscribes to a short key of the connection, so moving the pointer
 * re-renders nothing; starting or ending a link re-renders each node once.
 */
import { useConnection, type ConnectionState } from '@xyflow/react';
import { useEditorApi } from '../state/editor-context.tsx';
import { checkLink, documentPort } from './link-check.ts';
import type { Fit } from './port-fit.ts';

export type PortHighlight = { readonly fit: Fit } | undefined;

/** `node\0handle\0type` of the link being dragged, or '' when none. */
const connectionKey = (c: ConnectionState) =>
  c.inProgress && c.fromHandle?.id ? `${c.fromNode.id}\u0000${c.fromHandle.id}\u0000${c.fromHandle.type}` : '';

/** Highlights for a node's ports (`flowId`: the canvas node; `inputs`/`outputs`: handle ids with their document ports). */
export function usePortHighlights(
  flowId: string,
  inputs: readonly { readonly handle: string }[],
  outputs: readonly { readonly handle: string }[],
): { inputs: PortHighlight[]; outputs: PortHighlight[] } | undefined {
  const api = useEditorApi();
  const key = useConnection(connectionKey);
  if (key === '') return undefined;
  const [fromNode, fromHandle, type] = key.split('\u0000') as [string, string, 'source' | 'target'];
  const { doc, analysis, catalog } = api.getState();
  const none = (list: readonly unknown[]) => list.map((): PortHighlight => undefined);
  if (fromNode === flowId) return { inputs: none(inputs), outputs: none(outputs) };
  if (type === 'source') {
    const from = documentPort(doc, fromNode, fromHandle, 'outputs');
    return {
      inputs: inputs.map(({ handle }) => {
        const to = documentPort(doc, flowId, handle, 'inputs');
        return from && to ? { fit: checkLink(doc, analysis, catalog, from, to) } : undefined;
      }),
      outputs: none(outputs),
    };
  }
  const to = documentPort(doc, fromNode, fromHandle, 'inputs');
  return {
    inputs: none(inputs),
    outputs: outputs.map(({ handle }) => {
      const from = documentPort(doc, flowId, handle, 'outputs');
      return from && to ? { fit: checkLink(doc, analysis, catalog, from, to) } : undefined;
    }),
  };
}

/** Class names for a handle's highlight. */
export function highlightClass(h: PortHighlight): string {
  if (!h) return '';
  return h.fit.ok ? ' nl-port--fit' : ' nl-port--misfit';
}
