/**
 * Graph fixtures (test/fixtures/graphs/<name>.json) → the diagnostics, shapes and totals their
 * <name>.expected.json says they must produce. Expectations were written by hand from the course rules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine/compile/analyze.ts';
import { parseGraph } from '../../engine/graph/parse.ts';
import { formatShape } from '../../engine/ir/shape.ts';
import { CATALOG } from '../../nodes/index.ts';

interface Expected {
  diagnostics: { code: string; node: string; severity: string; fix?: unknown[] }[];
  shapes?: Record<string, string>;
  params?: number;
}

const dir = join(import.meta.dirname, '../fixtures/graphs');
const names = readdirSync(dir).filter((f) => f.endsWith('.expected.json')).map((f) => f.replace('.expected.json', ''));

describe('graph fixtures', () => {
  it('exist', () => expect(names.length).toBeGreaterThanOrEqual(15));
  it.each(names)('%s', (name) => {
    const parsed = parseGraph(readFileSync(join(dir, `${name}.json`), 'utf8'));
    if (!parsed.ok) throw new Error(`fixture does not parse: ${JSON.stringify(parsed.errors)}`);
    const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Expected;
    const a = analyze(parsed.graph, CATALOG);
    const key = (d: { code: string; node?: string; severity: string }) => `${d.severity}:${d.code}@${d.node}`;
    expect(a.diagnostics.map(key).sort()).toEqual(expected.diagnostics.map(key).sort());
    for (const e of expected.diagnostics) {
      if (!e.fix) continue;
      const d = a.diagnostics.find((x) => key(x) === key(e))!;
      expect(d.fix?.edits).toEqual(e.fix);
    }
    for (const [ref, shape] of Object.entries(expected.shapes ?? {})) {
      const dot = ref.lastIndexOf('.');
      const info = a.nodes.get(ref.slice(0, dot))!.outputs[ref.slice(dot + 1)];
      expect(info && formatShape(info.shape), ref).toBe(shape);
    }
    if (expected.params !== undefined) expect(a.totals.params).toBe(expected.params);
  });
});
