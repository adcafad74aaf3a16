/** Fuzzy search, the link filter of the quick-add list, and the link check with its reasons. */
import { describe, expect, it } from 'vitest';
import { groupAsBlock } from '../../app/blocks/group-as-block.ts';
import { checkLink, documentPort } from '../../app/canvas/link-check.ts';
import { portFit, rankPattern } from '../../app/canvas/port-fit.ts';
import { fuzzyScore } from '../../app/search/fuzzy.ts';
import { searchKinds } from '../../app/search/kind-search.ts';
import { CATALOG } from '../../nodes/index.ts';
import { testEditor } from './test-editor.ts';

const ids = (query: string, link?: Parameters<typeof searchKinds>[2]) => searchKinds(CATALOG, query, link).map((m) => m.kind.id);

describe('fuzzy search', () => {
  it('matches characters in order and ranks word starts and runs first', () => {
    expect(fuzzyScore('cv2', 'Conv2d')).toBeDefined();
    expect(fuzzyScore('xyz', 'Conv2d')).toBeUndefined();
    expect(ids('cv2')[0]).toBe('conv2d');
    expect(ids('relu').slice(0, 2)).toEqual(['relu', 'leaky_relu']);
    expect(ids('bnorm')).toContain('batch_norm2d');
    expect(ids('cel')).toContain('cross_entropy');
    // No query: the whole catalog, in palette order.
    expect(ids('')).toEqual([...CATALOG.keys()].filter((id) => ids('').includes(id)));
    expect(ids('')).toHaveLength(CATALOG.size);
  });

  it('after a dropped link offers only kinds with a port that fits, and names the port', () => {
    const flat = { side: 'output' as const, node: 'fc1', port: 'y', info: { shape: ['N', 10], dtype: 'f32' as const } };
    expect(ids('', flat)).not.toContain('conv2d');
    expect(ids('', flat)).not.toContain('max_pool2d');
    expect(ids('', flat)).toContain('relu');
    expect(searchKinds(CATALOG, 'cross', flat)[0]).toMatchObject({ kind: { id: 'cross_entropy' }, port: 'input' });
    // Into a conv input ([N,C,H,W] needed) only kinds whose output can be 4-d: not GlobalAvgPool (2-d), not a loss.
    const intoConv = { side: 'input' as const, node: 'conv1', port: 'x', spec: { name: 'x', rank: 4 } };
    expect(ids('', intoConv)).toContain('conv2d');
    expect(ids('', intoConv)).not.toContain('global_avg_pool');
    expect(ids('', intoConv)).not.toContain('mse');
  });
});

describe('link check', () => {
  it('explains a rank or dtype mismatch with the shapes', () => {
    expect(rankPattern(4)).toBe('[N,C,H,W]');
    expect(portFit({ shape: ['N', 784], dtype: 'f32' }, { name: 'x', rank: 4 }, 'conv1.x'))
      .toEqual({ ok: false, reason: '[N,784] cannot feed conv1.x, which needs [N,C,H,W] (4 dims, not 2)' });
    expect(portFit({ shape: ['N'], dtype: 'f32' }, { name: 'x', dtype: 'i32' }, 'emb.x'))
      .toEqual({ ok: false, reason: '[N] holds floats (f32) but emb.x needs integers (i32)' });
    expect(portFit(undefined, { name: 'x', rank: 4 }, 'a.x')).toEqual({ ok: true });
  });

  it('checks real links in a graph, refusing self-links', () => {
    const e = testEditor();
    const { doc, analysis, catalog } = e.store.getState();
    expect(checkLink(doc, analysis, catalog, { node: 'fc1', port: 'y' }, { node: 'pool1', port: 'x' }).ok).toBe(false);
    expect(checkLink(doc, analysis, catalog, { node: 'relu1', port: 'y' }, { node: 'pool1', port: 'x' }).ok).toBe(true);
    expect(checkLink(doc, analysis, catalog, { node: 'fc1', port: 'y' }, { node: 'fc1', port: 'x' })).toEqual({ ok: false, reason: 'a node cannot feed itself' });
  });

  it('maps a collapsed block port to the inner port it stands for', () => {
    const e = testEditor();
    const grouped = groupAsBlock(e.doc(), CATALOG, ['conv1', 'relu1', 'pool1'], 'Stem');
    if (!grouped.ok) throw new Error(grouped.reason);
    e.store.getState().apply([grouped.edit]);
    expect(documentPort(e.doc(), 'block:stem_1', 'x', 'inputs')).toEqual({ node: 'conv1', port: 'x' });
    expect(documentPort(e.doc(), 'block:stem_1', 'y', 'outputs')).toEqual({ node: 'pool1', port: 'y' });
    expect(documentPort(e.doc(), 'block:stem_1', 'nope', 'outputs')).toBeUndefined();
    expect(documentPort(e.doc(), 'fc1', 'y', 'outputs')).toEqual({ node: 'fc1', port: 'y' });
  });
});
