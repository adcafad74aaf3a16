/**
 * The starting values of a program's params and buffers. Each tensor is drawn from its `Init` with counter-based
 * random numbers (random.ts) under a seed mixed from the run's seed and the tensor's name, so a weight's values
 * depend only on (seed, name): the same seed gives bit-identical weights whatever else the program contains.
 */
import type { Init, OpAttrs } from '../ir/ops.ts';
import type { Program } from '../ir/program.ts';
import { numElements } from '../ir/shape.ts';
import type { HostTensor } from './backend.ts';
import { counterNormal, counterUniform, hash32 } from './random.ts';

export interface StateDeclaration {
  readonly shape: readonly number[];
  readonly init: Init;
}

/** Every param and buffer of `program` by name, in program order (a name declared twice keeps its first entry). */
export function stateDeclarations(program: Program): Map<string, StateDeclaration> {
  const declared = new Map<string, StateDeclaration>();
  for (const op of program.ops) {
    if (op.op !== 'param' && op.op !== 'buffer') continue;
    const { name, shape, init } = op.attrs as OpAttrs['param']; // a buffer's attrs have the same fields
    if (!declared.has(name)) declared.set(name, { shape, init });
  }
  return declared;
}

/** FNV-1a over the name's UTF-16 code units, mixed with the run's seed. */
export function stateSeed(seed: number, name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return hash32((h ^ hash32(seed >>> 0)) >>> 0);
}

/** A float32 tensor drawn from `init` for the state tensor `name`. */
export function initialTensor(name: string, { shape, init }: StateDeclaration, seed: number): HostTensor {
  const n = numElements(shape);
  const data = new Float32Array(n);
  const s = stateSeed(seed, name);
  switch (init.dist) {
    case 'constant':
      data.fill(init.value);
      break;
    case 'uniform':
      for (let i = 0; i < n; i++) data[i] = init.low + (init.high - init.low) * counterUniform(s, i);
      break;
    case 'normal':
      for (let i = 0; i < n; i++) data[i] = init.mean + init.std * counterNormal(s, i);
      break;
  }
  return { shape: [...shape], dtype: 'f32', data };
}

export function initialState(program: Program, seed: number): Map<string, HostTensor> {
  const state = new Map<string, HostTensor>();
  for (const [name, declaration] of stateDeclarations(program)) state.set(name, initialTensor(name, declaration, seed));
  return state;
}
