/** The committed JSON Schema is exactly what the zod schema generates. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphJsonSchema, graphJsonSchemaText } from '../../engine/graph/json-schema.ts';

const committedPath = new URL('../../engine/graph/netloom.graph.schema.json', import.meta.url);

describe('netloom.graph.schema.json', () => {
  it('equals graphJsonSchema() (run `npm run schema` after changing engine/graph/schema.ts)', () => {
    const committed = readFileSync(committedPath, 'utf8');
    expect(committed, 'engine/graph/netloom.graph.schema.json is stale: run `npm run schema` and commit the result').toBe(graphJsonSchemaText());
    expect(JSON.parse(committed)).toEqual(graphJsonSchema());
  });

  it('publishes the limits and the strictness of the zod schema', () => {
    const schema = graphJsonSchema() as any;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['format', 'version', 'nodes', 'edges']);
    expect(schema.properties.format.const).toBe('netloom.graph');
    expect(schema.properties.version.const).toBe(2);
    expect(schema.properties.nodes.maxItems).toBe(5000);
    expect(schema.properties.edges.maxItems).toBe(20000);
    const node = schema.properties.nodes.items;
    expect(node.additionalProperties).toBe(false);
    expect(node.properties.id).toMatchObject({ type: 'string', minLength: 1, maxLength: 128 });
    expect(node.properties.notes.maxLength).toBe(10000);
    expect(node.properties.params.propertyNames.pattern).toBe('^(?!(?:__proto__|constructor|prototype)$)');
    expect(node.properties.params.additionalProperties.anyOf).toHaveLength(4);
  });
});
