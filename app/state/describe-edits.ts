/** A short name for a step, from its edits: the Undo/Redo buttons say what they will undo ("Undo Set kernel_size"). */
import type { Edit } from '../../engine/graph/edit-types.ts';

const NAMES: { readonly [T in Edit['type']]: (edit: Extract<Edit, { type: T }>) => string } = {
  addNode: (e) => `Add ${e.node.id}`,
  removeNode: () => 'Delete',
  connect: (e) => `Connect ${e.from.node} → ${e.to.node}`,
  disconnect: () => 'Disconnect',
  setParam: (e) => `Set ${e.param}`,
  resetParam: (e) => `Reset ${e.param}`,
  moveNode: () => 'Move',
  renameNode: (e) => `Rename to ${e.newId}`,
  setLabel: () => 'Set label',
  setNotes: () => 'Edit notes',
  setGroup: () => 'Edit group',
  removeGroup: () => 'Ungroup',
  createBlock: (e) => `Group as ${e.label}`,
  placeBlock: (e) => `Place ${e.block}`,
  removeBlock: () => 'Remove block',
  setBlockLabel: () => 'Rename block',
  setCollapsed: (e) => (e.collapsed ? 'Collapse' : 'Expand'),
  setTraining: () => 'Change run settings',
};

export function describeEdits(edits: readonly Edit[]): string {
  const first = edits[0];
  if (!first) return 'Nothing';
  const name = (NAMES[first.type] as (e: Edit) => string)(first);
  // A batch of one kind of edit reads as that edit; a mixed batch is named by what it starts with.
  return edits.length > 1 && edits.every((e) => e.type === first.type) && (first.type === 'moveNode' || first.type === 'removeNode')
    ? `${name} ${edits.length} items`
    : name;
}
