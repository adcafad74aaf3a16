/**
 * Whether a link may be made, decided from what the catalog declares about the target port (rank, dtype) and what
 * the analysis knows about the source (its shape). Used while dragging a link (ports light up or dim), when a link
 * is dropped (a refusal says why, with both shapes), and to filter the quick-add list after dragging into empty
 * space. Deeper checks (in_features, channels) stay with the analysis, which pins them on the node.
 */
import type { PortInfo } from '../../engine/compile/analysis-types.ts';
import type { PortSpec } from '../../engine/compile/node-kind.ts';
import { formatShape } from '../../engine/ir/shape.ts';

export type Fit = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const FITS: Fit = { ok: true };

/** How a tensor of `rank` dims reads (`[N,C,H,W]`), for refusal messages. */
export function rankPattern(rank: number): string {
  const patterns = ['[]', '[N]', '[N,features]', '[N,C,L]', '[N,C,H,W]'];
  return patterns[rank] ?? `a tensor with ${rank} dims`;
}

/**
 * Can a tensor described by `source` feed `target`? `source` is the analysed output (undefined while unknown: the
 * analysis decides after connecting) or, for a port of a kind not yet placed, its declared spec.
 */
export function portFit(source: PortInfo | PortSpec | undefined, target: PortSpec, targetName: string): Fit {
  if (!source) return FITS;
  const shape = 'shape' in source ? source.shape : undefined;
  const rank = shape ? shape.length : (source as PortSpec).rank;
  const what = shape ? formatShape(shape) : rank !== undefined ? rankPattern(rank) : 'this output';
  if (target.rank !== undefined && rank !== undefined && rank !== target.rank) {
    return { ok: false, reason: `${what} cannot feed ${targetName}, which needs ${rankPattern(target.rank)} (${target.rank} dims, not ${rank})` };
  }
  if (target.dtype !== undefined && source.dtype !== undefined && source.dtype !== target.dtype) {
    const name = (dtype: string) => (dtype === 'i32' ? 'integers (i32)' : 'floats (f32)');
    return { ok: false, reason: `${what} holds ${name(source.dtype)} but ${targetName} needs ${name(target.dtype)}` };
  }
  return FITS;
}
