/** The migration mechanism, with a test-local list, and the real list (version 1 → 2: reusable blocks). */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateDocument, type Migration, type RawDocument } from '../../engine/graph/migrate.ts';
import { GRAPH_VERSION } from '../../engine/graph/types.ts';

const applied: string[] = [];
/** Version 1 called the document's name `title`; version 2 stored positions as `[x, y]`; version 3 is current. */
const TWO_STEPS: readonly Migration[] = [
  {
    description: 'rename "title" to "name"',
    up: ({ title, ...rest }) => {
      applied.push('1→2');
      return { ...rest, name: title };
    },
  },
  {
    description: 'positions become {x, y}',
    up: (doc) => {
      applied.push('2→3');
      const nodes = doc['nodes'] as { position: [number, number] }[];
      return { ...doc, nodes: nodes.map((n) => ({ ...n, position: { x: n.position[0], y: n.position[1] } })) };
    },
  },
];

const v1 = (): RawDocument => ({ format: 'netloom.graph', version: 1, title: 'old', nodes: [{ id: 'a', position: [3, 4] }], edges: [] });

function migrated(raw: RawDocument, migrations: readonly Migration[] = TWO_STEPS): RawDocument {
  applied.length = 0;
  const result = migrateDocument(raw, migrations);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.doc;
}

describe('migrateDocument', () => {
  it('applies every step from the file version to the newest, in order, setting the version', () => {
    expect(migrated(v1())).toEqual({ format: 'netloom.graph', version: 3, name: 'old', nodes: [{ id: 'a', position: { x: 3, y: 4 } }], edges: [] });
    expect(applied).toEqual(['1→2', '2→3']);
  });

  it('starts at the file version', () => {
    const v2 = { format: 'netloom.graph', version: 2, name: 'n', nodes: [{ id: 'a', position: [1, 2] }], edges: [] };
    expect(migrated(v2)).toMatchObject({ version: 3, nodes: [{ position: { x: 1, y: 2 } }] });
    expect(applied).toEqual(['2→3']);
  });

  it('returns a current document itself, untouched', () => {
    const v3 = { format: 'netloom.graph', version: 3, nodes: [], edges: [] };
    expect(migrated(v3)).toBe(v3);
    expect(applied).toEqual([]);
  });

  it('does not modify its input', () => {
    const raw = v1();
    migrated(raw);
    expect(raw).toEqual(v1());
  });

  it('refuses a version newer than the newest step reaches', () => {
    const result = migrateDocument({ version: 4 }, TWO_STEPS);
    expect(result).toEqual({ ok: false, errors: [{ path: '$.version', message: expect.stringContaining('written by a newer netloom: version 4, this build reads up to 3') }] });
  });

  it.each([
    [undefined, 'missing "version"'],
    ['2', 'must be a positive integer, found "2"'],
    [2.5, 'must be a positive integer, found 2.5'],
    [0, 'found 0'],
    [null, 'found null'],
    [[1], 'found a list'],
  ])('refuses version %j at $.version', (version, message) => {
    expect(migrateDocument({ version }, TWO_STEPS)).toEqual({ ok: false, errors: [{ path: '$.version', message: expect.stringContaining(message) }] });
  });

  it('reports a step that throws, naming the step', () => {
    const result = migrateDocument({ version: 2, nodes: 'not a list' }, TWO_STEPS);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toEqual({ path: '$', message: expect.stringContaining('cannot upgrade from version 2 to 3 (positions become {x, y}):') });
  });
});

describe('MIGRATIONS', () => {
  it('reaches exactly GRAPH_VERSION: a format change adds its step here', () => {
    expect(MIGRATIONS.length + 1).toBe(GRAPH_VERSION);
  });

  it('makes this build read versions 1 and 2 and refuse version 3 as newer', () => {
    const doc = { format: 'netloom.graph', version: 2, nodes: [], edges: [] };
    expect(migrateDocument(doc)).toEqual({ ok: true, doc });
    expect(migrateDocument({ ...doc, version: 3 })).toEqual({ ok: false, errors: [{ path: '$.version', message: expect.stringContaining('version 3, this build reads up to 2') }] });
  });

  it('upgrades a version 1 document to version 2 by the version number alone (version 2 only added optional fields)', () => {
    const v1doc = { format: 'netloom.graph', version: 1, name: 'old', nodes: [{ id: 'a', kind: 'relu', params: {}, position: { x: 0, y: 0 } }], edges: [], groups: [{ id: 'g', nodes: ['a'] }] };
    expect(migrateDocument(v1doc)).toEqual({ ok: true, doc: { ...v1doc, version: 2 } });
    expect(v1doc.version).toBe(1);
  });
});
