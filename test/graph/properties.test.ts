/**
 * Properties of loading and saving, over thousands of generated inputs: parseGraph never throws, hostile input never
 * reaches a prototype, and every valid document survives a save and a load unchanged.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseGraph } from '../../engine/graph/parse.ts';
import { serializeGraph } from '../../engine/graph/serialize.ts';
import { documentWithPollutingKey, graphDocument, jsonOf, mutatedDocument, mutatedText, pollutingKey } from './arbitraries.ts';

const runs = { numRuns: 1000 };

/** parseGraph's answer is well formed whatever the input: ok with a graph, or errors at JSON paths. */
function expectAnswer(input: unknown): void {
  const result = parseGraph(input);
  if (result.ok) expect(result.graph.format).toBe('netloom.graph');
  else {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) expect(e.path.startsWith('$')).toBe(true);
  }
}

describe('parseGraph never throws', () => {
  it('on arbitrary strings', () => fc.assert(fc.property(fc.string({ unit: 'binary' }), expectAnswer), runs));
  it('on arbitrary JSON text', () => fc.assert(fc.property(fc.json(), expectAnswer), runs));
  it('on arbitrary values, objects included', () => fc.assert(fc.property(fc.anything({ withNullPrototype: true, withSparseArray: true }), expectAnswer), runs));
  it('on valid documents with values deleted or replaced', () => {
    fc.assert(fc.property(mutatedDocument, (data) => {
      expectAnswer(data);
      expectAnswer(JSON.stringify(data));
    }), runs);
  });
  it('on serialized documents with characters cut and spliced', () => fc.assert(fc.property(mutatedText(serializeGraph), expectAnswer), runs));
  it('and locates every syntax error JSON.parse finds, with a line and column', () => {
    const text = fc.oneof(mutatedText(serializeGraph), fc.string({ unit: 'binary-ascii', maxLength: 20 }), fc.json().map((t) => t.slice(0, -1)));
    fc.assert(fc.property(text, (t) => {
      let valid = true;
      try {
        JSON.parse(t);
      } catch {
        valid = false;
      }
      const result = parseGraph(t);
      if (!valid) expect(!result.ok && result.errors[0]!.message).toMatch(/^invalid JSON at line \d+, column \d+: /);
    }), runs);
  });

  it('and what it accepts from mutated input saves and loads again', () => {
    fc.assert(fc.property(mutatedDocument, (data) => {
      const first = parseGraph(data);
      if (!first.ok) return;
      const again = parseGraph(serializeGraph(first.graph));
      expect(again.ok && again.graph).toEqual(first.graph);
    }), runs);
  });
});

describe('hostile input never pollutes a prototype', () => {
  let before: string[];
  beforeEach(() => {
    before = Object.getOwnPropertyNames(Object.prototype).sort();
  });
  afterEach(() => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('__proto__, constructor and prototype keys anywhere in a document are refused at their path', () => {
    fc.assert(fc.property(documentWithPollutingKey, ({ data, path }) => {
      for (const input of [JSON.stringify(data), data]) {
        const result = parseGraph(input);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors).toEqual([{ path, message: expect.stringContaining('is not allowed') }]);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }
    }), runs);
  });

  it('polluting keys in arbitrary JSON text are refused too', () => {
    const text = fc.tuple(pollutingKey, fc.json({ maxDepth: 2 }), fc.json({ maxDepth: 2 })).map(([key, a, b]) => `{"x":${a},"${key}":{"polluted":${b}}}`);
    fc.assert(fc.property(text, (t) => {
      expect(parseGraph(t).ok).toBe(false);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    }), runs);
  });

  it('deep nesting is refused without a stack overflow', () => {
    const nested = fc.tuple(fc.integer({ min: 65, max: 5000 }), fc.boolean()).map(([depth, list]) =>
      list ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
    );
    fc.assert(fc.property(nested, graphDocument, (deep, g) => {
      const inParams = serializeGraph({ ...g, nodes: [{ id: 'n', kind: 'k', params: {}, position: { x: 0, y: 0 } }] })
        .replace('"params": {}', `"params": {"deep": ${deep}}`);
      for (const text of [deep, inParams]) {
        const result = parseGraph(text);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors[0]!.message).toContain('nested more than 64 levels deep');
      }
    }), { numRuns: 1000 });
  });

  it('huge and tiny numbers are refused or read as finite numbers', () => {
    const numberText = fc.constantFrom('1e999', '-1e999', '1e308', '123456789012345678901234567890', '1e-400', '-0', '4.9e-324');
    fc.assert(fc.property(numberText, fc.constantFrom('param', 'x'), (n, where) => {
      const text = `{"format":"netloom.graph","version":1,"nodes":[{"id":"a","kind":"k","params":{"p":${where === 'param' ? n : 1}},"position":{"x":${where === 'x' ? n : 0},"y":0}}],"edges":[]}`;
      const result = parseGraph(text);
      if (Number.isFinite(Number(n))) expect(result.ok).toBe(true);
      else expect(!result.ok && result.errors[0]!.path).toBe(where === 'param' ? '$.nodes[0].params.p' : '$.nodes[0].position.x');
    }), runs);
  });
});

describe('save and load', () => {
  it('parseGraph(serializeGraph(g)) is g for every valid document', () => {
    fc.assert(fc.property(graphDocument, (g) => {
      const result = parseGraph(serializeGraph(g));
      expect(result.ok && result.graph).toEqual(g);
    }), runs);
  });

  it('serializeGraph is idempotent through a load', () => {
    fc.assert(fc.property(graphDocument, (g) => {
      const text = serializeGraph(g);
      const result = parseGraph(text);
      expect(result.ok && serializeGraph(result.graph)).toBe(text);
    }), runs);
  });

  it('a document given as an object loads as an equal copy that shares no object with it', () => {
    fc.assert(fc.property(graphDocument, (g) => {
      const data = jsonOf(g);
      const result = parseGraph(data);
      expect(result.ok && result.graph).toEqual(g);
      if (!result.ok) return;
      const seen = new Set<unknown>();
      const collect = (v: unknown): void => {
        if (typeof v !== 'object' || v === null) return;
        seen.add(v);
        for (const child of Object.values(v)) collect(child);
      };
      collect(data);
      const shared: unknown[] = [];
      const check = (v: unknown): void => {
        if (typeof v !== 'object' || v === null) return;
        if (seen.has(v)) shared.push(v);
        for (const child of Object.values(v)) check(child);
      };
      check(result.graph);
      expect(shared).toEqual([]);
    }), runs);
  });
});
