/**
 * The zod schema of a graph document: the single description that validates files (parse.ts), checks edits
 * (edit.ts) and generates the published JSON Schema (json-schema.ts). Objects are strict — an unknown key is an
 * error — so a typo such as `"parmas"` is reported instead of silently dropped.
 */
import { z } from 'zod';
import { GRAPH_FORMAT, GRAPH_VERSION, LIMITS, type GraphDocument } from './types.ts';

const { maxNameLength } = LIMITS;

/** Ids, kinds, labels, port and param names. */
export const nameSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(maxNameLength, `must be at most ${maxNameLength} characters`);

/**
 * A param name is an object key, so the names the raw scan refuses (scan-raw.ts) are refused here too: an edit
 * must not create a document that no longer loads.
 */
export const paramNameSchema = nameSchema.regex(/^(?!(?:__proto__|constructor|prototype)$)/, 'is a reserved name (__proto__, constructor, prototype)');

/** The strings a param holds are names, symbols and keywords (`same`, `N`, group ids), hence the name limit. */
const paramString = z.string().max(maxNameLength, `must be at most ${maxNameLength} characters`);

const maxParamListLength = 64;

/**
 * zod 4's number() refuses Infinity and NaN (zod 3's accepted Infinity). That matters: JSON has neither, but `1e999`
 * parses to Infinity, which must not reach the shape arithmetic.
 */
const finiteNumber = z.number();

export const paramValueSchema = z.union(
  [
    finiteNumber,
    paramString,
    z.boolean(),
    z
      .array(z.union([finiteNumber, paramString], { error: 'list items must be finite numbers or strings (lists are flat)' }))
      .max(maxParamListLength, `a list param holds at most ${maxParamListLength} items`),
  ],
  { error: 'must be a finite number, a string, true/false, or a flat list of numbers and strings' },
);

export const positionSchema = z.strictObject({ x: finiteNumber, y: finiteNumber });

export const portRefSchema = z.strictObject({
  node: nameSchema.describe('id of the node'),
  port: nameSchema.describe('port name on that node, as its kind declares it (`x`, `y`, `logits`)'),
});

export const graphNodeSchema = z.strictObject({
  id: nameSchema.describe('unique in the document; prefixes the weight names (`conv1.weight`)'),
  kind: nameSchema.describe('catalog id of the node kind (`conv2d`)'),
  label: nameSchema.optional(),
  params: z.record(paramNameSchema, paramValueSchema).describe('by name; an absent param takes its default'),
  position: positionSchema,
  notes: z.string().max(LIMITS.maxNotesLength, `must be at most ${LIMITS.maxNotesLength} characters`).optional(),
});

export const graphEdgeSchema = z.strictObject({
  id: nameSchema,
  from: portRefSchema.describe('an output port'),
  to: portRefSchema.describe('an input port; an input takes one edge'),
});

export const graphGroupSchema = z.strictObject({
  id: nameSchema,
  label: nameSchema.optional(),
  nodes: z.array(nameSchema).max(LIMITS.maxNodes, `a group holds at most ${LIMITS.maxNodes} nodes`),
  block: nameSchema.describe('id of the block definition this group is an instance of; nodes[i] is the copy of its nodes[i]').optional(),
  collapsed: z.boolean().describe('drawn as one node with the block’s ports').optional(),
});

export const blockPortSchema = z.strictObject({
  name: nameSchema.describe('the port’s name on the block'),
  node: nameSchema.describe('local id of the inner node'),
  port: nameSchema.describe('port name on that node'),
});

const blockNodeSchema = z.strictObject({
  id: nameSchema.describe('local to the block definition'),
  kind: nameSchema,
  params: z.record(paramNameSchema, paramValueSchema),
  position: positionSchema.describe('relative to the block’s top-left corner'),
});

export const blockDefinitionSchema = z.strictObject({
  id: nameSchema,
  label: nameSchema,
  nodes: z.array(blockNodeSchema).min(1, 'a block holds at least one node').max(LIMITS.maxNodes, `a block holds at most ${LIMITS.maxNodes} nodes`),
  edges: z.array(graphEdgeSchema).max(LIMITS.maxEdges, `a block holds at most ${LIMITS.maxEdges} edges`).describe('between the block’s nodes, by local id'),
  inputs: z.array(blockPortSchema).max(LIMITS.maxNodes).describe('input ports of inner nodes fed from outside the block'),
  outputs: z.array(blockPortSchema).max(LIMITS.maxNodes).describe('output ports of inner nodes the rest of the graph may use'),
});

const wholeNumber = (min: number, max: number) => z.int().min(min).max(max);

export const trainingSettingsSchema = z.strictObject({
  epochs: wholeNumber(1, 100_000).optional(),
  batchSize: wholeNumber(1, 65_536).describe('samples per mini-batch').optional(),
  seed: wholeNumber(0, 2 ** 32 - 1).describe('same seed, graph and data: bit-identical weights on the CPU backend').optional(),
  validationSplit: z.number().min(0).max(0.9).describe('fraction of the training samples held out for validation').optional(),
  earlyStoppingPatience: wholeNumber(0, 10_000).describe('epochs without a better validation loss before stopping; 0 never stops early').optional(),
  backend: z.enum(['auto', 'cpu', 'webgpu']).describe('where the app trains: auto picks WebGPU when the browser has it').optional(),
});

/** A too-long list is reported with its length, so the user knows how far over the limit the file is. */
const countError = (noun: string, max: number) => (issue: { input?: unknown }) =>
  `${Array.isArray(issue.input) ? issue.input.length : 'too many'} ${noun}; a graph holds at most ${max}`;

export const graphDocumentSchema = z
  .strictObject({
    format: z.literal(GRAPH_FORMAT),
    version: z.literal(GRAPH_VERSION),
    name: nameSchema.optional(),
    nodes: z.array(graphNodeSchema).max(LIMITS.maxNodes, { error: countError('nodes', LIMITS.maxNodes) }),
    edges: z.array(graphEdgeSchema).max(LIMITS.maxEdges, { error: countError('edges', LIMITS.maxEdges) }),
    groups: z
      .array(graphGroupSchema)
      .max(LIMITS.maxNodes, { error: countError('groups', LIMITS.maxNodes) })
      .describe('named sets of nodes; optimizers select the weights they update by group id or node id')
      .optional(),
    blocks: z
      .array(blockDefinitionSchema)
      .max(LIMITS.maxNodes, { error: countError('blocks', LIMITS.maxNodes) })
      .describe('reusable block definitions; their instances are groups with `block`')
      .optional(),
    training: trainingSettingsSchema.describe('how the graph trains; learning rates live on the optimizer nodes').optional(),
  })
  .meta({
    title: 'netloom graph',
    description: 'A deep-learning model as a node graph, as saved by netloom. Params are stored by name.',
  });

type Assert<T extends true> = T;
/** Compile-time proof that whatever the schema accepts is a GraphDocument; fails to compile when the two drift. */
export type SchemaOutputIsGraphDocument = Assert<z.output<typeof graphDocumentSchema> extends GraphDocument ? true : false>;
