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
  readonly producers: ReadonlyMap<string, Producer>;
  readonly mode: 'train' | 'eval';
}

export type LowerNodeResult =
  | { readonly ok: true; readonly outputs: Readonly<Record<string, Value>>; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Prefix every message with the node, the way users name it: `Conv2d conv2: …`. */
export const nodeTitle = (kind: NodeKind, node: GraphNode): string => `${kind.label} ${node.id}`;

export function lowerNode(b: Builder, req: LowerNodeRequest): LowerNodeResult {
  const { kind, node } = req;
  const diagnostics: Diagnostic[] = [];
  const problem = (severity: 'error' | 'warning', code: DiagnosticCode, message: string, o: ProblemOptions): Diagnostic => ({
    severity, code, message: `${nodeTitle(kind, node)}: ${message}`, node: node.id,
    ...(o.port === undefined ? {} : { port: o.port }),
    ...(o.param === undefined ? {} : { param: o.param }),
    ...(o.fix === undefined ? {} : { fix: o.fix }),
  });
  const ctx: LowerContext<ParamSchema> = {
    node: { id: node.id, kind: node.kind },
    params: req.params,
    b,
    mode: req.mode,
    input(port) {
      const v = req.inputs.get(port);
      if (!v) throw new NodeProblem('missing-input', `input ${port} is not connected`, { port });
      return v;
    },
    optionalInput: (port) => req.inputs.get(port),
    producer: (port) => req.producers.get(port),
    weight: (name, shape, init) => b.op('param', [], { name: `${node.id}.${name}`, shape, init }),
    buffer: (name, shape, init) => b.op('buffer', [], { name: `${node.id}.${name}`, shape, init }),
    dataset: findDataset,
    fail(code, message, options) {
      throw new NodeProblem(code, message, options);
    },
    warn(code, message, options = {}) {
      diagnostics.push(problem('warning', code, message, options));
    },
  };
  const previous = b.currentNode;
  b.currentNode = node.id;
  try {
    const outputs = kind.lower(ctx);
    return { ok: true, outputs, diagnostics };
  } catch (error) {
    if (error instanceof NodeProblem) diagnostics.push(problem('error', error.code, error.message, error.options));
    else if (error instanceof ShapeError) diagnostics.push(problem('error', 'shape-mismatch', error.message, {}));
    // A bug in a lowering must not take the editor down; it is reported on the node like any other problem.
    else diagnostics.push(problem('error', 'invalid-graph', `cannot be lowered: ${(error as Error)?.message ?? String(error)}`, {}));
    return { ok: false, diagnostics };
  } finally {
    b.currentNode = previous;
  }
}
