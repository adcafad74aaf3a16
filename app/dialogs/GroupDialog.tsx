/**
 * Naming a new block before the selection becomes one (Ctrl/⌘+G): shows the ports it will get, so the block's
 * interface is explicit before it exists.
 */
import { useMemo, useState } from 'react';
import { blockPorts } from '../blocks/block-ports.ts';
import { groupAsBlock } from '../blocks/group-as-block.ts';
import { useEditor, useEditorApi, useUiApi } from '../state/editor-context.tsx';
import type { Dialog } from '../state/ui-store.ts';
import { Modal } from './Modal.tsx';

export function GroupDialog({ dialog }: { dialog: Extract<Dialog, { type: 'group' }> }) {
  const api = useEditorApi();
  const ui = useUiApi();
  const doc = useEditor((s) => s.doc);
  const catalog = useEditor((s) => s.catalog);
  const [label, setLabel] = useState(`Block ${(doc.blocks?.length ?? 0) + 1}`);
  const ports = useMemo(() => blockPorts(doc, catalog, dialog.nodes), [doc, catalog, dialog.nodes]);
  const submit = () => {
    const result = groupAsBlock(doc, catalog, dialog.nodes, label);
    ui.getState().close();
    if (!result.ok) api.getState().notify(result.reason);
    else api.getState().apply([result.edit]);
  };
  return (
    <Modal title="Group as a block" testId="group-dialog">
      <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <label className="nl-field__row">
          <span className="nl-field__label">name</span>
          <input type="text" autoFocus data-testid="group-name" value={label} onChange={(e) => setLabel(e.target.value)} />
          <span />
        </label>
        <p>{dialog.nodes.length} nodes become one block with</p>
        <ul data-testid="group-ports">
          <li>inputs: {ports.inputs.map((p) => `${p.name} (${p.node}.${p.port})`).join(', ') || 'none'}</li>
          <li>outputs: {ports.outputs.map((p) => `${p.name} (${p.node}.${p.port})`).join(', ') || 'none'}</li>
        </ul>
        <button type="submit" className="nl-button nl-button--primary" data-testid="group-submit">Group</button>
      </form>
    </Modal>
  );
}
