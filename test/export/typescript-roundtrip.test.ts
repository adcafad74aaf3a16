/**
 * The TypeScript export round trip: running an exported module gives back a document equal to the original, for
 * the export cases and for arbitrary valid documents (unicode names, edges to any port, groups, training settings),
 * and the modules type-check under the repository's strict settings.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGraph } from '../../engine/graph/parse.ts';
import { serializeGraph } from '../../engine/graph/serialize.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { graphDocument } from '../graph/arbitraries.ts';
import { EXPORT_CASES, loadCase } from './export-cases.ts';
import { importModels, typeCheck, writeModules, type ModuleFolder } from './typescript-modules.ts';

const ARBITRARY_DOCUMENTS = 200;

describe('TypeScript export round trip', () => {
  const docs: GraphDocument[] = [
    ...EXPORT_CASES.map(loadCase),
    // Valid documents as parse.ts returns them (canonical), with every kind of name and field.
    ...fc.sample(graphDocument, { numRuns: ARBITRARY_DOCUMENTS, seed: 6 }).map((doc) => {
      const parsed = parseGraph(doc);
      if (!parsed.ok) throw new Error(`the arbitrary document is not valid: ${JSON.stringify(parsed.errors)}`);
      return parsed.graph;
    }),
  ];
  let modules: ModuleFolder;
  beforeAll(() => {
    modules = writeModules(docs);
  });
  afterAll(() => modules.remove());

  it('rebuilds every document exactly', () => {
    const models = importModels(modules);
    expect(models).toHaveLength(docs.length);
    docs.forEach((doc, i) => {
      expect(models[i], `document ${i}`).toEqual(JSON.parse(JSON.stringify(doc)));
      expect(serializeGraph(models[i] as GraphDocument)).toBe(serializeGraph(doc));
    });
  });

  it('type-checks', () => {
    expect(typeCheck(modules)).toBe('');
  });
});
