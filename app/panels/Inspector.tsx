/**
 * The selection's details and controls: a node's id, label, notes and every param from its kind's schema (each
 * change re-analyses at once; a burst of changes to one field is one undo step), a collapsed block's ports and
 * actions, or an edge's shape.
 */
import { useEffect, useState } from 'react';
import { formatShape } from '../../engine/ir/shape.ts';
import { formatBytes, formatCount, formatSI } from '../format.ts';
import { useEditor, useEditorApi, useUiApi } from '../state/editor-context.tsx';
import { ParamField } from './ParamField.tsx';

/** A text field that applies on Enter or blur (ids, which must stay unique) rather than on every keystroke. */
function CommitField({ label, value, testId, onCommit }: { label: string; value: string; testId: string; onCommit(text: string): void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <label className="nl-field__row">
      <span className="nl-field__label">{label}</span>
      <input
        type="text" spellCheck={false} data-testid={testId} value={text} onChange={(e) => setText(e.target.value)}
        onBlur={() => text !== value && onCommit(text)}
        onKeyDown={(e) => { if (e.key === 'Enter') e.currentTarget.blur(); }}
      />
      <span />
    </label>
  );
}

function NodeInspector({ id }: { id: string }) {
  const api = useEditorApi();
  const ui = useUiApi();
  const node = useEditor((s) => s.doc.nodes.find((n) => n.id === id));
  const kind = useEditor((s) => (node ? s.catalog.get(node.kind) : undefined));
  const result = useEditor((s) => s.analysis.nodes.get(id));
  const diagnostics = useEditor((s) => s.analysis.diagnostics);
  const instance = useEditor((s) => s.doc.groups?.find((g) => g.block !== undefined && g.nodes.includes(id)));
  const copies = useEditor((s) => (instance ? s.doc.groups?.filter((g) => g.block === instance.block).length ?? 0 : 0));
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
      {instance && (
        <p className="nl-inspector__block" data-testid="inspector-block-note">
          Part of block <strong>{instance.label ?? instance.block}</strong>
          {copies > 1 ? ` — a param changed here changes all ${copies} copies.` : '.'}
        </p>
      )}
      <fieldset className="nl-inspector__params">
        <legend>Node</legend>
        <CommitField label="id" value={node.id} testId="inspector-id" onCommit={(newId) => {
          if (apply([{ type: 'renameNode', node: id, newId }])) api.getState().select({ nodes: [newId], edges: [] });
        }} />
        <label className="nl-field__row">
          <span className="nl-field__label">label</span>
          <input
            type="text" data-testid="inspector-label" value={node.label ?? ''} placeholder="a name to show on the canvas"
            onChange={(e) => apply([{ type: 'setLabel', node: id, label: e.target.value }], { coalesce: `label:${id}` })}
          />
          <span />
        </label>
        <label className="nl-field__notes">
          <span className="nl-field__label">notes</span>
          <textarea
            data-testid="inspector-notes" rows={2} value={node.notes ?? ''} placeholder="why this layer is here…"
            onChange={(e) => apply([{ type: 'setNotes', node: id, notes: e.target.value }], { coalesce: `notes:${id}` })}
          />
        </label>
      </fieldset>
      {kind?.dataSource && (
        <button type="button" className="nl-button" data-testid="inspector-choose-data" onClick={() => ui.getState().open({ type: 'data', node: id })}>
          Choose data…
        </button>
      )}
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
                onChange={(value) => apply([{ type: 'setParam', node: id, param: name, value }], { coalesce: `param:${id}:${name}` })}
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
      {!instance && (
        <button type="button" className="nl-button nl-button--danger" data-testid="inspector-delete" onClick={() => apply([{ type: 'removeNode', node: id }])}>
          Delete node
        </button>
      )}
    </div>
  );
}

function BlockInspector({ group: groupId }: { group: string }) {
  const api = useEditorApi();
  const group = useEditor((s) => s.doc.groups?.find((g) => g.id === groupId));
  const block = useEditor((s) => s.doc.blocks?.find((b) => b.id === group?.block));
  const analysis = useEditor((s) => s.analysis);
  if (!group || !block) return null;
  const apply = api.getState().apply;
  const copyOf = (local: string) => group.nodes[block.nodes.findIndex((n) => n.id === local)]!;
  const shapeAt = (side: 'inputs' | 'outputs', local: string, port: string) => {
    const info = analysis.nodes.get(copyOf(local))?.[side][port];
    return info ? formatShape(info.shape) : '?';
  };
  const params = group.nodes.reduce((sum, id) => sum + (analysis.nodes.get(id)?.params ?? 0), 0);

  return (
    <div className="nl-inspector__body" data-testid={`inspector-block-${group.id}`}>
      <header className="nl-inspector__header">
        <h3>Block {block.label} <span className="nl-inspector__id">{group.id}</span></h3>
        <p className="nl-inspector__summary">{group.nodes.length} nodes, {formatCount(params)} params. Copies of this block share its params; each has its own weights.</p>
      </header>
      <fieldset className="nl-inspector__params">
        <legend>Block</legend>
        <CommitField label="block name" value={block.label} testId="inspector-block-label" onCommit={(label) => apply([{ type: 'setBlockLabel', block: block.id, label }])} />
      </fieldset>
      <dl className="nl-inspector__facts" data-testid="inspector-block-ports">
        {block.inputs.map((p) => <div key={`in-${p.name}`}><dt>in {p.name}</dt><dd>{copyOf(p.node)}.{p.port} {shapeAt('inputs', p.node, p.port)}</dd></div>)}
        {block.outputs.map((p) => <div key={`out-${p.name}`}><dt>out {p.name}</dt><dd>{copyOf(p.node)}.{p.port} {shapeAt('outputs', p.node, p.port)}</dd></div>)}
      </dl>
      <div className="nl-inspector__actions">
        <button type="button" className="nl-button" data-testid="inspector-block-collapse" onClick={() => apply([{ type: 'setCollapsed', group: group.id, collapsed: !group.collapsed }])}>
          {group.collapsed ? 'Expand' : 'Collapse'}
        </button>
        <button type="button" className="nl-button" data-testid="inspector-block-unpack" onClick={() => apply([{ type: 'removeGroup', group: group.id }], { label: 'Unpack block' })}>
          Unpack
        </button>
        <button
          type="button" className="nl-button nl-button--danger" data-testid="inspector-block-delete"
          onClick={() => apply([{ type: 'removeGroup', group: group.id }, ...group.nodes.map((node) => ({ type: 'removeNode' as const, node }))], { label: 'Delete block' })}
        >Delete</button>
      </div>
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
  // A selection that is exactly one block instance's nodes is that block (what selecting a collapsed block gives).
  const blockGroup = useEditor((s) => s.doc.groups?.find((g) => g.block !== undefined && g.nodes.length === selection.nodes.length && g.nodes.length > 1
    && g.nodes.every((id) => selection.nodes.includes(id)))?.id);
  const only = selection.nodes.length === 1 && selection.edges.length === 0 ? selection.nodes[0] : undefined;
  const edge = selection.nodes.length === 0 && selection.edges.length === 1 ? selection.edges[0] : undefined;
  const count = selection.nodes.length + selection.edges.length;
  return (
    <section className="nl-panel nl-inspector" aria-label="Inspector" data-testid="inspector">
      <h2 className="nl-panel__title">Inspector</h2>
      {/* Keyed by id so a field's draft text never leaks from one node to another. */}
      {blockGroup !== undefined ? <BlockInspector key={blockGroup} group={blockGroup} />
        : only !== undefined ? <NodeInspector key={only} id={only} />
        : edge !== undefined ? <EdgeInspector key={edge} id={edge} />
        : <p className="nl-muted">{count > 1 ? `${count} items selected. Ctrl/⌘+G groups them as a block.` : 'Select a node to edit its parameters.'}</p>}
    </section>
  );
}
