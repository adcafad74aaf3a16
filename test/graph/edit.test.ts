/** The pure edit functions: results, object identity of what an edit does not touch, and refusals. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addNode, applyEdit, applyEdits, connect, disconnect, moveNode, removeGroup, removeNode, renameNode, resetParam, setGroup,
  setLabel, setParam, uniqueNodeId,
} from '../../engine/graph/edit.ts';
import type { Edit } from '../../engine/graph/edit-types.ts';
import { GraphEditError } from '../../engine/graph/errors.ts';
import { parseGraph } from '../../engine/graph/parse.ts';
import { serializeGraph } from '../../engine/graph/serialize.ts';
import { LIMITS, type GraphDocument, type GraphNode } from '../../engine/graph/types.ts';

/** Frozen all the way down, so that any mutation of an input throws (modules run in strict mode). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const n = (id: string, kind: string, params: GraphNode['params'] = {}): GraphNode => ({ id, kind, params, position: { x: 0, y: 0 } });

/** x → c → r, plus x → s, with c and r in group "body". */
const base = (): GraphDocument => deepFreeze({
  format: 'netloom.graph',
  version: 2,
  nodes: [n('x', 'input', { shape: ['N', 3, 8, 8] }), n('c', 'conv2d', { kernel_size: 3 }), n('r', 'relu'), n('s', 'sigmoid')],
  edges: [
    { id: 'e1', from: { node: 'x', port: 'y' }, to: { node: 'c', port: 'x' } },
    { id: 'e2', from: { node: 'c', port: 'y' }, to: { node: 'r', port: 'x' } },
    { id: 'e3', from: { node: 'x', port: 'y' }, to: { node: 's', port: 'x' } },
  ],
  groups: [{ id: 'body', nodes: ['c', 'r'] }, { id: 'other', nodes: ['s'] }],
});

function refused(edit: () => unknown, message: string): void {
  expect(edit).toThrow(GraphEditError);
  expect(edit).toThrow(message);
}

const long = 'n'.repeat(LIMITS.maxNameLength + 1);

describe('addNode', () => {
  it('appends the node and keeps every other object', () => {
    const g = base();
    const next = addNode(g, n('fc', 'linear'));
    expect(next.nodes.map((x) => x.id)).toEqual(['x', 'c', 'r', 's', 'fc']);
    next.nodes.slice(0, 4).forEach((x, i) => expect(x).toBe(g.nodes[i]));
    expect(next.edges).toBe(g.edges);
    expect(next.groups).toBe(g.groups);
  });

  it('stores a copy without undefined optional fields', () => {
    const node = { ...n('fc', 'linear'), label: undefined };
    const added = addNode(base(), node).nodes[4]!;
    expect(added).not.toBe(node);
    expect('label' in added).toBe(false);
  });

  it('refuses a duplicate id, a long id, an invalid param and a full graph', () => {
    refused(() => addNode(base(), n('c', 'relu')), 'a node "c" already exists');
    refused(() => addNode(base(), n(long, 'relu')), 'new node id: must be at most 128 characters');
    refused(() => addNode(base(), n('k', 'relu', { p: Number.NaN })), 'new node params.p: must be a finite number');
    const full: GraphDocument = { ...base(), nodes: Array.from({ length: LIMITS.maxNodes }, (_, i) => n(`n${i}`, 'relu')), edges: [], groups: [] };
    refused(() => addNode(full, n('one_more', 'relu')), 'a graph holds at most 5000 nodes');
  });
});

describe('removeNode', () => {
  it('drops the node, its edges and its group memberships, keeping everything else', () => {
    const g = base();
    const next = removeNode(g, 'c');
    expect(next.nodes.map((x) => x.id)).toEqual(['x', 'r', 's']);
    expect(next.edges.map((e) => e.id)).toEqual(['e3']);
    expect(next.edges[0]).toBe(g.edges[2]);
    expect(next.groups).toEqual([{ id: 'body', nodes: ['r'] }, { id: 'other', nodes: ['s'] }]);
    expect(next.groups![1]).toBe(g.groups![1]);
    [0, 2, 3].forEach((i) => expect(next.nodes).toContain(g.nodes[i]));
  });

  it('keeps the edge and group arrays when nothing in them changes', () => {
    const g = addNode(base(), n('lonely', 'relu'));
    const next = removeNode(g, 'lonely');
    expect(next.edges).toBe(g.edges);
    expect(next.groups).toBe(g.groups);
  });

  it('refuses an unknown node', () => refused(() => removeNode(base(), 'zz'), 'no node "zz" in the graph'));
});

describe('connect', () => {
  it('adds an edge with the next free id e<k>', () => {
    const g = base();
    const next = connect(g, { node: 'r', port: 'y' }, { node: 's', port: 'other' });
    expect(next.edges.at(-1)).toEqual({ id: 'e4', from: { node: 'r', port: 'y' }, to: { node: 's', port: 'other' } });
    expect(next.nodes).toBe(g.nodes);
    next.edges.slice(0, 3).forEach((e, i) => expect(e).toBe(g.edges[i]));
  });

  it('skips ids that are taken', () => {
    const g = disconnect(base(), 'e1'); // e2, e3 left: e3 is taken, so e4
    expect(connect(g, { node: 'x', port: 'y' }, { node: 'c', port: 'x' }).edges.at(-1)!.id).toBe('e4');
  });

  it('replaces the edge already feeding the input port, in its place', () => {
    const g = base();
    const next = connect(g, { node: 'x', port: 'y' }, { node: 'r', port: 'x' });
    expect(next.edges.map((e) => `${e.id}:${e.from.node}->${e.to.node}`)).toEqual(['e1:x->c', 'e4:x->r', 'e3:x->s']);
    expect(next.edges[0]).toBe(g.edges[0]);
    expect(next.edges[2]).toBe(g.edges[2]);
  });

  it('uses a given id, which may be the replaced edge id but no other', () => {
    expect(connect(base(), { node: 'x', port: 'y' }, { node: 'r', port: 'x' }, 'e2').edges[1]).toEqual({ id: 'e2', from: { node: 'x', port: 'y' }, to: { node: 'r', port: 'x' } });
    expect(connect(base(), { node: 'r', port: 'y' }, { node: 's', port: 'z' }, 'skip').edges[3]!.id).toBe('skip');
    refused(() => connect(base(), { node: 'x', port: 'y' }, { node: 'r', port: 'x' }, 'e1'), 'an edge "e1" already exists');
  });

  it('returns the document itself when the connection exists already', () => {
    const g = base();
    expect(connect(g, { node: 'c', port: 'y' }, { node: 'r', port: 'x' })).toBe(g);
  });

  it('refuses self-loops, unknown nodes and bad names', () => {
    refused(() => connect(base(), { node: 'c', port: 'y' }, { node: 'c', port: 'x' }), 'cannot connect node "c" to itself');
    refused(() => connect(base(), { node: 'ghost', port: 'y' }, { node: 'c', port: 'x' }), 'no node "ghost" in the graph');
    refused(() => connect(base(), { node: 'x', port: 'y' }, { node: 'c', port: long }), 'connect to port: must be at most 128 characters');
    refused(() => connect(base(), { node: 'x', port: '' }, { node: 'c', port: 'x' }), 'connect from port: must not be empty');
  });
});

describe('disconnect', () => {
  it('removes the edge and keeps the others', () => {
    const g = base();
    const next = disconnect(g, 'e2');
    expect(next.edges).toEqual([g.edges[0], g.edges[2]]);
    expect(next.edges[0]).toBe(g.edges[0]);
    expect(next.nodes).toBe(g.nodes);
  });

  it('refuses an unknown edge', () => refused(() => disconnect(base(), 'e9'), 'no edge "e9" in the graph'));
});

describe('setParam and resetParam', () => {
  it('changes one node; every other node and the edges keep their identity', () => {
    const g = base();
    const next = setParam(g, 'c', 'padding', 1);
    expect(next.nodes[1]!.params).toEqual({ kernel_size: 3, padding: 1 });
    expect(g.nodes[1]!.params).toEqual({ kernel_size: 3 });
    [0, 2, 3].forEach((i) => expect(next.nodes[i]).toBe(g.nodes[i]));
    expect(next.edges).toBe(g.edges);
    expect(next.groups).toBe(g.groups);
  });

  it('returns the document itself when the value is already set', () => {
    const g = base();
    expect(setParam(g, 'c', 'kernel_size', 3)).toBe(g);
    expect(setParam(g, 'x', 'shape', ['N', 3, 8, 8])).toBe(g);
    expect(setParam(g, 'x', 'shape', ['N', 3, 8, 9])).not.toBe(g);
  });

  it('stores a copy of a list value', () => {
    const list = [3, 5];
    const next = setParam(base(), 'c', 'kernel_size', list);
    list[0] = 7;
    expect(next.nodes[1]!.params['kernel_size']).toEqual([3, 5]);
  });

  it('refuses values a file could not hold, reserved names and unknown nodes', () => {
    refused(() => setParam(base(), 'c', 'padding', Number.POSITIVE_INFINITY), 'param "padding": must be a finite number');
    refused(() => setParam(base(), 'c', 'sizes', [[1]] as never), 'param "sizes"[0]: list items must be finite numbers or strings');
    refused(() => setParam(base(), 'c', '__proto__', 1), 'param name: is a reserved name');
    refused(() => setParam(base(), 'c', '', 1), 'param name: must not be empty');
    refused(() => setParam(base(), 'zz', 'padding', 1), 'no node "zz" in the graph');
    expect(({} as Record<string, unknown>)['padding']).toBeUndefined();
  });

  it('resetParam removes a param, and is a no-op for one that is not set', () => {
    const g = base();
    expect(resetParam(g, 'c', 'kernel_size').nodes[1]!.params).toEqual({});
    expect(resetParam(g, 'c', 'padding')).toBe(g);
    expect(resetParam(g, 'c', 'toString')).toBe(g);
    refused(() => resetParam(g, 'zz', 'padding'), 'no node "zz" in the graph');
  });
});

describe('moveNode, setLabel', () => {
  it('moveNode changes the position of one node', () => {
    const g = base();
    const next = moveNode(g, 'r', { x: 10, y: -20.5 });
    expect(next.nodes[2]!.position).toEqual({ x: 10, y: -20.5 });
    expect(next.nodes[1]).toBe(g.nodes[1]);
    expect(moveNode(g, 'r', { x: 0, y: 0 })).toBe(g);
    refused(() => moveNode(g, 'r', { x: Number.NaN, y: 0 }), 'position x:');
  });

  it('setLabel sets a label and removes it for undefined or an empty string', () => {
    const labelled = setLabel(base(), 'c', 'Feature extractor');
    expect(labelled.nodes[1]!.label).toBe('Feature extractor');
    expect(setLabel(labelled, 'c', 'Feature extractor')).toBe(labelled);
    for (const cleared of [undefined, '']) expect('label' in setLabel(labelled, 'c', cleared).nodes[1]!).toBe(false);
    const g = base();
    expect(setLabel(g, 'c', undefined)).toBe(g);
    refused(() => setLabel(g, 'c', long), 'label: must be at most 128 characters');
  });
});

describe('renameNode', () => {
  it('renames the node; the edges and groups naming it follow, the rest keep their identity', () => {
    const g = base();
    const next = renameNode(g, 'c', 'conv1');
    expect(next.nodes[1]).toEqual({ ...g.nodes[1], id: 'conv1' });
    expect(next.edges.map((e) => `${e.from.node}->${e.to.node}`)).toEqual(['x->conv1', 'conv1->r', 'x->s']);
    expect(next.edges[2]).toBe(g.edges[2]);
    expect(next.edges[0]!.from).toBe(g.edges[0]!.from);
    expect(next.groups).toEqual([{ id: 'body', nodes: ['conv1', 'r'] }, { id: 'other', nodes: ['s'] }]);
    expect(next.groups![1]).toBe(g.groups![1]);
    [0, 2, 3].forEach((i) => expect(next.nodes[i]).toBe(g.nodes[i]));
  });

  it('returns the document itself for the same id', () => {
    const g = base();
    expect(renameNode(g, 'c', 'c')).toBe(g);
  });

  it('refuses a taken id, an unknown node and a long id', () => {
    refused(() => renameNode(base(), 'c', 'r'), 'cannot rename "c": a node "r" already exists');
    refused(() => renameNode(base(), 'zz', 'q'), 'no node "zz" in the graph');
    refused(() => renameNode(base(), 'c', long), 'new node id: must be at most 128 characters');
  });
});

describe('setGroup and removeGroup', () => {
  it('adds a group, or replaces the one with the same id in its place', () => {
    const g = base();
    const added = setGroup(g, { id: 'io', label: 'In and out', nodes: ['x', 's'] });
    expect(added.groups!.map((x) => x.id)).toEqual(['body', 'other', 'io']);
    const replaced = setGroup(g, { id: 'body', nodes: ['c'] });
    expect(replaced.groups).toEqual([{ id: 'body', nodes: ['c'] }, { id: 'other', nodes: ['s'] }]);
    expect(replaced.groups![1]).toBe(g.groups![1]);
    expect(replaced.nodes).toBe(g.nodes);
  });

  it('creates the group list in a document without one', () => {
    const { groups: _, ...plain } = base();
    expect(setGroup(plain, { id: 'all', nodes: [] }).groups).toEqual([{ id: 'all', nodes: [] }]);
  });

  it('refuses unknown members and bad ids', () => {
    refused(() => setGroup(base(), { id: 'g', nodes: ['x', 'ghost'] }), 'group "g" names unknown node "ghost"');
    refused(() => setGroup(base(), { id: '', nodes: [] }), 'group "" id: must not be empty');
  });

  it('removeGroup removes one group, and the list with the last one', () => {
    const g = base();
    const one = removeGroup(g, 'body');
    expect(one.groups).toEqual([{ id: 'other', nodes: ['s'] }]);
    expect('groups' in removeGroup(one, 'other')).toBe(false);
    refused(() => removeGroup(g, 'nope'), 'no group "nope" in the graph');
  });
});

describe('applyEdit and applyEdits', () => {
  it('apply each kind of edit as data', () => {
    const edits: Edit[] = [
      { type: 'addNode', node: n('fc', 'linear') },
      { type: 'connect', from: { node: 'r', port: 'y' }, to: { node: 'fc', port: 'x' } },
      { type: 'setParam', node: 'fc', param: 'out_features', value: 10 },
      { type: 'resetParam', node: 'c', param: 'kernel_size' },
      { type: 'moveNode', node: 'fc', position: { x: 1, y: 2 } },
      { type: 'renameNode', node: 'fc', newId: 'head' },
      { type: 'setLabel', node: 'head', label: 'Head' },
      { type: 'disconnect', edge: 'e3' },
      { type: 'removeNode', node: 's' },
      { type: 'setGroup', group: { id: 'top', nodes: ['head'] } },
      { type: 'removeGroup', group: 'other' },
    ];
    const g = applyEdits(base(), edits);
    expect(g.nodes.at(-1)).toEqual({ id: 'head', kind: 'linear', label: 'Head', params: { out_features: 10 }, position: { x: 1, y: 2 } });
    expect(g.nodes[1]!.params).toEqual({});
    expect(g.edges.map((e) => `${e.id}:${e.from.node}->${e.to.node}`)).toEqual(['e1:x->c', 'e2:c->r', 'e4:r->head']);
    expect(g.groups).toEqual([{ id: 'body', nodes: ['c', 'r'] }, { id: 'top', nodes: ['head'] }]);
  });

  it('is all or nothing: a refused edit throws and the input stays as it was', () => {
    const g = base();
    const before = serializeGraph(g);
    refused(() => applyEdits(g, [{ type: 'removeNode', node: 'r' }, { type: 'disconnect', edge: 'e2' }]), 'no edge "e2"');
    expect(serializeGraph(g)).toBe(before);
  });

  it('refuses an edit of unknown type arriving as data', () => {
    refused(() => applyEdit(base(), { type: 'explode' } as unknown as Edit), 'unknown edit type "explode"');
  });
});

describe('uniqueNodeId', () => {
  it('numbers from 1, with an underscore after a trailing digit', () => {
    const g = base();
    expect(uniqueNodeId(g, 'relu')).toBe('relu1');
    expect(uniqueNodeId(addNode(addNode(g, n('conv2d_1', 'conv2d')), n('conv2d_2', 'conv2d')), 'conv2d')).toBe('conv2d_3');
  });

  it('keeps ids identifier-like and within the name limit', () => {
    const g = base();
    expect(uniqueNodeId(g, 'Leaky ReLU')).toBe('Leaky_ReLU1');
    expect(uniqueNodeId(g, '')).toBe('node1');
    expect(uniqueNodeId(g, 'k'.repeat(500)).length).toBeLessThanOrEqual(LIMITS.maxNameLength);
  });
});

describe('any sequence of edits', () => {
  const ids = ['a', 'b', 'c', 'd'];
  const id = fc.constantFrom(...ids);
  const port = fc.constantFrom('x', 'y');
  const ref = fc.record({ node: id, port });
  // NaN and Infinity are drawn (and must be refused); -0 is not, since JSON writes it as 0 and it would load as 0.
  const value = fc.oneof(fc.integer(), fc.double().filter((x) => !Object.is(x, -0)), fc.constantFrom('same', ''), fc.array(fc.integer(), { maxLength: 3 }));
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    id.map((node): Edit => ({ type: 'addNode', node: n(node, 'k') })),
    id.map((node): Edit => ({ type: 'removeNode', node })),
    fc.record({ from: ref, to: ref }).map(({ from, to }): Edit => ({ type: 'connect', from, to })),
    fc.constantFrom('e1', 'e2', 'e3').map((edge): Edit => ({ type: 'disconnect', edge })),
    fc.tuple(id, fc.constantFrom('k', 'm', 'constructor'), value).map(([node, param, v]): Edit => ({ type: 'setParam', node, param, value: v })),
    fc.tuple(id, fc.constantFrom('k', 'm')).map(([node, param]): Edit => ({ type: 'resetParam', node, param })),
    fc.tuple(id, id).map(([node, newId]): Edit => ({ type: 'renameNode', node, newId })),
    fc.tuple(id, fc.option(fc.constantFrom('L', ''), { nil: undefined })).map(([node, label]): Edit => ({ type: 'setLabel', node, label })),
    fc.tuple(fc.constantFrom('g', 'h'), fc.subarray(ids)).map(([group, nodes]): Edit => ({ type: 'setGroup', group: { id: group, nodes } })),
    fc.constantFrom('g', 'h').map((group): Edit => ({ type: 'removeGroup', group })),
  );

  it('either refuses an edit with GraphEditError or gives a document that saves and loads unchanged', () => {
    fc.assert(fc.property(fc.array(edit, { maxLength: 20 }), (edits) => {
      let g: GraphDocument = deepFreeze({ format: 'netloom.graph', version: 2, nodes: [], edges: [] });
      for (const e of edits) {
        try {
          g = deepFreeze(applyEdit(g, e));
        } catch (error) {
          expect(error).toBeInstanceOf(GraphEditError);
          continue;
        }
        const loaded = parseGraph(serializeGraph(g));
        expect(loaded.ok && loaded.graph).toEqual(g);
      }
    }), { numRuns: 1000 });
  });
});
