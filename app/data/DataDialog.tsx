/**
 * The data picker (toolbar "Data", or "Choose data…" in a data node's inspector): the built-in datasets, or the
 * user's own data, and what of it this browser keeps (to remove). Choosing points the target data node at it — the
 * node it was opened for, else the selected data node, else a new one — as one undoable edit.
 */
import { useState } from 'react';
import { findDataset } from '../../engine/data/registry.ts';
import { dataset as datasetKind } from '../../nodes/data/dataset.ts';
import { localData } from '../../nodes/data/local-data.ts';
import { Modal } from '../dialogs/Modal.tsx';
import { useEditor, useEditorApi, useUiApi } from '../state/editor-context.tsx';
import { BuiltInTab, type BuiltInChoice } from './BuiltInTab.tsx';
import { localDataStore } from './local-data-store.ts';
import { localDataParams, type LocalDataset } from './local-dataset.ts';
import { LocalDataTab } from './LocalDataTab.tsx';
import { sourceNodeEdits } from './source-node-edits.ts';
import { StoredDataTab } from './StoredDataTab.tsx';

type Tab = 'builtin' | 'local' | 'stored';

const TABS: readonly (readonly [Tab, string])[] = [['builtin', 'Built-in'], ['local', 'Your data'], ['stored', 'Stored in this browser']];

export function DataDialog({ node }: { node: string | undefined }) {
  const api = useEditorApi();
  const ui = useUiApi();
  // Decided once, when the dialog opens: the node it was opened for, or the one selected data node.
  const [target] = useState(() => {
    const { doc, selection, catalog } = api.getState();
    const isSource = (id: string) => catalog.get(doc.nodes.find((n) => n.id === id)?.kind ?? '')?.dataSource !== undefined;
    if (node !== undefined) return node;
    return selection.nodes.length === 1 && isSource(selection.nodes[0]!) ? selection.nodes[0] : undefined;
  });
  const targetNode = useEditor((s) => s.doc.nodes.find((n) => n.id === target));
  const [tab, setTab] = useState<Tab>(targetNode?.kind === localData.id ? 'local' : 'builtin');

  const point = (kind: string, params: Parameters<typeof sourceNodeEdits>[3], label: string): string | undefined => {
    const { doc, apply, select } = api.getState();
    const { node: id, edits } = sourceNodeEdits(doc, target, kind, params);
    if (!apply(edits, { label })) return undefined;
    select({ nodes: [id], edges: [] });
    ui.getState().close();
    return id;
  };
  const chooseBuiltIn = ({ dataset, layout }: BuiltInChoice) =>
    point(datasetKind.id, { dataset, ...(layout === 'image' ? { layout } : {}) }, `Use dataset ${findDataset(dataset)?.label ?? dataset}`);
  const chooseLocal = (loaded: LocalDataset) => {
    const id = point(localData.id, localDataParams(loaded), `Use your data ${loaded.name}`);
    if (id === undefined) return;
    // The data works at once; if the browser cannot keep it (quota, private mode), the user hears so after closing.
    void localDataStore().getState().use(id, loaded).then((problem) => {
      if (problem) api.getState().notify(`Your data for ${id} works until this page closes, but is ${problem}`);
    });
  };

  const initialBuiltIn: BuiltInChoice = targetNode?.kind === datasetKind.id
    ? { dataset: String(targetNode.params['dataset'] ?? datasetKind.params.dataset.default), layout: targetNode.params['layout'] === 'image' ? 'image' : 'flat' }
    : { dataset: datasetKind.params.dataset.default, layout: 'flat' };

  return (
    <Modal title={target ? `Data for ${target}` : 'Data'} testId="data-dialog" wide>
      <div className="nl-data-tabs" role="tablist">
        {TABS.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} data-testid={`data-tab-${id}`} onClick={() => setTab(id)}>{label}</button>
        ))}
      </div>
      {tab === 'builtin' && <BuiltInTab initial={initialBuiltIn} onUse={chooseBuiltIn} />}
      {tab === 'local' && <LocalDataTab onUse={chooseLocal} />}
      {tab === 'stored' && <StoredDataTab />}
    </Modal>
  );
}
