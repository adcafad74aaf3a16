/**
 * The quick-add search, opened at the pointer (double-click the canvas, `/`, Ctrl/⌘+K) or where a link was dropped
 * in empty space. Typing filters the catalog fuzzily; ↑/↓ choose, Enter adds. After a dropped link only kinds with
 * a fitting port are offered, and the new node comes connected — one undoable step.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { uniqueNodeId } from '../../engine/graph/edit.ts';
import type { Edit } from '../../engine/graph/edit-types.ts';
import { formatShape } from '../../engine/ir/shape.ts';
import { searchKinds, type KindMatch } from '../search/kind-search.ts';
import { useEditor, useEditorApi, useUiApi } from '../state/editor-context.tsx';
import { newEdgeId } from '../state/ids.ts';
import type { Dialog } from '../state/ui-store.ts';

const MAX_SHOWN = 12;

export function QuickAdd({ dialog }: { dialog: Extract<Dialog, { type: 'quick-add' }> }) {
  const api = useEditorApi();
  const ui = useUiApi();
  const catalog = useEditor((s) => s.catalog);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const { link } = dialog;
  const matches = useMemo(() => searchKinds(catalog, query, link).slice(0, MAX_SHOWN), [catalog, query, link]);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => setActive(0), [query]);

  const choose = (match: KindMatch | undefined) => {
    if (!match) return;
    const { doc, apply, select } = api.getState();
    const id = uniqueNodeId(doc, match.kind.id);
    // A node that feeds the dropped input goes to the left of the drop point; anything else to its right.
    const x = Math.round(dialog.flow.x - (link?.side === 'input' ? 220 : 0));
    const edits: Edit[] = [{ type: 'addNode', node: { id, kind: match.kind.id, params: {}, position: { x, y: Math.round(dialog.flow.y - 20) } } }];
    if (link && match.port !== undefined) {
      const [from, to] = link.side === 'output'
        ? [{ node: link.node, port: link.port }, { node: id, port: match.port }]
        : [{ node: id, port: match.port }, { node: link.node, port: link.port }];
      edits.push({ type: 'connect', id: newEdgeId(doc, from.node, to.node), from, to });
    }
    ui.getState().close();
    if (apply(edits, { label: `Add ${match.kind.label}` })) select({ nodes: [id], edges: [] });
  };

  const linkText = link && (link.side === 'output'
    ? `feeds from ${link.node}.${link.port}${link.info ? ` ${formatShape(link.info.shape)}` : ''}`
    : `feeds ${link.node}.${link.port}`);

  return (
    <div className="nl-backdrop nl-backdrop--clear" onMouseDown={(e) => { if (e.target === e.currentTarget) ui.getState().close(); }}>
    <div className="nl-popover nl-quick-add" role="dialog" aria-label="Add a node" data-testid="quick-add"
      style={{ left: Math.min(dialog.screen.x, window.innerWidth - 320), top: Math.min(dialog.screen.y, window.innerHeight - 380) }}>
      {linkText && <div className="nl-quick-add__link" data-testid="quick-add-link">New node {linkText}</div>}
      <input
        ref={input} type="search" className="nl-quick-add__input" placeholder="Search node kinds…" aria-label="Search node kinds"
        data-testid="quick-add-search" value={query} onChange={(e) => setQuery(e.target.value)}
        aria-activedescendant={matches[active] ? `quick-add-${matches[active]!.kind.id}` : undefined}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => Math.min(a + 1, matches.length - 1)); }
          else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
          else if (e.key === 'Enter') { e.preventDefault(); choose(matches[active]); }
          else if (e.key === 'Escape') { e.preventDefault(); ui.getState().close(); }
        }}
      />
      <ul className="nl-quick-add__list" role="listbox">
        {matches.length === 0 && <li className="nl-muted">{link ? 'No kind has a port that fits this link.' : 'No kind matches.'}</li>}
        {matches.map((m, i) => (
          <li key={m.kind.id} id={`quick-add-${m.kind.id}`} role="option" aria-selected={i === active}>
            <button type="button" className={`nl-quick-add__item${i === active ? ' nl-quick-add__item--active' : ''}`}
              data-testid={`quick-add-${m.kind.id}`} onMouseEnter={() => setActive(i)} onClick={() => choose(m)}>
              <span>{m.kind.label}</span>
              <span className="nl-muted">{m.port !== undefined ? `${m.port} · ` : ''}{m.kind.category}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
    </div>
  );
}
