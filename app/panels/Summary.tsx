/** Graph totals from the analysis: trainable parameters, FLOPs and activation memory per sample, problem counts. */
import { formatBytes, formatCount, formatSI } from '../format.ts';
import { useEditor } from '../state/editor-context.tsx';

export function Summary() {
  const analysis = useEditor((s) => s.analysis);
  const nodes = useEditor((s) => s.doc.nodes.length);
  const { params, flops, memory } = analysis.totals;
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = analysis.diagnostics.filter((d) => d.severity === 'warning').length;
  // data-value carries the exact number so tests need not parse the formatted text.
  return (
    <dl className="nl-summary" aria-label="Model summary" data-testid="summary">
      <div><dt>params</dt><dd data-testid="summary-params" data-value={params}>{formatCount(params)}</dd></div>
      <div title="per sample: the batch size N counts as 1"><dt>FLOPs / sample</dt><dd data-testid="summary-flops" data-value={flops}>{formatSI(flops)}</dd></div>
      <div title="output activations per sample, 4 bytes per element"><dt>activations</dt><dd data-testid="summary-memory" data-value={memory}>{formatBytes(memory)}</dd></div>
      <div><dt>nodes</dt><dd data-testid="summary-nodes">{nodes}</dd></div>
      <div className={errors > 0 ? 'nl-severity--error' : ''}><dt>errors</dt><dd data-testid="summary-errors" data-value={errors}>{errors}</dd></div>
      <div className={warnings > 0 ? 'nl-severity--warning' : ''}><dt>warnings</dt><dd data-testid="summary-warnings" data-value={warnings}>{warnings}</dd></div>
    </dl>
  );
}
