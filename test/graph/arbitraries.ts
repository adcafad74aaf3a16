/** fast-check arbitraries for graph documents: valid ones, and the hostile variations parse tests throw at them. */
import fc from 'fast-check';
import type { GraphDocument, GraphEdge, GraphGroup, GraphNode, ParamValue, TrainingSettings } from '../../engine/graph/types.ts';

/** Unicode names, now and then right at the 128-character limit. */
export const name: fc.Arbitrary<string> = fc.oneof(
  { weight: 9, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 120, maxLength: 128 }) },
);

const RESERVED = ['__proto__', 'constructor', 'prototype'];
const paramName = name.filter((k) => !RESERVED.includes(k));

/** Finite doubles of every magnitude; -0 becomes 0 because JSON writes both as 0. */
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
const number = fc.oneof(finite, fc.integer());
const paramString = fc.string({ unit: 'binary', maxLength: 10 });

const paramValue: fc.Arbitrary<ParamValue> = fc.oneof(
  number,
  paramString,
  fc.boolean(),
  fc.array(fc.oneof(number, paramString), { maxLength: 64 }),
);

const node: fc.Arbitrary<GraphNode> = fc.record(
  {
    id: name,
    kind: name,
    label: name,
    params: fc.dictionary(paramName, paramValue, { maxKeys: 5 }),
    position: fc.record({ x: finite, y: finite }),
    notes: fc.string({ unit: 'grapheme', maxLength: 30 }),
  },
  // The others are absent (not undefined) when not drawn, as in a file.
  { requiredKeys: ['id', 'kind', 'params', 'position'] },
);

const training: fc.Arbitrary<TrainingSettings> = fc.record({
  epochs: fc.integer({ min: 1, max: 1000 }),
  batchSize: fc.integer({ min: 1, max: 4096 }),
  seed: fc.nat(),
  validationSplit: fc.double({ min: 0, max: 0.9, noNaN: true }),
  earlyStoppingPatience: fc.nat({ max: 100 }),
}, { requiredKeys: [] });

/** A valid document: unique ids, edges and groups naming existing nodes. Inputs may take two edges (see check-references.ts). */
export const graphDocument: fc.Arbitrary<GraphDocument> = fc
  .uniqueArray(node, { selector: (n) => n.id, maxLength: 8 })
  .chain((nodes) => {
    const ids = nodes.map((n) => n.id);
    const ref = ids.length > 0 ? fc.record({ node: fc.constantFrom(...ids), port: name }) : undefined;
    const edges: fc.Arbitrary<GraphEdge[]> = ref
      ? fc.uniqueArray(fc.record({ id: name, from: ref, to: ref }), { selector: (e) => e.id, maxLength: 10 })
      : fc.constant([]);
    const group: fc.Arbitrary<GraphGroup> = fc.record({ id: name, label: name, nodes: fc.subarray(ids) }, { requiredKeys: ['id', 'nodes'] });
    return fc.record(
      {
        name,
        edges,
        groups: fc.uniqueArray(group, { selector: (g) => g.id, maxLength: 3 }),
        training,
      },
      { requiredKeys: ['edges'] },
    ).map((rest): GraphDocument => ({ format: 'netloom.graph', version: 2, nodes, ...rest }));
  });

/** Plain JSON data of a document, for mutating. */
export const jsonOf = (g: GraphDocument): unknown => JSON.parse(JSON.stringify(g));

type Mutation = { readonly steps: readonly number[] } & ({ readonly kind: 'delete' } | { readonly kind: 'set'; readonly value: unknown });

const mutation: fc.Arbitrary<Mutation> = fc.record({
  steps: fc.array(fc.nat(), { maxLength: 6 }),
  change: fc.oneof(fc.constant({ kind: 'delete' as const }), fc.jsonValue({ maxDepth: 2 }).map((value) => ({ kind: 'set' as const, value }))),
}).map(({ steps, change }) => ({ steps, ...change }));

const isContainer = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Walks `steps` (each picks a child by index modulo the child count) and deletes or replaces the value reached. */
function mutate(root: unknown, m: Mutation): unknown {
  if (!isContainer(root)) return m.kind === 'set' ? m.value : root;
  let parent = root;
  let key = '';
  for (const [i, step] of [0, ...m.steps].entries()) {
    const keys = Object.keys(parent);
    if (keys.length === 0) break;
    key = keys[step % keys.length]!;
    const child = parent[key];
    if (i === m.steps.length || !isContainer(child)) break;
    parent = child;
  }
  if (key === '') return root;
  if (m.kind === 'set') parent[key] = m.value;
  else if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
  return root;
}

/** Valid documents with a few random deletions and replacements anywhere in them. */
export const mutatedDocument: fc.Arbitrary<unknown> = fc
  .tuple(graphDocument, fc.array(mutation, { minLength: 1, maxLength: 3 }))
  .map(([g, mutations]) => mutations.reduce(mutate, jsonOf(g)));

/** Serialized documents with characters cut out of and spliced into the text. */
export const mutatedText = (serialize: (g: GraphDocument) => string): fc.Arbitrary<string> =>
  fc
    .tuple(graphDocument, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 4 }), fc.string({ unit: 'binary-ascii', maxLength: 3 })), { minLength: 1, maxLength: 3 }))
    .map(([g, cuts]) =>
      cuts.reduce((text, [at, remove, insert]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + remove);
      }, serialize(g)),
    );

/** The payloads classic prototype-pollution exploits use, under the keys that reach a prototype. */
export const pollutingKey = fc.constantFrom('__proto__', 'constructor', 'prototype');
const pollutingPayload = fc.constantFrom<unknown>({ polluted: 'yes' }, { prototype: { polluted: 'yes' } }, 'yes');

type Json = Record<string, unknown>;

/** Every object of a document's JSON data with its path: where an attacker could add a key. */
function objectsOf(data: Json): [path: string, target: Json][] {
  const list = (key: string) => (data[key] ?? []) as Json[];
  return [
    ['$', data],
    ...list('nodes').flatMap((n, i): [string, Json][] => [
      [`$.nodes[${i}]`, n], [`$.nodes[${i}].params`, n['params'] as Json], [`$.nodes[${i}].position`, n['position'] as Json],
    ]),
    ...list('edges').flatMap((e, i): [string, Json][] => [[`$.edges[${i}]`, e], [`$.edges[${i}].from`, e['from'] as Json], [`$.edges[${i}].to`, e['to'] as Json]]),
    ...list('groups').map((g, i): [string, Json] => [`$.groups[${i}]`, g]),
  ];
}

/**
 * A valid document's JSON data with `key: payload` added as an own property of one of its objects, the way
 * JSON.parse creates `"__proto__"` keys; with the path the parser must report.
 */
export const documentWithPollutingKey: fc.Arbitrary<{ data: unknown; path: string }> = fc
  .tuple(graphDocument, fc.nat(), pollutingKey, pollutingPayload)
  .map(([g, pick, key, payload]) => {
    const data = jsonOf(g) as Json;
    const targets = objectsOf(data);
    const [path, target] = targets[pick % targets.length]!;
    Object.defineProperty(target, key, { value: payload, enumerable: true, writable: true, configurable: true });
    return { data, path: `${path}.${key}` };
  });
