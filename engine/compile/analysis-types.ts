/** What the analysis reports, per node and for the graph: the data the editor draws and `netloom check` prints. */
import type { DType } from '../ir/ops.ts';
import type { Shape } from '../ir/shape.ts';
import type { Diagnostic } from './diagnostics.ts';

export interface PortInfo {
  readonly shape: Shape;
  readonly dtype: DType;
}

export interface WeightInfo {
  /** State-dict style name, `conv1.weight`. */
  readonly name: string;
  readonly shape: readonly number[];
  readonly trainable: boolean;
}

export interface NodeAnalysis {
  readonly id: string;
  readonly kind: string;
  /** `blocked`: not analysed because something upstream failed (the upstream node carries the diagnostic). */
  readonly status: 'ok' | 'error' | 'blocked';
  readonly inputs: Readonly<Record<string, PortInfo>>;
  readonly outputs: Readonly<Record<string, PortInfo>>;
  readonly weights: readonly WeightInfo[];
  /** Trainable parameter count. */
  readonly params: number;
  readonly flops: number;
  /** Bytes of the node's outputs (4 per element). */
  readonly memory: number;
  /** Per spatial axis, in input pixels, for spatial outputs of a conv/pool chain. */
  readonly receptiveField?: readonly number[];
}

export interface Totals {
  readonly params: number;
  readonly flops: number;
  readonly memory: number;
}

export interface Analysis {
  readonly nodes: ReadonlyMap<string, NodeAnalysis>;
  readonly edges: ReadonlyMap<string, PortInfo>;
  readonly diagnostics: readonly Diagnostic[];
  readonly totals: Totals;
  readonly order: readonly string[];
  readonly hasErrors: boolean;
}
