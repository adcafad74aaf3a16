/**
 * Lowers one graph node into a builder: the single code path shared by the editor's analysis (one small fragment
 * per node, inputs as placeholders) and the whole-program compile used for training and export.
 */
import type { Builder } from '../ir/builder.ts';
import { ShapeError } from '../ir/errors.ts';
import type { Value } from '../ir/program.ts';
import type { GraphNode } from '../graph/types.ts';
import { findDataset } from '../data/registry.ts';
import type { Diagnostic, DiagnosticCode } from './diagnostics.ts';
import type { DatasetInfo } from '../data/registry.ts';
import type { Init } from '../ir/ops.ts';
import type { LowerContext, NodeKind, ProblemOptions, Producer } from './node-kind.ts';
import type { ParamSchema, ParamsOf } from './params.ts';

/** Thrown by `ctx.fail`; carries the diagnostic the node wants shown. */
export class NodeProblem extends Error {
  constructor(readonly code: DiagnosticCode, message: string, readonly options: ProblemOptions = {}) {
    super(message);
  }
}

export interface LowerNodeRequest {
  readonly kind: NodeKind;
  readonly node: GraphNode;
  readonly params: ParamsOf<ParamSchema>;
  readonly inputs: ReadonlyMap<string, Value>;
  /** A map, or anything that finds a producer by port (the analysis looks them up only when asked). */
  readonly producers: Pick<ReadonlyMap<string, Producer>, 'get'>;
  readonly mode: 'train' | 'eval';
}

export type LowerNodeResult =
  | {
    readonly ok: true;
    readonly outputs: Readonly<Record<string, Value>>;
    readonly diagnostics: readonly Diagnostic[];
    /**
     * The lowering read which node it lowers (`ctx.node` or a producer), so its fragment may differ for another
     * node with the same params and input types. Weight names do not count: `weight` and `buffer` name them.
     */
    readonly nodeSpecific: boolean;
  }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Prefix every message with the node, the way users name it: `Conv2d conv2: …`. */
export const nodeTitle = (kind: NodeKind, node: GraphNode): string => `${kind.label} ${node.id}`;

function problem(kind: NodeKind, node: GraphNode, severity: 'error' | 'warning', code: DiagnosticCode, message: string, o: ProblemOptions): Diagnostic {
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = { severity, code, message: `${nodeTitle(kind, node)}: ${message}`, node: node.id };
  if (o.port !== undefined) d.port = o.port;
  if (o.param !== undefined) d.param = o.param;
  if (o.fix !== undefined) d.fix = o.fix;
  return d;
}

/**
 * The context a kind's `lower` sees. A class rather than an object of closures: the analysis creates one per node
 * of a freshly opened graph, and methods on a prototype cost nothing per instance.
 */
class Context implements LowerContext<ParamSchema> {
  readonly params: ParamsOf<ParamSchema>;
  readonly mode: 'train' | 'eval';
  readonly diagnostics: Diagnostic[] = [];
  nodeSpecific = false;

  constructor(readonly b: Builder, private readonly req: LowerNodeRequest) {
    this.params = req.params;
    this.mode = req.mode;
  }

  get node(): { readonly id: string; readonly kind: string } {
    this.nodeSpecific = true;
    return this.req.node;
  }

  input(port: string): Value {
    const v = this.req.inputs.get(port);
    if (!v) throw new NodeProblem('missing-input', `input ${port} is not connected`, { port });
    return v;
  }
  optionalInput(port: string): Value | undefined {
    return this.req.inputs.get(port);
  }
  producer(port: string): Producer | undefined {
    this.nodeSpecific = true;
    return this.req.producers.get(port);
  }
  weight(name: string, shape: readonly number[], init: Init): Value {
    return this.b.op('param', [], { name: `${this.req.node.id}.${name}`, shape, init });
  }
  buffer(name: string, shape: readonly number[], init: Init): Value {
    return this.b.op('buffer', [], { name: `${this.req.node.id}.${name}`, shape, init });
  }
  dataset(name: string): DatasetInfo | undefined {
    return findDataset(name);
  }
  fail(code: DiagnosticCode, message: string, options?: ProblemOptions): never {
    throw new NodeProblem(code, message, options);
  }
  warn(code: DiagnosticCode, message: string, options: ProblemOptions = {}): void {
    this.diagnostics.push(problem(this.req.kind, this.req.node, 'warning', code, message, options));
  }
}

export function lowerNode(b: Builder, req: LowerNodeRequest): LowerNodeResult {
  const { kind, node } = req;
  const ctx = new Context(b, req);
  const { diagnostics } = ctx;
  const previous = b.currentNode;
  b.currentNode = node.id;
  try {
    const outputs = kind.lower(ctx);
    return { ok: true, outputs, diagnostics, nodeSpecific: ctx.nodeSpecific };
  } catch (error) {
    if (error instanceof NodeProblem) diagnostics.push(problem(kind, node, 'error', error.code, error.message, error.options));
    else if (error instanceof ShapeError) diagnostics.push(problem(kind, node, 'error', 'shape-mismatch', error.message, {}));
    // A bug in a lowering must not take the editor down; it is reported on the node like any other problem.
    else diagnostics.push(problem(kind, node, 'error', 'invalid-graph', `cannot be lowered: ${(error as Error)?.message ?? String(error)}`, {}));
    return { ok: false, diagnostics };
  } finally {
    b.currentNode = previous;
  }
}
