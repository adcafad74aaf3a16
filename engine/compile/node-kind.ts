/**
 * The contract between the compiler and the node catalog (nodes/). A node kind declares everything about itself —
 * docs, params, ports, weights (created while lowering) and its lowering into IR primitives — and nothing else
 * in the engine knows about it.
 */
import type { Builder } from '../ir/builder.ts';
import type { Shape } from '../ir/shape.ts';
import type { ParamValue } from '../graph/types.ts';
import type { DType, Init } from '../ir/ops.ts';
import type { Value } from '../ir/program.ts';
import type { Edit } from '../graph/edit-types.ts';
import type { DatasetInfo } from '../data/registry.ts';
import type { DiagnosticCode } from './diagnostics.ts';
import type { ParamSchema, ParamsOf } from './params.ts';

export type LossPrediction = 'class-scores' | 'binary-logits' | 'binary-probabilities' | 'regression';

/**
 * Where a data source's rows come from: a built-in dataset (loaded by engine/data, in Node or a worker) or data the
 * user loaded in the browser (handed to training by the page; the command line cannot read it).
 */
export interface DataSourceDeclaration {
  readonly origin: 'built-in' | 'browser';
  /** The built-in dataset's id, or `local:<name>` for data loaded in the browser. */
  readonly dataset: string;
  /** Built-in image datasets: flat rows [N, H·W·C] (the default) or images [N, C, H, W]. */
  readonly layout?: 'flat' | 'image';
}

export const CATEGORIES = ['data', 'layers', 'activations', 'structure', 'losses', 'optimizers'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface PortSpec {
  readonly name: string;
  readonly doc?: string;
  /** An optional input may stay unconnected (e.g. the bias of a custom op); a required one is diagnosed. */
  readonly optional?: boolean;
  /** What the port accepts or gives, for the editor's link compatibility (checked again by lowering). */
  readonly rank?: number;
  readonly dtype?: DType;
}

export interface NodeDocs {
  readonly summary: string;
  /** The PyTorch-semantics formula in TeX. */
  readonly formula: string;
  /** The course notes' form where it differs from PyTorch (orientation, normalisation, conventions). */
  readonly seedNotes?: string;
  /** The PyTorch equivalent, e.g. `nn.Conv2d(in_channels, out_channels, kernel_size)`. */
  readonly pytorch: string;
}

export interface Fix {
  readonly label: string;
  readonly edits: readonly Edit[];
}

export interface ProblemOptions {
  readonly param?: string;
  readonly port?: string;
  readonly fix?: Fix;
}

/** A producer feeding one of this node's inputs: lets a loss warn about a softmax head, for example. */
export interface Producer {
  readonly node: string;
  readonly kind: string;
  readonly port: string;
  /** The producer's own input, so a fix can bypass it. */
  readonly input?: { readonly node: string; readonly port: string };
}

/**
 * What a lowering sees. A lowering must depend only on what it reads here: the analysis lowers nodes with equal
 * params and input types once and shares the result, unless the lowering reads `node` or a `producer`.
 */
export interface LowerContext<S extends ParamSchema> {
  readonly node: { readonly id: string; readonly kind: string };
  readonly params: ParamsOf<S>;
  readonly b: Builder;
  /** Dropout and batch norm behave differently when training. */
  readonly mode: 'train' | 'eval';
  /** The value on a connected input port (required ports are guaranteed connected before lowering). */
  input(port: string): Value;
  /** The value on an optional input port, or undefined when it is not connected. */
  optionalInput(port: string): Value | undefined;
  producer(port: string): Producer | undefined;
  /** A trainable tensor named `<node id>.<name>`, like the PyTorch module attribute it exports to. */
  weight(name: string, shape: readonly number[], init: Init): Value;
  /** Non-trainable persistent state, `<node id>.<name>` (e.g. running_mean). */
  buffer(name: string, shape: readonly number[], init: Init): Value;
  dataset(name: string): DatasetInfo | undefined;
  /** A mistake in the user's numbers: stops this node with a diagnostic that shows the arithmetic. */
  fail(code: DiagnosticCode, message: string, options?: ProblemOptions): never;
  /** A suspicious but legal choice: the node still lowers. */
  warn(code: DiagnosticCode, message: string, options?: ProblemOptions): void;
}

export interface NodeExample {
  readonly params?: Readonly<Record<string, ParamValue>>;
  /** Per input port: a shape (float) or a shape with its dtype. */
  readonly inputs: Readonly<Record<string, Shape | { readonly shape: Shape; readonly dtype: DType }>>;
}

export interface NodeKind<S extends ParamSchema = ParamSchema> {
  /** Stable id stored in documents (`conv2d`); never rename one, migrate instead. */
  readonly id: string;
  readonly category: Category;
  readonly label: string;
  readonly docs: NodeDocs;
  readonly params: S;
  readonly inputs: readonly PortSpec[] | ((params: ParamsOf<S>) => readonly PortSpec[]);
  readonly outputs: readonly PortSpec[] | ((params: ParamsOf<S>) => readonly PortSpec[]);
  /**
   * A small working configuration: params (over the defaults) and a shape for each input port. The docs show it
   * and catalog.test.ts lowers it, so every listed kind is checked the moment it is added.
   */
  readonly example?: NodeExample;
  /** Emits the node's computation; returns one value per output port. */
  lower(ctx: LowerContext<S>): Readonly<Record<string, Value>>;
  /**
   * Losses only: how the prediction fed to this loss reads for metrics and plots — scores over classes in dimension
   * 1 (argmax, softmax), one logit or one probability per binary decision, or values to regress. Absent where no
   * metric beyond the loss applies (KL divergence).
   */
  readonly prediction?: LossPrediction;
  /** Data sources only: training feeds the node's `<id>.features` and `<id>.labels` inputs from the data named here. */
  readonly dataSource?: (params: ParamsOf<S>) => DataSourceDeclaration;
  /** Optimizers only: which loss they minimise comes from their `loss` port, which weights from this. */
  readonly optimizer?: { readonly parameterSelection: (params: ParamsOf<S>) => readonly string[] };
}

/** Preserves a kind's literal param types while checking it against the contract. */
export const defineNode = <const S extends ParamSchema>(kind: NodeKind<S>): NodeKind<S> => kind;

/** A catalog is the explicit, ordered list of kinds, indexed by id. */
export type Catalog = ReadonlyMap<string, NodeKind>;

export function makeCatalog(kinds: readonly NodeKind<any>[]): Catalog {
  const map = new Map<string, NodeKind>();
  for (const kind of kinds) {
    if (map.has(kind.id)) throw new Error(`duplicate node kind id ${kind.id}`);
    map.set(kind.id, kind as NodeKind);
  }
  return map;
}

export function portsOf(ports: NodeKind['inputs'], params: ParamsOf<ParamSchema>): readonly PortSpec[] {
  return typeof ports === 'function' ? ports(params) : ports;
}
