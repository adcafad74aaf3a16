/**
 * Connecting without a mouse (`C` on a selected node): pick one of its output ports and an input port of another
 * node; ports that cannot take the tensor are listed with the reason and cannot be chosen.
 */
import { useMemo, useState } from 'react';
import { checkLink } from '../canvas/link-check.ts';
import { portsOf } from '../../engine/compile/node-kind.ts';
import { resolveNodeParams } from '../../engine/compile/structure.ts';
import { useEditor, useEditorApi, useUiApi } from '../state/editor-context.tsx';
import { newEdgeId } from '../state/ids.ts';
import type { Dialog } from '../state/ui-store.ts';
import { Modal } from './Modal.tsx';

export function ConnectDialog({ dialog }: { dialog: Extract<Dialog, { type: 'connect' }> }) {
  const api = useEditorApi();
  const ui = useUiApi();
  const doc = useEditor((s) => s.doc);
  const analysis = useEditor((s) => s.analysis);
  const catalog = useEditor((s) => s.catalog);
  const source = doc.nodes.find((n) => n.id === dialog.node);
  const sourceKind = source && catalog.get(source.kind);
  const outputs = sourceKind && source ? portsOf(sourceKind.outputs, resolveNodeParams(sourceKind, source.params).params).map((p) => p.name) : [];
  const [port, setPort] = useState(outputs[0] ?? '');
  const targets = useMemo(() => doc.nodes.filter((n) => n.id !== dialog.node).flatMap((n) => {
    const kind = catalog.get(n.kind);
    // A node of a kind this build does not know has no ports to offer.
    const inputs = kind ? portsOf(kind.inputs, resolveNodeParams(kind, n.params).params) : [];
    return inputs.map((p) => ({ node: n.id, port: p.name, fit: checkLink(doc, analysis, catalog, { node: dialog.node, port }, { node: n.id, port: p.name }) }));
  }), [doc, analysis, catalog, dialog.node, port]);
  const [target, setTarget] = useState('');
  const chosen = targets.find((t) => `${t.node}.${t.port}` === target) ?? targets.find((t) => t.fit.ok);

  const submit = () => {
    if (!chosen || !chosen.fit.ok) return;
    const from = { node: dialog.node, port }, to = { node: chosen.node, port: chosen.port };
    ui.getState().close();
    const id = newEdgeId(doc, from.node, to.node);
    if (api.getState().apply([{ type: 'connect', id, from, to }])) api.getState().select({ nodes: [], edges: [id] });
  };

  return (
    <Modal title={`Connect ${dialog.node}`} testId="connect-dialog">
      {/* Enter on either list connects, as it would on a text field: no need to Tab to the button. */}
      <form onSubmit={(e) => { e.preventDefault(); submit(); }} onKeyDown={(e) => { if (e.key === 'Enter' && e.target instanceof HTMLSelectElement) { e.preventDefault(); submit(); } }}>
        <label className="nl-field__row">
          <span className="nl-field__label">output</span>
          <select autoFocus data-testid="connect-output" value={port} onChange={(e) => setPort(e.target.value)}>
            {outputs.map((p) => {
              const info = analysis.nodes.get(dialog.node)?.outputs[p];
              return <option key={p} value={p}>{p}{info ? ` [${info.shape.join(',')}]` : ''}</option>;
            })}
          </select>
          <span />
        </label>
        <label className="nl-field__row">
          <span className="nl-field__label">to input</span>
          <select data-testid="connect-target" value={chosen ? `${chosen.node}.${chosen.port}` : ''} onChange={(e) => setTarget(e.target.value)}>
            {targets.map((t) => (
              <option key={`${t.node}.${t.port}`} value={`${t.node}.${t.port}`} disabled={!t.fit.ok}>
                {t.node}.{t.port}{t.fit.ok ? '' : ` — ${t.fit.reason}`}
              </option>
            ))}
          </select>
          <span />
        </label>
        <button type="submit" className="nl-button nl-button--primary" data-testid="connect-submit" disabled={!chosen?.fit.ok}>Connect</button>
      </form>
    </Modal>
  );
}
