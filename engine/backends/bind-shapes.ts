/**
 * Concrete shapes for one run: symbolic dimensions (N, T, …) are bound from the shapes of the fed inputs, then every
 * value's recorded shape is instantiated. The recorded shapes came from the shape rules applied to symbolic operands,
 * and a rule keeps a symbol only where the result holds for every value of it (a symbol never enters arithmetic:
 * windows keep it only when length-preserving, reshapes only as a factor), so substituting the bindings gives exactly
 * the rules' result on the bound shapes.
 */
import type { OpAttrs } from '../ir/ops.ts';
import type { Program } from '../ir/program.ts';
import { formatShape, isSymbol, numElements } from '../ir/shape.ts';
import type { HostTensor } from './backend.ts';

export type Bindings = Readonly<Record<string, number>>;

/** Checks every `input` op against its feed and binds the symbols in the inputs' shapes. */
export function bindFeeds(program: Program, feeds: Readonly<Record<string, HostTensor>>): Bindings {
  const bindings: Record<string, number> = {};
  const boundBy: Record<string, string> = {};
  for (const op of program.ops) {
    if (op.op !== 'input') continue;
    const { name, shape, dtype } = op.attrs as OpAttrs['input'];
    const expected = `${dtype} ${formatShape(shape)}`;
    const feed = feeds[name];
    if (!feed) {
      const fed = Object.keys(feeds);
      throw new Error(`input "${name}" (${expected}) was not fed; the feeds are ${fed.length ? fed.map((f) => `"${f}"`).join(', ') : 'empty'}`);
    }
    const actual = `${feed.dtype} ${formatShape(feed.shape)}`;
    if (feed.dtype !== dtype) throw new Error(`input "${name}" expects ${expected} but was fed ${actual}`);
    if (feed.shape.length !== shape.length) throw new Error(`input "${name}" expects ${expected} (rank ${shape.length}) but was fed ${actual} (rank ${feed.shape.length})`);
    const elements = numElements(feed.shape);
    if (feed.data.length !== elements) throw new Error(`input "${name}" was fed ${feed.data.length} values for shape ${formatShape(feed.shape)} (${elements} elements)`);
    shape.forEach((dim, axis) => {
      const size = feed.shape[axis]!;
      if (!isSymbol(dim)) {
        if (dim !== size) throw new Error(`input "${name}" expects ${expected} but was fed ${actual}: dimension ${axis} must be ${dim}`);
        return;
      }
      if (!Number.isInteger(size) || size < 1) throw new Error(`input "${name}" was fed ${actual}: ${dim} must be a positive integer`);
      const bound = bindings[dim];
      if (bound === undefined) {
        bindings[dim] = size;
        boundBy[dim] = name;
      } else if (bound !== size) {
        throw new Error(`input "${name}" expects ${expected} but was fed ${actual}: ${dim} is ${bound} in input "${boundBy[dim]}" but ${size} here`);
      }
    });
  }
  return bindings;
}

/** The concrete shape of every value (indexed by value id) under `bindings`. */
export function concreteShapes(program: Program, bindings: Bindings): number[][] {
  return program.values.map((value) =>
    value.shape.map((dim) => {
      if (!isSymbol(dim)) return dim;
      const size = bindings[dim];
      if (size === undefined) {
        throw new Error(`${dim} in ${formatShape(value.shape)} (value %${value.id}${value.node ? ` of node ${value.node}` : ''}) is not bound: no fed input has a ${dim} dimension`);
      }
      return size;
    }));
}

/** A stable key of a binding, for caching what depends on it. */
export const bindingKey = (bindings: Bindings): string =>
  Object.keys(bindings).sort().map((s) => `${s}=${bindings[s]}`).join(',');
