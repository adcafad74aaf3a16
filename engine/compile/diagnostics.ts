/** Diagnostics as data: what the editor pins to nodes, the problems panel lists and `netloom check` prints. */
import type { Fix } from './node-kind.ts';

/** Every diagnostic code with what it means; codes are stable (tests and exercises match on them). */
export const DIAGNOSTIC_CODES = {
  'unknown-kind': 'the node kind is not in this build’s catalog',
  'bad-param': 'a parameter value is invalid or unknown; its default is used',
  'unknown-port': 'an edge names a port the node does not have',
  'missing-input': 'a required input port is not connected',
  'duplicate-input': 'an input port is fed by more than one edge',
  cycle: 'the node is part of a cycle; data must flow one way',
  'shape-mismatch': 'tensor shapes do not fit together',
  'rank-mismatch': 'a tensor has the wrong number of dimensions',
  'dtype-mismatch': 'integer data where floats are needed, or the reverse',
  'features-mismatch': 'a Linear layer’s in_features differs from its input’s last dimension',
  'channels-mismatch': 'a layer’s in_channels differs from its input’s channel dimension',
  'nonpositive-output': 'a convolution or pooling window leaves no output positions',
  'inexact-division': 'the window does not tile the input exactly; floor drops the remainder',
  'loss-head': 'the head feeding a loss undoes what the loss already does (e.g. softmax before CrossEntropy)',
  'target-mismatch': 'a loss’s target does not match its prediction',
  'optimizer-no-loss': 'an optimizer has no loss to minimise',
  'optimizer-no-params': 'an optimizer’s loss depends on none of the parameters it is told to update',
  unreachable: 'the node does not contribute to any loss or output',
  'unknown-dataset': 'the dataset is not one of the built-in ones',
  'invalid-graph': 'the node cannot be lowered as configured',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly node?: string;
  readonly port?: string;
  readonly edge?: string;
  readonly param?: string;
  /** One edit (or a few applied together as one undo step) that resolves it. */
  readonly fix?: Fix;
}
