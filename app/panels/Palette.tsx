/**
 * The catalog by category, with a filter box: click (or Enter) adds a node in view; dragging onto the canvas drops
 * it there.
 */
import { useMemo, useState, type DragEvent } from 'react';
import { CATEGORIES, type NodeKind } from '../../engine/compile/node-kind.ts';
import { KIND_MIME } from '../canvas/GraphCanvas.tsx';
import { useAddNode } from '../canvas/use-add-node.ts';
import { useEditor } from '../state/editor-context.tsx';

const CATEGORY_LABELS: Record<(typeof CATEGORIES)[number], string> = {
  data: 'Data', layers: 'Layers', activations: 'Activations', structure: 'Structure', losses: 'Losses', optimizers: 'Optimizers',
};

export function Palette() {
  const catalog = useEditor((s) => s.catalog);
  const addNode = useAddNode();
  const [query, setQuery] = useState('');
  // The catalog's order is palette order within each category.
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matches = (k: NodeKind) => !q || k.label.toLowerCase().includes(q) || k.id.includes(q) || k.docs.pytorch.toLowerCase().includes(q);
    return CATEGORIES.map((category) => ({
      category, kinds: [...catalog.values()].filter((k) => k.category === category && matches(k)),
    })).filter((g) => g.kinds.length > 0);
  }, [catalog, query]);

  const onDragStart = (event: DragEvent, kind: NodeKind) => {
    event.dataTransfer.setData(KIND_MIME, kind.id);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <nav className="nl-panel nl-palette" aria-label="Node palette" data-testid="palette">
      <h2 className="nl-panel__title">Add node</h2>
      <input
        type="search" className="nl-palette__search" placeholder="Filter…" aria-label="Filter node kinds"
        data-testid="palette-search" value={query} onChange={(e) => setQuery(e.target.value)}
      />
      {groups.length === 0 && <p className="nl-muted">No kind matches “{query}”.</p>}
      {groups.map(({ category, kinds }) => (
        <section key={category} className="nl-palette__group" data-testid={`palette-category-${category}`}>
          <h3>{CATEGORY_LABELS[category]}</h3>
          <ul>
            {kinds.map((kind) => (
              <li key={kind.id}>
                <button
                  type="button"
                  className="nl-palette__item"
                  data-testid={`palette-${kind.id}`}
                  draggable
                  onDragStart={(e) => onDragStart(e, kind)}
                  onClick={() => addNode(kind.id)}
                  title={kind.docs.summary}
                >
                  {kind.label}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
