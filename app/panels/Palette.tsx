/**
 * The catalog by category, with fuzzy search (`cv2` finds Conv2d), and the graph's own blocks: click (or Enter)
 * adds a node in view; dragging an item onto the canvas drops it there.
 */
import { useMemo, useState, type DragEvent } from 'react';
import { CATEGORIES, type NodeKind } from '../../engine/compile/node-kind.ts';
import { BLOCK_MIME, KIND_MIME } from '../canvas/GraphCanvas.tsx';
import { useAddNode } from '../canvas/use-add-node.ts';
import { usePlaceBlock } from '../canvas/use-place-block.ts';
import { bestScore } from '../search/fuzzy.ts';
import { searchKinds } from '../search/kind-search.ts';
import { useEditor, useEditorApi } from '../state/editor-context.tsx';

const CATEGORY_LABELS: Record<(typeof CATEGORIES)[number], string> = {
  data: 'Data', layers: 'Layers', activations: 'Activations', structure: 'Structure', losses: 'Losses', optimizers: 'Optimizers',
};

export function Palette() {
  const api = useEditorApi();
  const catalog = useEditor((s) => s.catalog);
  const blocks = useEditor((s) => s.doc.blocks);
  const addNode = useAddNode();
  const placeBlock = usePlaceBlock();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const ranked = searchKinds(catalog, query).map((m) => m.kind);
    return CATEGORIES.map((category) => ({ category, kinds: ranked.filter((k) => k.category === category) })).filter((g) => g.kinds.length > 0);
  }, [catalog, query]);
  const matchingBlocks = (blocks ?? []).filter((b) => query.trim() === '' || bestScore(query, [[b.label, 1], [b.id, 0.9]]) !== undefined);

  const onDragStart = (event: DragEvent, mime: string, id: string) => {
    event.dataTransfer.setData(mime, id);
    event.dataTransfer.effectAllowed = 'copy';
  };
  const first = groups[0]?.kinds[0];

  return (
    <nav className="nl-panel nl-palette" aria-label="Node palette" data-testid="palette">
      <h2 className="nl-panel__title">Add node</h2>
      <input
        type="search" className="nl-palette__search" placeholder="Search… (e.g. cv2)" aria-label="Search node kinds"
        data-testid="palette-search" value={query} onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Enter' && first) addNode(first.id); }}
      />
      {groups.length === 0 && matchingBlocks.length === 0 && <p className="nl-muted">No kind matches “{query}”.</p>}
      {matchingBlocks.length > 0 && (
        <section className="nl-palette__group" data-testid="palette-category-blocks">
          <h3>Blocks in this graph</h3>
          <ul>
            {matchingBlocks.map((b) => (
              <li key={b.id} className="nl-palette__row">
                <button
                  type="button" className="nl-palette__item nl-palette__item--block" data-testid={`palette-block-${b.id}`} draggable
                  onDragStart={(e) => onDragStart(e, BLOCK_MIME, b.id)} onClick={() => placeBlock(b.id)}
                  title={`${b.nodes.length} nodes; place another copy that shares its params`}
                >{b.label}</button>
                <button
                  type="button" className="nl-palette__remove" aria-label={`Remove block ${b.label} (its copies stay, unpacked)`}
                  title="Remove the block definition (its copies stay, as plain nodes)"
                  onClick={() => api.getState().apply([{ type: 'removeBlock', block: b.id }])}
                >×</button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {groups.map(({ category, kinds }) => (
        <section key={category} className="nl-palette__group" data-testid={`palette-category-${category}`}>
          <h3>{CATEGORY_LABELS[category]}</h3>
          <ul>
            {kinds.map((kind: NodeKind) => (
              <li key={kind.id}>
                <button
                  type="button" className="nl-palette__item" data-testid={`palette-${kind.id}`} draggable
                  onDragStart={(e) => onDragStart(e, KIND_MIME, kind.id)} onClick={() => addNode(kind.id)} title={kind.docs.summary}
                >{kind.label}</button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
