/**
 * The model summary as torchinfo and Keras print it: one row per node in data-flow order with its output shape,
 * trainable parameters, FLOPs and activation memory per sample, then the totals. Clicking a row focuses its node.
 */
import { formatShape } from '../../engine/ir/shape.ts';
import { useFocusNode } from '../canvas/use-focus-node.ts';
import { formatBytes, formatCount, formatSI } from '../format.ts';
import { useEditor } from '../state/editor-context.tsx';

export function SummaryTable() {
  const analysis = useEditor((s) => s.analysis);
  const doc = useEditor((s) => s.doc);
  const catalog = useEditor((s) => s.catalog);
  const focus = useFocusNode();
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  // Data-flow order first; nodes the analysis could not order (on a cycle) after them, in document order.
  const order = [...analysis.order, ...doc.nodes.map((n) => n.id).filter((id) => !analysis.order.includes(id))];
  const { params, flops, memory } = analysis.totals;

  return (
    <section className="nl-panel nl-summary-table" aria-label="Model summary table" data-testid="summary-table">
      <table>
        <thead>
          <tr><th scope="col">Layer</th><th scope="col">Kind</th><th scope="col">Output shape</th><th scope="col">Params</th><th scope="col">FLOPs</th><th scope="col">Memory</th></tr>
        </thead>
        <tbody>
          {order.map((id) => {
            const node = byId.get(id);
            const result = analysis.nodes.get(id);
            if (!node) return null;
            const outputs = result ? Object.entries(result.outputs) : [];
            return (
              <tr key={id} data-testid={`summary-row-${id}`} onClick={() => focus(id)} className={result?.status === 'ok' ? '' : 'nl-summary-table__row--problem'}>
                <th scope="row">{node.label ?? id}</th>
                <td>{catalog.get(node.kind)?.label ?? node.kind}</td>
                <td className="nl-mono">{outputs.length === 0 ? (result?.status === 'ok' ? '—' : '?') : outputs.map(([port, info]) => (outputs.length > 1 ? `${port} ${formatShape(info.shape)}` : formatShape(info.shape))).join(', ')}</td>
                <td className="nl-num" data-value={result?.params ?? 0}>{formatCount(result?.params ?? 0)}</td>
                <td className="nl-num">{formatSI(result?.flops ?? 0)}</td>
                <td className="nl-num">{formatBytes(result?.memory ?? 0)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr data-testid="summary-total">
            <th scope="row">Total</th><td>{doc.nodes.length} nodes</td><td />
            <td className="nl-num" data-value={params}>{formatCount(params)}</td>
            <td className="nl-num">{formatSI(flops)}</td>
            <td className="nl-num">{formatBytes(memory)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
