/** Every node kind of the catalog has its PyTorch export entry, in the role its category implies. */
import { describe, expect, it } from 'vitest';
import { PYTORCH_KINDS } from '../../engine/export/pytorch/kinds/index.ts';
import { NODE_KINDS } from '../../nodes/index.ts';

describe('PyTorch export registry', () => {
  it.each(NODE_KINDS.map((k) => [k.id, k] as const))('%s has an entry', (_, kind) => {
    const entry = PYTORCH_KINDS[kind.id];
    expect(entry, `add ${kind.id} to engine/export/pytorch/kinds/`).toBeDefined();
    const role = kind.category === 'optimizers' ? 'optimizer' : kind.id === 'output' ? 'output' : kind.dataSource || kind.id === 'input' ? 'source' : 'compute';
    expect(entry!.role).toBe(role);
  });

  it('has no entry for a kind the catalog does not list', () => {
    const ids = new Set(NODE_KINDS.map((k) => k.id));
    expect(Object.keys(PYTORCH_KINDS).filter((id) => !ids.has(id))).toEqual([]);
  });
});
