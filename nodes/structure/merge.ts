/**
 * Shared by Add and Multiply (not a node kind): `inputs` = K operand ports x1…xK, combined elementwise with
 * PyTorch broadcasting, and a shape-mismatch message that names both shapes and the dimension at fault.
 */
import type { LowerContext, PortSpec } from '../../engine/compile/node-kind.ts';
import { p, type ParamSchema } from '../../engine/compile/params.ts';
import type { Value } from '../../engine/ir/program.ts';
import { broadcastShapes, formatShape, isSymbol, type Shape } from '../../engine/ir/shape.ts';

export const MAX_MERGE_INPUTS = 8;

export const inputsParam = p.int(2, 'number of inputs (ports x1…xK)', { min: 2, max: MAX_MERGE_INPUTS });

/** Ports x1…xK. */
export function numberedPorts(count: number, doc: string): readonly PortSpec[] {
  return Array.from({ length: count }, (_, i) => ({ name: `x${i + 1}`, doc }));
}

/** The inputs on x1…xK, in order. */
export function numberedInputs(ctx: LowerContext<ParamSchema>, count: number): { port: string; value: Value }[] {
  return Array.from({ length: count }, (_, i) => ({ port: `x${i + 1}`, value: ctx.input(`x${i + 1}`) }));
}

const dtypeName = (v: Value): string => (v.dtype === 'f32' ? 'float' : 'integer');

/** The first dimension (counted from the right, as broadcasting aligns) where a and b cannot broadcast. */
function firstConflict(a: Shape, b: Shape): { axisA: number; axisB: number; da: number | string; db: number | string } | undefined {
  const rank = Math.max(a.length, b.length);
  for (let i = 0; i < rank; i++) {
    const ia = a.length - rank + i, ib = b.length - rank + i;
    const da = a[ia] ?? 1, db = b[ib] ?? 1;
    if (da !== db && da !== 1 && db !== 1) return { axisA: ia, axisB: ib, da, db };
  }
  return undefined;
}

/**
 * A hint for a residual Add whose branches differ: the skip branch needs a projection, the way ResNet adds a
 * 1×1 convolution (with the block's stride) when a block changes channels or resolution.
 */
function residualHint(a: { port: string; value: Value }, b: { port: string; value: Value }): string {
  const sa = a.value.shape, sb = b.value.shape;
  if (sa.length !== sb.length || sa.length < 2) return '';
  const rank = sa.length;
  const ca = sa[1]!, cb = sb[1]!;
  if (isSymbol(ca) || isSymbol(cb)) return '';
  // The branch with fewer channels (or, at equal channels, more positions) is taken to be the skip.
  const spatialA = sa.slice(2), spatialB = sb.slice(2);
  const size = (s: Shape) => s.reduce<number>((n, d) => n * (isSymbol(d) ? 1 : d), 1);
  const aIsSkip = ca < cb || (ca === cb && size(spatialA) > size(spatialB));
  const [skip, main] = aIsSkip ? [a, b] : [b, a];
  const cs = skip.value.shape[1] as number, cm = main.value.shape[1] as number;
  if (rank === 2) {
    if (cs === cm) return '';
    return ` — a residual connection whose width changes needs a projection on the skip branch: a Linear(${cs}, ${cm}) on ${skip.port}`;
  }
  const ss = skip.value.shape.slice(2), sm = main.value.shape.slice(2);
  const ratios = ss.map((d, i) => (isSymbol(d) || isSymbol(sm[i]!) ? NaN : d / (sm[i] as number)));
  const sameStride = ratios.every((r) => Number.isInteger(r) && r >= 1 && r === ratios[0]);
  if (!sameStride) return '';
  const stride = ratios[0] ?? 1;
  if (cs === cm && stride === 1) return '';
  const conv = rank === 3 ? 'Conv1d' : rank === 4 ? 'Conv2d' : 'convolution';
  const what = cs !== cm && stride > 1 ? `channels (${cs} vs ${cm}) and resolution (${ss.join('×')} vs ${sm.join('×')})` : cs !== cm ? `channels (${cs} vs ${cm})` : `resolution (${ss.join('×')} vs ${sm.join('×')})`;
  return ` — this residual skip changes ${what}, so it needs a 1×1 conv projection on the skip branch ${skip.port}: ${conv}(${cs}, ${cm}, kernel_size=1, stride=${stride}${conv === 'convolution' ? '' : ', bias=False'}), as in ResNet`;
}

/** Combine x1…xK with `op`, refusing mixed dtypes and shapes that do not broadcast with a message naming both. */
export function lowerMerge(ctx: LowerContext<ParamSchema>, count: number, op: 'add' | 'mul', residual: boolean): Value {
  const xs = numberedInputs(ctx, count);
  const first = xs[0]!;
  for (const x of xs.slice(1)) {
    if (x.value.dtype !== first.value.dtype) {
      ctx.fail('dtype-mismatch',
        `${first.port} is ${dtypeName(first.value)} ${formatShape(first.value.shape)} but ${x.port} is ${dtypeName(x.value)} ${formatShape(x.value.shape)}; the inputs must have the same dtype`,
        { port: x.port });
    }
  }
  for (let i = 1; i < xs.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = xs[j]!, b = xs[i]!;
      if (typeof broadcastShapes(a.value.shape, b.value.shape) !== 'string') continue;
      const c = firstConflict(a.value.shape, b.value.shape)!;
      const why = isSymbol(c.da) || isSymbol(c.db)
        ? `a symbolic size only matches itself or 1`
        : 'sizes must be equal or 1 to broadcast';
      ctx.fail('shape-mismatch',
        `${a.port} ${formatShape(a.value.shape)} and ${b.port} ${formatShape(b.value.shape)} do not broadcast: dim ${c.axisA} of ${a.port} is ${c.da} but dim ${c.axisB} of ${b.port} is ${c.db} (${why})${residual ? residualHint(a, b) : ''}`,
        { port: b.port });
    }
  }
  let y = first.value;
  for (const x of xs.slice(1)) y = ctx.b.op(op, [y, x.value], {});
  return y;
}
