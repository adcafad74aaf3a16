/** Reusable blocks (format version 2): creating, placing, sharing params, the block rules on edits and on load. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBlock, placeBlock, removeBlock, setBlockLabel, setCollapsed } from '../../engine/graph/block-edit.ts';
import { checkBlocks } from '../../engine/graph/check-blocks.ts';
import { applyEdit, connect, disconnect, removeGroup, removeNode, renameNode, resetParam, setGroup, setNotes, setParam } from '../../engine/graph/edit.ts';
import type { Edit } from '../../engine/graph/edit-types.ts';
import { GraphEditError } from '../../engine/graph/errors.ts';
import { parseGraph } from '../../engine/graph/parse.ts';
import { serializeGraph } from '../../engine/graph/serialize.ts';
import type { GraphDocument, GraphNode } from '../../engine/graph/types.ts';

const n = (id: string, kind: string, params: GraphNode['params'] = {}, x = 0, y = 0): GraphNode => ({ id, kind, params, position: { x, y } });
const ref = (node: string, port: string) => ({ node, port });

/** x → conv → relu → out: conv and relu become block "cr" with input conv.x and output relu.y. */
const flat = (): GraphDocument => ({
  format: 'netloom.graph',
  version: 1,
  nodes: [n('x', 'input'), n('conv', 'conv2d', { kernel_size: 3 }, 100, 50), n('relu', 'relu', {}, 300, 80), n('out', 'output')],
  edges: [
    { id: 'e1', from: ref('x', 'y'), to: ref('conv', 'x') },
    { id: 'e2', from: ref('conv', 'y'), to: ref('relu', 'x') },
    { id: 'e3', from: ref('relu', 'y'), to: ref('out', 'x') },
  ],
});

const request = {
  block: 'cr', label: 'ConvReLU', group: 'cr1', nodes: ['conv', 'relu'],
  inputs: [{ name: 'x', node: 'conv', port: 'x' }], outputs: [{ name: 'y', node: 'relu', port: 'y' }],
};

const withBlock = () => createBlock(flat(), request);
const withTwo = () => placeBlock(withBlock(), { block: 'cr', group: 'cr2', nodes: ['conv_b', 'relu_b'], position: { x: 0, y: 400 } });

function refused(edit: () => unknown, message: string): void {
  expect(edit).toThrow(GraphEditError);
  expect(edit).toThrow(message);
}

describe('createBlock', () => {
  it('makes a definition from the nodes and a group that is its first instance, at format version 2', () => {
    const g = withBlock();
    expect(g.version).toBe(2);
    expect(g.blocks).toEqual([{
      id: 'cr', label: 'ConvReLU',
      nodes: [
        { id: 'conv', kind: 'conv2d', params: { kernel_size: 3 }, position: { x: 0, y: 0 } },
        { id: 'relu', kind: 'relu', params: {}, position: { x: 200, y: 30 } },
      ],
      edges: [{ id: 'e2', from: ref('conv', 'y'), to: ref('relu', 'x') }],
      inputs: request.inputs, outputs: request.outputs,
    }]);
    expect(g.groups).toEqual([{ id: 'cr1', label: 'ConvReLU', nodes: ['conv', 'relu'], block: 'cr' }]);
    expect(g.nodes).toEqual(flat().nodes);
    expect(checkBlocks(g)).toEqual([]);
  });

  it('refuses an edge crossing the boundary outside the ports, a taken id, nesting and unknown nodes', () => {
    refused(() => createBlock(flat(), { ...request, inputs: [] }), 'edge "e1" enters block instance "cr1" at conv.x, which is not one of the block\'s input ports');
    refused(() => createBlock(flat(), { ...request, outputs: [] }), 'edge "e3" leaves block instance "cr1" from relu.y');
    refused(() => createBlock(withBlock(), { ...request, group: 'other' }), 'a block "cr" already exists');
    refused(() => createBlock(withBlock(), { ...request, block: 'b2', group: 'g2', nodes: ['relu'] , inputs: [], outputs: [] }), 'already in block instance "cr1"');
    refused(() => createBlock(flat(), { ...request, nodes: ['conv', 'nope'] }), 'no node "nope"');
    refused(() => createBlock(flat(), { ...request, nodes: [] }), 'at least one node');
  });
});

describe('placeBlock', () => {
  it('adds fresh copies of the nodes and edges at a position, tied to the block by a new group', () => {
    const g = withTwo();
    expect(g.nodes.slice(4)).toEqual([
      n('conv_b', 'conv2d', { kernel_size: 3 }, 0, 400),
      n('relu_b', 'relu', {}, 200, 430),
    ]);
    expect(g.edges.at(-1)).toEqual({ id: 'cr2-e2', from: ref('conv_b', 'y'), to: ref('relu_b', 'x') });
    expect(g.groups!.at(-1)).toEqual({ id: 'cr2', label: 'ConvReLU', nodes: ['conv_b', 'relu_b'], block: 'cr' });
    expect(checkBlocks(g)).toEqual([]);
  });

  it('refuses a wrong number of ids, a taken id and an unknown block', () => {
    refused(() => placeBlock(withBlock(), { block: 'cr', group: 'g', nodes: ['a'], position: { x: 0, y: 0 } }), 'needs 2 ids, not 1');
    refused(() => placeBlock(withBlock(), { block: 'cr', group: 'g', nodes: ['a', 'x'], position: { x: 0, y: 0 } }), 'a node "x" already exists');
    refused(() => placeBlock(withBlock(), { block: 'zz', group: 'g', nodes: ['a', 'b'], position: { x: 0, y: 0 } }), 'no block "zz"');
  });
});

describe('copies share the definition', () => {
  it('a param set on one copy changes the definition and every copy, and nothing else', () => {
    const g = withTwo();
    const next = setParam(g, 'conv_b', 'kernel_size', 5);
    expect(next.nodes.find((x) => x.id === 'conv')!.params).toEqual({ kernel_size: 5 });
    expect(next.nodes.find((x) => x.id === 'conv_b')!.params).toEqual({ kernel_size: 5 });
    expect(next.blocks![0]!.nodes[0]!.params).toEqual({ kernel_size: 5 });
    for (const id of ['x', 'relu', 'out', 'relu_b']) expect(next.nodes.find((x) => x.id === id)).toBe(g.nodes.find((x) => x.id === id));
    expect(resetParam(next, 'conv', 'kernel_size').blocks![0]!.nodes[0]!.params).toEqual({});
    expect(checkBlocks(next)).toEqual([]);
  });

  it('labels, notes, positions and ids stay per copy', () => {
    const g = renameNode(setNotes(withTwo(), 'conv_b', 'second'), 'conv_b', 'conv_two');
    expect(g.groups![1]!.nodes).toEqual(['conv_two', 'relu_b']);
    expect(g.nodes.find((x) => x.id === 'conv')!.notes).toBeUndefined();
    expect(checkBlocks(g)).toEqual([]);
  });
});

describe('the block rules on structural edits', () => {
  it('refuses removing, rewiring or cutting inside an instance, and entering it outside its ports', () => {
    refused(() => removeNode(withTwo(), 'relu_b'), 'node "relu_b" is inside block instance "cr2"');
    refused(() => disconnect(withTwo(), 'cr2-e2'), 'lacks the block\'s edge conv.y → relu.x');
    refused(() => connect(withTwo(), ref('x', 'y'), ref('relu_b', 'x')), 'is not one of the block\'s input ports');
    refused(() => connect(withTwo(), ref('conv_b', 'y'), ref('out', 'x')), 'is not one of the block\'s output ports');
  });

  it('allows wiring instances through their ports, and chaining two instances', () => {
    const g = connect(connect(withTwo(), ref('relu', 'y'), ref('conv_b', 'x')), ref('relu_b', 'y'), ref('out', 'x'));
    expect(checkBlocks(g)).toEqual([]);
  });

  it('deletes a whole instance by unpacking it first, keeping the definition for later', () => {
    let g = removeGroup(withTwo(), 'cr2');
    g = removeNode(removeNode(g, 'conv_b'), 'relu_b');
    expect(g.blocks).toHaveLength(1);
    expect(g.groups!.map((x) => x.id)).toEqual(['cr1']);
    expect(checkBlocks(g)).toEqual([]);
  });

  it('setGroup cannot break an instance', () => {
    refused(() => setGroup(withTwo(), { id: 'cr2', nodes: ['conv_b'], block: 'cr' }), 'holds 1 nodes but block "cr" has 2');
    expect(setGroup(withTwo(), { id: 'cr2', label: 'second', nodes: ['conv_b', 'relu_b'], block: 'cr' }).groups![1]!.label).toBe('second');
  });
});

describe('collapse, rename and remove', () => {
  it('collapses an instance and expands it again; a plain group cannot collapse', () => {
    const g = setCollapsed(withTwo(), 'cr2', true);
    expect(g.groups![1]!.collapsed).toBe(true);
    expect(setCollapsed(g, 'cr2', true)).toBe(g);
    expect('collapsed' in setCollapsed(g, 'cr2', false).groups![1]!).toBe(false);
    const plain = setGroup(withTwo(), { id: 'plain', nodes: ['x'] });
    refused(() => setCollapsed(plain, 'plain', true), 'is not a block');
  });

  it('renames a definition and removes it, unpacking its instances', () => {
    expect(setBlockLabel(withTwo(), 'cr', 'Stem').blocks![0]!.label).toBe('Stem');
    const g = removeBlock(setCollapsed(withTwo(), 'cr1', true), 'cr');
    expect(g.blocks).toBeUndefined();
    expect(g.groups).toEqual([{ id: 'cr1', label: 'ConvReLU', nodes: ['conv', 'relu'] }, { id: 'cr2', label: 'ConvReLU', nodes: ['conv_b', 'relu_b'] }]);
    expect(removeNode(g, 'conv_b').nodes.some((x) => x.id === 'conv_b')).toBe(false);
  });
});

describe('loading documents with blocks', () => {
  it('saves and loads a document with blocks unchanged', () => {
    const g = setCollapsed(withTwo(), 'cr2', true);
    const loaded = parseGraph(serializeGraph(g));
    expect(loaded.ok && loaded.graph).toEqual(g);
  });

  it.each([
    ['a copy whose params differ', (d: any) => { d.nodes[4].params.kernel_size = 7; }, '$.groups[1].nodes[0]', 'its param "kernel_size" differs'],
    ['a copy of another kind', (d: any) => { d.nodes[5].kind = 'sigmoid'; }, '$.groups[1].nodes[1]', 'is a "sigmoid" but block "cr" has a "relu"'],
    ['an instance of an unknown block', (d: any) => { d.groups[1].block = 'zz'; }, '$.groups[1].block', 'unknown block "zz"'],
    ['an instance missing a copy', (d: any) => { d.groups[1].nodes.pop(); }, '$.groups[1].nodes', 'holds 1 nodes but block "cr" has 2'],
    ['overlapping instances', (d: any) => { d.groups[1].nodes[0] = 'conv'; }, '$.groups[1].nodes[0]', 'already a copy in block instance "cr1"'],
    ['an edge into a copy outside the ports', (d: any) => { d.edges.push({ id: 'bad', from: ref('x', 'y'), to: ref('relu_b', 'other') }); }, '$.edges[4].to', 'not one of the block\'s input ports'],
    ['a missing internal edge', (d: any) => { d.edges.splice(3, 1); }, '$.groups[1]', 'lacks the block\'s edge'],
    ['a port naming a stranger', (d: any) => { d.blocks[0].inputs[0].node = 'x'; }, '$.blocks[0].inputs[0].node', 'not a node of block "cr"'],
    ['an input port fed inside the block', (d: any) => { d.blocks[0].inputs.push({ name: 'z', node: 'relu', port: 'x' }); }, '$.blocks[0].inputs[1]', 'already feed'],
    ['a collapsed plain group', (d: any) => { d.groups.push({ id: 'p', nodes: ['x'], collapsed: true }); }, '$.groups[2].collapsed', 'not a block'],
  ])('refuses %s at its JSON path, leaving nothing half loaded', (_what, change, path, message) => {
    const data = JSON.parse(serializeGraph(withTwo()));
    change(data);
    const result = parseGraph(JSON.stringify(data));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toEqual({ path, message: expect.stringContaining(message) });
  });
});

describe('any sequence of edits on a document with blocks', () => {
  const ids = ['x', 'conv', 'relu', 'out', 'conv_b', 'relu_b', 'new'];
  const id = fc.constantFrom(...ids);
  const port = fc.constantFrom('x', 'y', 'other');
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    fc.tuple(id, fc.integer({ min: 1, max: 7 })).map(([node, value]): Edit => ({ type: 'setParam', node, param: 'kernel_size', value })),
    id.map((node): Edit => ({ type: 'resetParam', node, param: 'kernel_size' })),
    id.map((node): Edit => ({ type: 'removeNode', node })),
    fc.tuple(id, port, id, port).map(([a, p, b, q]): Edit => ({ type: 'connect', from: ref(a, p), to: ref(b, q) })),
    fc.constantFrom('e1', 'e2', 'e3', 'cr2-e2', 'e4', 'e5').map((edge): Edit => ({ type: 'disconnect', edge })),
    fc.constantFrom('cr1', 'cr2').map((group): Edit => ({ type: 'removeGroup', group })),
    fc.tuple(fc.constantFrom('cr1', 'cr2'), fc.boolean()).map(([group, collapsed]): Edit => ({ type: 'setCollapsed', group, collapsed })),
    fc.constant<Edit>({ type: 'addNode', node: n('new', 'relu') }),
    fc.constant<Edit>({ type: 'placeBlock', block: 'cr', group: 'cr3', nodes: ['c3', 'r3'], position: { x: 5, y: 5 } }),
    fc.constant<Edit>({ type: 'removeBlock', block: 'cr' }),
  );

  it('keeps every block rule, or is refused with GraphEditError; the result saves and loads unchanged', () => {
    fc.assert(fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
      let g = withTwo();
      for (const e of edits) {
        try {
          g = applyEdit(g, e);
        } catch (error) {
          expect(error).toBeInstanceOf(GraphEditError);
        }
        expect(checkBlocks(g)).toEqual([]);
      }
      const loaded = parseGraph(serializeGraph(g));
      expect(loaded.ok && loaded.graph).toEqual(g);
    }), { numRuns: 300 });
  });
});
