/**
 * Autosave over a real IndexedDB implementation (fake-indexeddb, in memory): throttled writes, exact restore,
 * revisions, and two tabs (two editors on one database, talking over a real BroadcastChannel).
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeGraph } from '../../engine/graph/serialize.ts';
import { CATALOG } from '../../nodes/index.ts';
import { Autosave, type AutosaveOptions } from '../../app/persistence/autosave.ts';
import { GraphStorage } from '../../app/persistence/graph-storage.ts';
import { openInitial } from '../../app/persistence/open-initial.ts';
import { createEditorStore } from '../../app/state/editor-store.ts';

const open: (Autosave | BroadcastChannel)[] = [];
afterEach(() => {
  for (const x of open.splice(0)) (x instanceof Autosave ? x.dispose() : x.close());
});

async function tab(storage: GraphStorage, options: Partial<AutosaveOptions> = {}) {
  const initial = await openInitial(storage);
  const editor = createEditorStore(initial.doc, CATALOG);
  // One channel name per test, so tests do not hear each other.
  const channel = new BroadcastChannel(`autosave-test-${channelName}`);
  const autosave = new Autosave(editor, storage, {
    tab: crypto.randomUUID(), revision: initial.revision, delayMs: 20, channel,
    ...(initial.unreadable !== undefined && { unreadable: initial.unreadable }), ...options,
  });
  open.push(autosave, channel);
  return { editor, autosave, initial };
}

let channelName = 0;
const until = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};
const setOut = (n: number) => ({ type: 'setParam' as const, node: 'fc1', param: 'out_features', value: n });

describe('autosave', () => {
  it('writes a burst of edits once, within the delay, and the reload restores the document exactly', async () => {
    channelName++;
    const storage = new GraphStorage(new IDBFactory());
    const { editor, autosave, initial } = await tab(storage);
    expect(initial.restored).toBe(false);
    for (const n of [3, 4, 5]) editor.getState().apply([setOut(n)]);
    expect(autosave.state.getState().status).toBe('pending');
    await until(() => autosave.state.getState().status === 'saved');
    const stored = await storage.read();
    expect(stored?.revision).toBe(1);
    expect(stored?.text).toBe(serializeGraph(editor.getState().doc));

    const again = await openInitial(storage);
    expect(again.restored).toBe(true);
    expect(serializeGraph(again.doc)).toBe(serializeGraph(editor.getState().doc));
    expect(again.doc).toEqual(editor.getState().doc);
  });

  it('flush writes at once, and edits made during a write are written after it', async () => {
    channelName++;
    const storage = new GraphStorage(new IDBFactory());
    const { editor, autosave } = await tab(storage, { delayMs: 10_000 });
    editor.getState().apply([setOut(3)]);
    const writing = autosave.flush();
    editor.getState().apply([setOut(4)]);
    await writing;
    await autosave.flush();
    expect((await storage.read())?.text).toBe(serializeGraph(editor.getState().doc));
    expect(autosave.dirty).toBe(false);
  });

  it('a clean tab takes another tab’s save; a tab with unsaved edits gets a conflict and the user settles it', async () => {
    channelName++;
    const storage = new GraphStorage(new IDBFactory());
    const a = await tab(storage);
    const b = await tab(storage);
    a.editor.getState().apply([setOut(5)]);
    await until(() => b.editor.getState().analysis.nodes.get('fc1')?.outputs['y']?.shape[1] === 5);
    expect(b.autosave.state.getState().status).toBe('saved');

    // Both edit before hearing of each other: whoever saves second must not overwrite the first.
    a.editor.getState().apply([setOut(6)]);
    b.editor.getState().apply([setOut(7)]);
    await until(() => [a, b].some((t) => t.autosave.state.getState().status === 'conflict'));
    const [loser, winner] = a.autosave.state.getState().status === 'conflict' ? [a, b] : [b, a];
    const kept = serializeGraph(loser.editor.getState().doc);
    await loser.autosave.resolve('mine');
    expect((await storage.read())?.text).toBe(kept);
    await until(() => serializeGraph(winner.editor.getState().doc) === kept);
  });

  it('leaves a stored graph it cannot read untouched until the user chooses to overwrite it', async () => {
    channelName++;
    const storage = new GraphStorage(new IDBFactory());
    await storage.write({ text: '{"format":"netloom.graph","version":99,"nodes":[],"edges":[]}', base: 0, tab: 'newer', now: 0 });
    const { editor, autosave, initial } = await tab(storage);
    expect(initial.unreadable).toContain('written by a newer netloom');
    expect(autosave.state.getState().status).toBe('conflict');
    editor.getState().apply([setOut(3)]);
    await new Promise((r) => setTimeout(r, 60));
    expect((await storage.read())?.tab).toBe('newer');
    await autosave.resolve('mine');
    expect((await storage.read())?.text).toBe(serializeGraph(editor.getState().doc));
  });

  it('refuses a write based on an old revision', async () => {
    const storage = new GraphStorage(new IDBFactory());
    expect(await storage.write({ text: 'a', base: 0, tab: 't', now: 1 })).toEqual({ ok: true, revision: 1 });
    expect(await storage.write({ text: 'b', base: 0, tab: 't', now: 2 })).toMatchObject({ ok: false, reason: 'conflict', stored: { text: 'a', revision: 1 } });
    expect(await storage.write({ text: 'b', base: 0, tab: 't', now: 2, force: true })).toEqual({ ok: true, revision: 2 });
  });
});
