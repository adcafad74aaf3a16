/**
 * Tensor shapes with symbolic dimensions.
 *
 * A dimension is either a concrete size or a symbol such as `N` (batch) or `T` (sequence length). Symbols stay
 * symbolic while the user edits and are bound to numbers only when data is attached, so the editor can show
 * `[N,16,14,14]` the way PyTorch users read `torch.Size`.
 */

export type Dim = number | string;
export type Shape = readonly Dim[];

export const isSymbol = (d: Dim): d is string => typeof d === 'string';

/** `[N,16,14,14]` — the notation used on edges, in diagnostics and in printed IR. */
export function formatShape(shape: Shape): string {
  return `[${shape.join(',')}]`;
}

export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Product of a shape split into its concrete part and the multiset of symbols, so that reshapes between
 * `[N,16,5,5]` and `[N,400]` can be checked without knowing N.
 */
export interface SymbolicSize {
  known: number;
  symbols: string[];
}

export function symbolicSize(shape: Shape): SymbolicSize {
  let known = 1;
  const symbols: string[] = [];
  for (const d of shape) {
    if (isSymbol(d)) symbols.push(d);
    else known *= d;
  }
  symbols.sort();
  return { known, symbols };
}

/** Number of elements with every symbol bound by `bindings` (a missing binding counts as 1: per-sample figures). */
export function numElements(shape: Shape, bindings: Readonly<Record<string, number>> = {}): number {
  let n = 1;
  for (const d of shape) n *= isSymbol(d) ? (bindings[d] ?? 1) : d;
  return n;
}

/** Replace symbols by numbers where a binding exists. */
export function bindShape(shape: Shape, bindings: Readonly<Record<string, number>>): Dim[] {
  return shape.map((d) => (isSymbol(d) && bindings[d] !== undefined ? bindings[d] : d));
}

/**
 * NumPy/PyTorch broadcasting. Returns the broadcast shape, or a string explaining the first incompatible axis.
 * A symbol only broadcasts with itself or with 1: `N` against `5` is refused because it holds for one batch size only.
 */
export function broadcastShapes(a: Shape, b: Shape): Dim[] | string {
  const rank = Math.max(a.length, b.length);
  const out: Dim[] = new Array(rank);
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da === db || db === 1) out[i] = da;
    else if (da === 1) out[i] = db;
    else return `dimension ${i - rank} differs: ${da} vs ${db}`;
  }
  return out;
}

/** Normalise a possibly negative axis; returns -1 when out of range. */
export function normAxis(axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank : axis;
  return a >= 0 && a < rank ? a : -1;
}
