/** parseGraph: one test per kind of problem, each asserting the JSON path and the telling part of the message. */
import { describe, expect, it } from 'vitest';
import { parseGraph, type ParseResult } from '../../engine/graph/parse.ts';
import type { GraphIssue } from '../../engine/graph/errors.ts';
import { LIMITS, type GraphDocument } from '../../engine/graph/types.ts';

const valid = (): Record<string, unknown> => ({
  format: 'netloom.graph',
  version: 2,
  name: 'tiny',
  nodes: [
    { id: 'x', kind: 'input', params: { shape: ['N', 4] }, position: { x: 0, y: 0 } },
    { id: 'fc', kind: 'linear', label: 'Classifier', params: { in_features: 4, out_features: 2, bias: true }, position: { x: 0, y: 100 }, notes: 'logits' },
  ],
  edges: [{ id: 'e1', from: { node: 'x', port: 'y' }, to: { node: 'fc', port: 'x' } }],
  groups: [{ id: 'head', nodes: ['fc'] }],
});

function errorsOf(result: ParseResult): GraphIssue[] {
  if (result.ok) throw new Error('expected the document to be refused');
  return result.errors;
}

/** Parses `doc` after `change`, both as text and as an object, and expects the same single problem from each. */
function refuse(change: (doc: Record<string, unknown>) => void, path: string, message: string | RegExp): void {
  const doc = valid();
  change(doc);
  for (const input of [JSON.stringify(doc), doc]) {
    const errors = errorsOf(parseGraph(input));
    expect(errors).toEqual([{ path, message: typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message) }]);
  }
}

const node = (doc: Record<string, unknown>, i: number) => (doc['nodes'] as Record<string, unknown>[])[i]!;
const edge = (doc: Record<string, unknown>, i: number) => (doc['edges'] as Record<string, unknown>[])[i]!;

describe('a valid document', () => {
  it('loads from text and from an object', () => {
    for (const input of [JSON.stringify(valid()), valid()]) {
      const result = parseGraph(input);
      expect(result.ok && result.graph).toEqual(valid());
    }
  });

  it('loads as plain objects, with absent optional fields absent rather than undefined', () => {
    const result = parseGraph(JSON.stringify(valid()));
    if (!result.ok) throw new Error('refused');
    const x = result.graph.nodes[0]!;
    expect(Object.keys(x)).toEqual(['id', 'kind', 'params', 'position']);
    expect(Object.getPrototypeOf(x)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(x.params)).toBe(Object.prototype);
    expect(Object.keys(result.graph.groups![0]!)).toEqual(['id', 'nodes']);
  });

  it('drops optional fields given as undefined in an object', () => {
    const doc = valid();
    Object.assign(node(doc, 0), { label: undefined, notes: undefined });
    const result = parseGraph({ ...doc, name: undefined });
    if (!result.ok) throw new Error('refused');
    expect('name' in result.graph).toBe(false);
    expect(Object.keys(result.graph.nodes[0]!)).toEqual(['id', 'kind', 'params', 'position']);
  });

  it('is a copy: changing the input afterwards does not change the graph', () => {
    const doc = valid();
    const result = parseGraph(doc);
    (node(doc, 1)['params'] as Record<string, unknown>)['in_features'] = 99;
    expect(result.ok && (result.graph.nodes[1]!.params['in_features'])).toBe(4);
  });

  it('may have a byte-order mark, as Windows editors write', () => {
    expect(parseGraph(`\uFEFF${JSON.stringify(valid())}`).ok).toBe(true);
  });

  it('may feed one input from two edges: the analysis reports that on the node, with a fix', () => {
    const doc = valid();
    (doc['edges'] as unknown[]).push({ id: 'e2', from: { node: 'x', port: 'y' }, to: { node: 'fc', port: 'x' } });
    expect(parseGraph(doc).ok).toBe(true);
  });
});

describe('size and syntax', () => {
  it('refuses text over the byte limit at $', () => {
    const errors = errorsOf(parseGraph(' '.repeat(LIMITS.maxBytes + 1)));
    expect(errors).toEqual([{ path: '$', message: expect.stringContaining(`larger than ${LIMITS.maxBytes} bytes (5 MiB)`) }]);
  });

  it('measures the limit in UTF-8 bytes, not characters', () => {
    // 3 Mi characters of "é" are 6 MiB of UTF-8.
    const text = `{"name":"${'é'.repeat(3 * 1024 * 1024)}"}`;
    expect(text.length).toBeLessThan(LIMITS.maxBytes);
    expect(errorsOf(parseGraph(text))[0]!.message).toContain('larger than');
  });

  it('accepts text at exactly the limit as far as size goes', () => {
    const text = `{"pad":"${'x'.repeat(LIMITS.maxBytes - 10)}"}`;
    expect(text.length).toBe(LIMITS.maxBytes);
    expect(errorsOf(parseGraph(text))[0]!.message).not.toContain('larger than');
  });

  it.each([
    ['{"format":"netloom.graph",}', 1, 27, "a trailing comma before '}' (JSON allows none)"],
    ['[1,2,]', 1, 6, "a trailing comma before ']'"],
    ['{\n  "format": "netloom.graph"\n  "version": 1\n}', 3, 3, "expected ',' or '}' but found \"\\\"\""],
    ['{\n  "a": tru\n}', 2, 8, 'expected a value'],
    ["{'a': 1}", 1, 2, 'expected a "double-quoted" key'],
    ['{"a": \'x\'}', 1, 7, 'strings need double quotes'],
    ['{"a": "line\nbreak"}', 1, 12, 'a line break or control character inside a string'],
    ['{"a": "\\x"}', 1, 8, 'an invalid escape'],
    ['{"a": "open', 1, 7, 'a string that is never closed'],
    ['{"a": [1, 2', 1, 12, 'the text ends too early (2 unclosed brackets)'],
    ['', 1, 1, 'the text ends too early'],
    ['{} {}', 1, 4, 'unexpected "{" after the end of the JSON value'],
    ['{"a" 1}', 1, 6, "expected ':' after the key"],
  ])('reports invalid JSON %j at line %i, column %i', (text, line, column, reason) => {
    expect(errorsOf(parseGraph(text))).toEqual([{ path: '$', message: expect.stringContaining(`invalid JSON at line ${line}, column ${column}: ${reason}`) }]);
  });
});

describe('unsafe structure', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('refuses a %s key at its path, before anything else', (key) => {
    const text = JSON.stringify(valid()).replace('"shape":', `"${key}":{"polluted":1},"shape":`);
    expect(errorsOf(parseGraph(text))).toEqual([{ path: `$.nodes[0].params.${key}`, message: expect.stringContaining(`the key "${key}" is not allowed`) }]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses a __proto__ key in an unknown place and in a list item', () => {
    const errors = errorsOf(parseGraph('{"extra":[{"a":1},{"__proto__":{}}]}'));
    expect(errors).toEqual([{ path: '$.extra[1].__proto__', message: expect.stringContaining('not allowed') }]);
  });

  it('refuses nesting deeper than LIMITS.maxDepth, at the first level too deep', () => {
    const depth = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    refuse((doc) => Object.assign(node(doc, 0)['params'] as object, { deep: JSON.parse(depth(61)) }), '$.nodes[0].params.deep' + '[0]'.repeat(60), 'nested more than 64 levels deep');
    // 60 lists inside params (level 4) reach level 64 exactly, which is allowed; only then does the schema object.
    const ok = errorsOf(parseGraph(JSON.stringify(valid()).replace('"shape":', `"deep":${depth(60)},"shape":`)));
    expect(ok[0]!.message).not.toContain('nested');
  });

  it('refuses a million nested brackets without overflowing the stack', () => {
    const text = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    expect(errorsOf(parseGraph(text))[0]!.path).toBe(`$${'[0]'.repeat(LIMITS.maxDepth)}`);
    expect(errorsOf(parseGraph(`${'['.repeat(1_000_000)}`))[0]!.message).toContain('ends too early (1000000 unclosed brackets)');
  });

  it('refuses a cycle in an object at the path where it repeats', () => {
    const doc = valid();
    const params = node(doc, 1)['params'] as Record<string, unknown>;
    params['self'] = { inner: params };
    expect(errorsOf(parseGraph(doc))).toEqual([{ path: '$.nodes[1].params.self.inner', message: expect.stringContaining('a cycle: this value contains itself (it is $.nodes[1].params)') }]);
  });

  it('accepts an object shared by two places, which is not a cycle', () => {
    const doc = valid();
    const position = { x: 5, y: 5 };
    node(doc, 0)['position'] = position;
    node(doc, 1)['position'] = position;
    const result = parseGraph(doc);
    expect(result.ok && result.graph.nodes[0]!.position !== result.graph.nodes[1]!.position).toBe(true);
  });

  it('refuses class instances and inherited fields in an object', () => {
    const doc = valid();
    node(doc, 0)['position'] = new Date(0);
    expect(errorsOf(parseGraph(doc))).toEqual([{ path: '$.nodes[0].position', message: 'not plain JSON data ([object Date])' }]);
    const inherited = Object.create({ format: 'netloom.graph', version: 1, nodes: [], edges: [] }) as object;
    expect(errorsOf(parseGraph(inherited))).toEqual([{ path: '$', message: expect.stringContaining('not plain JSON data') }]);
  });

  it('refuses a huge sparse list in an object without walking it', () => {
    const doc = { ...valid(), edges: new Array(2 ** 31) };
    expect(errorsOf(parseGraph(doc))).toEqual([{ path: '$.edges', message: '2147483648 edges; a graph holds at most 20000' }]);
  });

  it('answers instead of throwing when reading the input throws', () => {
    const doc = valid();
    Object.defineProperty(doc, 'nodes', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(errorsOf(parseGraph(doc))).toEqual([{ path: '$', message: 'cannot read the graph: boom' }]);
    const trap = new Proxy({}, { ownKeys: () => { throw 'no keys'; } });
    expect(errorsOf(parseGraph(trap))).toEqual([{ path: '$', message: 'cannot read the graph: no keys' }]);
  });
});

describe('format and version', () => {
  it.each([
    [[1, 2], 'a list'],
    [null, 'null'],
    ['"a string"', 'a string'],
    ['12', 'a number'],
  ])('refuses %j at $ as not an object', (value, found) => {
    expect(errorsOf(parseGraph(typeof value === 'string' ? value : JSON.stringify(value)))).toEqual([
      { path: '$', message: `expected a netloom graph (a JSON object) but found ${found}` },
    ]);
  });

  it('refuses a missing or wrong format at $.format', () => {
    refuse((doc) => { delete doc['format']; }, '$.format', 'missing "format": "netloom.graph"');
    refuse((doc) => { doc['format'] = 'comfyui.workflow'; }, '$.format', 'not a netloom graph: "format" is "comfyui.workflow", expected "netloom.graph"');
  });

  it('refuses a newer version, naming both versions', () => {
    refuse((doc) => { doc['version'] = 3; }, '$.version', 'written by a newer netloom: version 3, this build reads up to 2');
  });

  it('refuses a missing or non-integer version at $.version', () => {
    refuse((doc) => { delete doc['version']; }, '$.version', 'missing "version"');
    refuse((doc) => { doc['version'] = '1'; }, '$.version', '"version" must be a positive integer, found "1"');
    refuse((doc) => { doc['version'] = 1.5; }, '$.version', 'found 1.5');
    refuse((doc) => { doc['version'] = 0; }, '$.version', 'found 0');
  });
});

describe('schema problems at JSON paths', () => {
  it('reports an unknown key at the key itself', () => {
    refuse((doc) => { node(doc, 0)['parmas'] = {}; }, '$.nodes[0].parmas', 'unknown key');
    refuse((doc) => { doc['trainng'] = {}; }, '$.trainng', 'unknown key');
    refuse((doc) => { doc['training'] = { epochs: 3, batchsize: 8 }; }, '$.training.batchsize', 'unknown key');
  });

  it('checks the training settings saved with a graph', () => {
    refuse((doc) => { doc['training'] = { epochs: 0 }; }, '$.training.epochs', '>=1');
    refuse((doc) => { doc['training'] = { batchSize: 2.5 }; }, '$.training.batchSize', 'int');
    refuse((doc) => { doc['training'] = { validationSplit: 0.95 }; }, '$.training.validationSplit', '<=0.9');
  });

  it('reports a missing field', () => {
    refuse((doc) => { delete node(doc, 1)['kind']; }, '$.nodes[1].kind', 'expected string');
    refuse((doc) => { delete doc['edges']; }, '$.edges', 'expected array');
  });

  it('reports names that are empty or longer than 128 characters', () => {
    refuse((doc) => { node(doc, 0)['id'] = ''; }, '$.nodes[0].id', 'must not be empty');
    refuse((doc) => { node(doc, 1)['label'] = 'L'.repeat(129); }, '$.nodes[1].label', 'must be at most 128 characters');
    refuse((doc) => { (edge(doc, 0)['to'] as Record<string, unknown>)['port'] = 'p'.repeat(129); }, '$.edges[0].to.port', 'at most 128');
    refuse((doc) => { doc['name'] = 'n'.repeat(129); }, '$.name', 'at most 128');
  });

  it('accepts names of exactly 128 characters', () => {
    const doc = valid();
    node(doc, 1)['label'] = 'L'.repeat(128);
    expect(parseGraph(doc).ok).toBe(true);
  });

  it('reports notes over the limit', () => {
    refuse((doc) => { node(doc, 1)['notes'] = 'n'.repeat(LIMITS.maxNotesLength + 1); }, '$.nodes[1].notes', `at most ${LIMITS.maxNotesLength} characters`);
  });

  it('reports positions that are not finite numbers', () => {
    refuse((doc) => { (node(doc, 0)['position'] as Record<string, unknown>)['y'] = '10'; }, '$.nodes[0].position.y', 'expected number');
    // JSON has no Infinity, but 1e999 reads as one.
    const text = JSON.stringify(valid()).replace('"x":0', '"x":1e999');
    expect(errorsOf(parseGraph(text))).toEqual([{ path: '$.nodes[0].position.x', message: expect.stringContaining('expected number, received Infinity') }]);
  });

  it('reports param values that are not numbers, strings, booleans or flat lists, at the param', () => {
    const param = (value: unknown) => (doc: Record<string, unknown>) => { (node(doc, 1)['params'] as Record<string, unknown>)['kernel_size'] = value; };
    refuse(param({ h: 3 }), '$.nodes[1].params.kernel_size', 'must be a finite number, a string, true/false, or a flat list');
    refuse(param(null), '$.nodes[1].params.kernel_size', 'must be a finite number');
    refuse(param([3, [3]]), '$.nodes[1].params.kernel_size[1]', 'list items must be finite numbers or strings (lists are flat)');
    refuse(param(new Array(65).fill(1)), '$.nodes[1].params.kernel_size', 'a list param holds at most 64 items');
    refuse(param('s'.repeat(129)), '$.nodes[1].params.kernel_size', 'must be at most 128 characters');
    const text = JSON.stringify(valid()).replace('"in_features":4', '"in_features":-1e999');
    expect(errorsOf(parseGraph(text))).toEqual([{ path: '$.nodes[1].params.in_features', message: expect.stringContaining('must be a finite number') }]);
  });

  it('accepts a list param of exactly 64 items', () => {
    const doc = valid();
    (node(doc, 1)['params'] as Record<string, unknown>)['sizes'] = new Array(64).fill(2);
    expect(parseGraph(doc).ok).toBe(true);
  });

  it('reports an empty param name, quoting it in the path', () => {
    refuse((doc) => { (node(doc, 1)['params'] as Record<string, unknown>)[''] = 1; }, '$.nodes[1].params[""]', 'the key must not be empty');
  });

  it('reports more than LIMITS.maxNodes nodes with the count', () => {
    const doc = valid();
    doc['nodes'] = Array.from({ length: LIMITS.maxNodes + 1 }, (_, i) => ({ id: `n${i}`, kind: 'relu', params: {}, position: { x: 0, y: 0 } }));
    doc['edges'] = [];
    doc['groups'] = [];
    expect(errorsOf(parseGraph(JSON.stringify(doc)))).toEqual([{ path: '$.nodes', message: '5001 nodes; a graph holds at most 5000' }]);
  });

  it('reports more than LIMITS.maxEdges edges with the count', () => {
    const doc = valid();
    doc['edges'] = Array.from({ length: LIMITS.maxEdges + 1 }, (_, i) => ({ id: `e${i}`, from: { node: 'x', port: 'y' }, to: { node: 'fc', port: `p${i}` } }));
    expect(errorsOf(parseGraph(doc))).toEqual([{ path: '$.edges', message: '20001 edges; a graph holds at most 20000' }]);
  });

  it('shows the first 20 problems and counts the rest', () => {
    const doc = valid();
    doc['nodes'] = Array.from({ length: 30 }, (_, i) => ({ id: `n${i}`, kind: 'relu', params: {}, position: { x: 0, y: 'top' } }));
    const errors = errorsOf(parseGraph(doc));
    expect(errors).toHaveLength(21);
    expect(errors[19]!.path).toBe('$.nodes[19].position.y');
    expect(errors[20]).toEqual({ path: '$', message: '10 more problems not shown' });
  });
});

describe('references', () => {
  it('reports a duplicate node id at the later node', () => {
    const again = { id: 'x', kind: 'relu', params: {}, position: { x: 0, y: 0 } };
    refuse((doc) => { (doc['nodes'] as unknown[]).push(again); }, '$.nodes[2].id', 'duplicate node id "x" (also at $.nodes[0])');
  });

  it('reports a duplicate edge id', () => {
    refuse((doc) => { (doc['edges'] as unknown[]).push({ id: 'e1', from: { node: 'fc', port: 'y' }, to: { node: 'x', port: 'z' } }); }, '$.edges[1].id', 'duplicate edge id "e1"');
  });

  it('reports edges from and to unknown nodes at the node reference', () => {
    refuse((doc) => { (edge(doc, 0)['from'] as Record<string, unknown>)['node'] = 'ghost'; }, '$.edges[0].from.node', 'edge "e1" starts at unknown node "ghost"');
    refuse((doc) => { (edge(doc, 0)['to'] as Record<string, unknown>)['node'] = 'ghost'; }, '$.edges[0].to.node', 'edge "e1" ends at unknown node "ghost"');
  });

  it('reports groups naming unknown nodes, and duplicate group ids', () => {
    refuse((doc) => { doc['groups'] = [{ id: 'head', nodes: ['fc', 'gone'] }]; }, '$.groups[0].nodes[1]', 'group "head" names unknown node "gone"');
    refuse((doc) => { doc['groups'] = [{ id: 'g', nodes: [] }, { id: 'g', nodes: [] }]; }, '$.groups[1].id', 'duplicate group id "g"');
  });

  it('reports every broken reference, not just the first', () => {
    const doc = valid();
    doc['edges'] = [
      { id: 'a', from: { node: 'p', port: 'y' }, to: { node: 'q', port: 'x' } },
      { id: 'a', from: { node: 'x', port: 'y' }, to: { node: 'fc', port: 'x' } },
    ];
    expect(errorsOf(parseGraph(doc)).map((e) => e.path)).toEqual(['$.edges[0].from.node', '$.edges[0].to.node', '$.edges[1].id']);
  });
});

describe('result type', () => {
  it('is a GraphDocument', () => {
    const result = parseGraph(valid());
    const g: GraphDocument | false = result.ok && result.graph;
    expect(g && g.version).toBe(2);
  });
});
