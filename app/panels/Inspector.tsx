/** The selected node's params, drawn from its kind's schema, plus what the analysis knows about it. */
import { formatShape } from '../../engine/ir/shape.ts';
import { formatBytes, formatCount, formatSI } from '../format.ts';
import { useEditor, useEditorApi } from '../state/editor-context.tsx';
import { ParamField } from './ParamField.tsx';

function NodeInspector({ id }: { id: string }) {
  const api = useEditorApi();
  const node = useEditor((s) => s.doc.nodes.find((n) => n.id === id));
  const kind = useEditor((s) => (node ? s.catalog.get(node.kind) : undefined));
  const result = useEditor((s) => s.analysis.nodes.get(id));
  const diagnostics = useEditor((s) => s.analysis.diagnostics);
  if (!node) return null;
  const mine = diagnostics.filter((d) => d.node === id);
  const apply = api.getState().apply;

  return (
    <div className="nl-inspector__body" data-testid={`inspector-${id}`}>
      <header className="nl-inspector__header">
        <h3>{kind?.label ?? `Unknown kind “${node.kind}”`} <span className="nl-inspector__id">{id}</span></h3>
        {kind && <p className="nl-inspector__summary">{kind.docs.summary}</p>}
        {kind && <code className="nl-inspector__pytorch">{kind.docs.pytorch}</code>}
      </header>
      {kind && Object.keys(kind.params).length > 0 && (
        <fieldset className="nl-inspector__params">
          <legend>Parameters</legend>
          {Object.entries(kind.params).map(([name, def]) => {
            const isSet = Object.hasOwn(node.params, name);
            return (
              <ParamField
                key={name} name={name} def={def} isSet={isSet}
                value={isSet ? node.params[name]! : def.default}
                problems={mine.filter((d) => d.param === name).map((d) => d.message)}
                onChange={(value) => apply([{ type: 'setParam', node: id, param: name, value }])}
                onReset={() => apply([{ type: 'resetParam', node: id, param: name }])}
              />
            );
          })}
        </fieldset>
      )}
      {result && result.status === 'ok' && (
        <dl className="nl-inspector__facts" data-testid="inspector-facts">
          {Object.entries(result.outputs).map(([port, info]) => (
            <div key={port}><dt>output {port}</dt><dd>{formatShape(info.shape)}{info.dtype === 'f32' ? '' : ` ${info.dtype}`}</dd></div>
          ))}
          <div><dt>parameters</dt><dd>{formatCount(result.params)}</dd></div>
          <div><dt>FLOPs / sample</dt><dd>{formatSI(result.flops)}</dd></div>
          <div><dt>activations / sample</dt><dd>{formatBytes(result.memory)}</dd></div>
          {result.receptiveField && <div><dt>receptive field</dt><dd>{result.receptiveField.join('×')}</dd></div>}
          {result.weights.map((w) => (
            <div key={w.name}><dt>{w.name}</dt><dd>{formatShape(w.shape)}{w.trainable ? '' : ' (buffer)'}</dd></div>
          ))}
        </dl>
      )}
      {mine.length > 0 && (
        <ul className="nl-inspector__problems">
          {mine.map((d, i) => <li key={i} className={`nl-severity--${d.severity}`}>{d.message}</li>)}
        </ul>
      )}
      <button type="button" className="nl-button nl-button--danger" data-testid="inspector-delete" onClick={() => apply([{ type: 'removeNode', node: id }])}>
        Delete node
      </button>
    </div>
  );
}

function EdgeInspector({ id }: { id: string }) {
  const api = useEditorApi();
  const edge = useEditor((s) => s.doc.edges.find((e) => e.id === id));
  const info = useEditor((s) => s.analysis.edges.get(id));
  if (!edge) return null;
  return (
    <div className="nl-inspector__body" data-testid={`inspector-edge-${id}`}>
      <h3>Edge <span className="nl-inspector__id">{id}</span></h3>
      <p>{edge.from.node}.{edge.from.port} → {edge.to.node}.{edge.to.port}</p>
      <p>shape {info ? formatShape(info.shape) : 'unknown (the source has a problem)'}</p>
      <button type="button" className="nl-button nl-button--danger" onClick={() => api.getState().apply([{ type: 'disconnect', edge: id }])}>
        Disconnect
      </button>
    </div>
  );
}

export function Inspector() {
  const selection = useEditor((s) => s.selection);
  const only = selection.nodes.length === 1 && selection.edges.length === 0 ? selection.nodes[0] : undefined;
  const edge = selection.nodes.length === 0 && selection.edges.length === 1 ? selection.edges[0] : undefined;
  const count = selection.nodes.length + selection.edges.length;
  return (
    <section className="nl-panel nl-inspector" aria-label="Inspector" data-testid="inspector">
      <h2 className="nl-panel__title">Inspector</h2>
      {/* Keyed by id so a field's draft text never leaks from one node to another. */}
      {only !== undefined ? <NodeInspector key={only} id={only} />
        : edge !== undefined ? <EdgeInspector key={edge} id={edge} />
        : <p className="nl-muted">{count > 1 ? `${count} items selected.` : 'Select a node to edit its parameters.'}</p>}
    </section>
  );
}
