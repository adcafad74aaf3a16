/**
 * Runs over every kind listed in nodes/index.ts: a new kind is covered the moment it is listed. Each must have
 * docs, defaults that validate, an example whose lowering infers shapes for every output and verifies as IR in
 * both training and evaluation mode, and params that survive a JSON round trip.
 */
import { describe, expect, it } from 'vitest';
import { lowerNode } from '../../engine/compile/lower-node.ts';
import { CATEGORIES, portsOf, type NodeKind } from '../../engine/compile/node-kind.ts';
import { checkParam, resolveParams } from '../../engine/compile/params.ts';
import { resolveNodeParams } from '../../engine/compile/structure.ts';
import { parseGraph } from '../../engine/graph/parse.ts';
import { serializeGraph } from '../../engine/graph/serialize.ts';
import { GRAPH_VERSION, type GraphDocument, type GraphNode } from '../../engine/graph/types.ts';
import { Builder } from '../../engine/ir/builder.ts';
import type { Value } from '../../engine/ir/program.ts';
import { verifyProgram } from '../../engine/ir/verify.ts';
import { CATALOG, NODE_KINDS } from '../../nodes/index.ts';

function lowerExample(kind: NodeKind, mode: 'train' | 'eval') {
  const example = kind.example!;
  const node: GraphNode = { id: 'n', kind: kind.id, params: example.params ?? {}, position: { x: 0, y: 0 } };
  const { params, problems } = resolveNodeParams(kind, node.params);
  expect(problems).toEqual([]);
  const b = new Builder();
  const inputs = new Map<string, Value>();
  for (const [port, spec] of Object.entries(example.inputs)) {
    const { shape, dtype } = Array.isArray(spec) ? { shape: spec, dtype: 'f32' as const } : (spec as { shape: never; dtype: 'f32' | 'i32' });
    inputs.set(port, b.op('input', [], { name: port, shape, dtype }));
  }
  const result = lowerNode(b, { kind, node, params, inputs, producers: new Map(), mode });
  return { result, program: b.program(), params };
}

describe('the catalog', () => {
  it('has unique, stable snake_case ids and known categories', () => {
    const ids = NODE_KINDS.map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const kind of NODE_KINDS) {
      expect(kind.id).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(CATEGORIES).toContain(kind.category);
      expect(CATALOG.get(kind.id)).toBe(kind);
    }
  });
  it('offers every category of the palette', () => {
    expect(new Set(NODE_KINDS.map((k) => k.category))).toEqual(new Set(CATEGORIES));
  });
});

describe.each(NODE_KINDS.map((k) => [k.id, k] as const))('%s', (_id, kind: NodeKind) => {
  it('is documented', () => {
    expect(kind.label.trim()).not.toBe('');
    expect(kind.docs.summary.length).toBeGreaterThan(20);
    expect(kind.docs.formula.trim()).not.toBe('');
    expect(kind.docs.pytorch.trim()).not.toBe('');
    for (const [name, def] of Object.entries(kind.params)) {
      expect(def.doc.trim(), `doc of param ${name}`).not.toBe('');
      expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });
  it('has defaults that validate against its own schema', () => {
    for (const [name, def] of Object.entries(kind.params)) {
      expect(checkParam(def, def.default), `default of ${name}`).toBeUndefined();
    }
    expect(resolveParams(kind.params, {}).problems).toEqual([]);
  });
  it('declares an example covering its required inputs', () => {
    expect(kind.example, 'every kind needs an example').toBeDefined();
    const { params } = resolveNodeParams(kind, kind.example!.params ?? {});
    for (const port of portsOf(kind.inputs, params)) {
      if (!port.optional) expect(Object.keys(kind.example!.inputs), `example input ${port.name}`).toContain(port.name);
    }
  });
  it.each(['train', 'eval'] as const)('lowers its example to verified IR with a shape on every output (%s mode)', (mode) => {
    const { result, program, params } = lowerExample(kind, mode);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.outputs).sort()).toEqual(portsOf(kind.outputs, params).map((p) => p.name).sort());
    for (const [port, spec] of Object.entries(portsOf(kind.outputs, params).map((p) => [p.name, p] as const))) {
      const v = result.outputs[spec[0]]!;
      if (spec[1].rank !== undefined) expect(v.shape.length, `rank of ${port}`).toBe(spec[1].rank);
    }
    expect(verifyProgram(program)).toEqual([]);
    for (const op of program.ops) if (op.op !== 'input') expect(op.node).toBe('n');
  });
  it('round-trips its example params through JSON', () => {
    const doc: GraphDocument = {
      format: 'netloom.graph', version: GRAPH_VERSION,
      nodes: [{ id: 'n', kind: kind.id, params: kind.example!.params ?? {}, position: { x: 10, y: 20 } }], edges: [],
    };
    const parsed = parseGraph(serializeGraph(doc));
    expect(parsed.ok && parsed.graph).toEqual(doc);
  });
});
