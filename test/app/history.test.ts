/** The undo history through the real store: steps, coalescing, the cap, and exact restoration (a property). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Edit } from '../../engine/graph/edit-types.ts';
import { COALESCE_MS, EMPTY_HISTORY, HISTORY_LIMIT, record, redo, undo } from '../../app/state/history.ts';
import { testEditor } from './test-editor.ts';

describe('history', () => {
  it('undo and redo walk the steps and a new step clears redo', () => {
    const e = testEditor();
    const start = e.doc();
    e.store.getState().apply([{ type: 'setParam', node: 'fc1', param: 'out_features', value: 7 }]);
    const seven = e.doc();
    e.tick(5000);
    e.store.getState().apply([{ type: 'setParam', node: 'conv1', param: 'out_channels', value: 4 }]);
    expect(e.store.getState().undo()).toBe(true);
    expect(e.doc()).toBe(seven);
    expect(e.store.getState().undo()).toBe(true);
    expect(e.doc()).toBe(start);
    expect(e.store.getState().undo()).toBe(false);
    expect(e.store.getState().redo()).toBe(true);
    expect(e.doc()).toBe(seven);
    e.store.getState().apply([{ type: 'moveNode', node: 'fc1', position: { x: 1, y: 2 } }]);
    expect(e.store.getState().history.future).toEqual([]);
    expect(e.store.getState().redo()).toBe(false);
  });

  it('a burst of edits with one coalesce key is one step; a pause or another key starts a new one', () => {
    const e = testEditor();
    const start = e.doc();
    const set = (value: number, key = 'param:fc1:out_features') =>
      e.store.getState().apply([{ type: 'setParam', node: 'fc1', param: 'out_features', value }], { coalesce: key });
    set(1); e.tick(200); set(12); e.tick(COALESCE_MS - 1); set(123);
    expect(e.store.getState().history.past).toHaveLength(1);
    expect(e.shape('fc1')).toBe('[N,123]');
    e.tick(COALESCE_MS + 1);
    set(5);
    set(6, 'param:fc1:other');
    expect(e.store.getState().history.past).toHaveLength(3);
    e.store.getState().undo(); e.store.getState().undo(); e.store.getState().undo();
    expect(e.doc()).toBe(start);
  });

  it('keeps at most HISTORY_LIMIT steps, dropping the oldest', () => {
    let h = EMPTY_HISTORY;
    const e = testEditor();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) h = record(h, e.doc(), { label: `step ${i}`, at: i * 10_000 });
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]!.label).toBe('step 20');
    expect(undo(EMPTY_HISTORY, e.doc())).toBeUndefined();
    expect(redo(EMPTY_HISTORY, e.doc())).toBeUndefined();
  });

  it('selection changes and refused or empty edits are not history', () => {
    const e = testEditor();
    e.store.getState().select({ nodes: ['fc1'], edges: [] });
    expect(e.store.getState().apply([{ type: 'removeNode', node: 'nope' }])).toBe(false);
    expect(e.store.getState().notice).toContain('Edit refused: no node "nope"');
    e.store.getState().apply([{ type: 'moveNode', node: 'fc1', position: e.doc().nodes.find((n) => n.id === 'fc1')!.position }]);
    expect(e.store.getState().history.past).toEqual([]);
  });

  it('loading a document is one undoable step that clears the selection', () => {
    const e = testEditor();
    const start = e.doc();
    e.store.getState().select({ nodes: ['fc1'], edges: [] });
    e.store.getState().load({ format: 'netloom.graph', version: 2, nodes: [], edges: [] }, 'Open empty');
    expect(e.store.getState().selection).toEqual({ nodes: [], edges: [] });
    expect(e.store.getState().history.past.at(-1)?.label).toBe('Open empty');
    e.store.getState().undo();
    expect(e.doc()).toBe(start);
  });

  it('after N random edits, N undos give back the initial document exactly and N redos the final one', () => {
    const ids = ['data', 'conv1', 'relu1', 'pool1', 'flat', 'fc1', 'loss', 'opt', 'x1'];
    const id = fc.constantFrom(...ids);
    const edit: fc.Arbitrary<Edit> = fc.oneof(
      fc.tuple(id, fc.integer({ min: 1, max: 32 })).map(([node, value]): Edit => ({ type: 'setParam', node, param: 'out_features', value })),
      fc.tuple(id, fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 })).map(([node, x, y]): Edit => ({ type: 'moveNode', node, position: { x, y } })),
      id.map((node): Edit => ({ type: 'removeNode', node })),
      fc.constant<Edit>({ type: 'addNode', node: { id: 'x1', kind: 'relu', params: {}, position: { x: 0, y: 0 } } }),
      fc.tuple(id, id).map(([a, b]): Edit => ({ type: 'connect', from: { node: a, port: 'y' }, to: { node: b, port: 'x' } })),
      fc.tuple(id, fc.string({ maxLength: 12 })).map(([node, label]): Edit => ({ type: 'setLabel', node, label })),
    );
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 50 }), (edits) => {
      const e = testEditor();
      const start = e.doc();
      let steps = 0;
      for (const one of edits) {
        const before = e.doc();
        e.tick(COALESCE_MS + 1);
        e.store.getState().apply([one]);
        if (e.doc() !== before) steps++;
      }
      const end = e.doc();
      expect(e.store.getState().history.past).toHaveLength(steps);
      for (let i = 0; i < steps; i++) expect(e.store.getState().undo()).toBe(true);
      expect(e.doc()).toBe(start);
      for (let i = 0; i < steps; i++) expect(e.store.getState().redo()).toBe(true);
      expect(e.doc()).toBe(end);
    }), { numRuns: 200 });
  });
});
