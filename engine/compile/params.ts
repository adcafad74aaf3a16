/**
 * Typed parameter schemas for node kinds. One declaration per param gives its TypeScript type, its validation
 * (a zod schema), the inspector widget, and the generated docs — so the three never disagree.
 */
import type { ParamValue } from '../graph/types.ts';

interface Base<T> {
  readonly default: T;
  /** One line shown in the inspector and the docs. */
  readonly doc: string;
}

export interface IntParam extends Base<number> { readonly type: 'int'; readonly min?: number; readonly max?: number }
export interface FloatParam extends Base<number> {
  readonly type: 'float';
  readonly min?: number;
  readonly max?: number;
  /** The minimum itself is not allowed (a learning rate of 0 trains nothing). */
  readonly exclusiveMin?: boolean;
}
export interface BoolParam extends Base<boolean> { readonly type: 'bool' }
export interface ChoiceParam<C extends string = string> extends Base<C> { readonly type: 'choice'; readonly choices: readonly C[] }
/** An int or one int per spatial axis, as PyTorch accepts `kernel_size=3` or `(3, 5)`; optional keywords like `same`. */
export interface SizeParam<K extends string = never> extends Base<number | readonly number[] | K> {
  readonly type: 'size';
  readonly min: number;
  readonly keywords?: readonly K[];
}
/** A tensor shape whose entries are sizes, symbols (N, T) or a single -1. */
export interface ShapeParam extends Base<readonly (number | string)[]> { readonly type: 'shape'; readonly allowInfer?: boolean }
export interface IntListParam extends Base<readonly number[]> { readonly type: 'ints'; readonly min?: number; readonly minLength?: number }
export interface TextParam extends Base<string> { readonly type: 'text'; readonly maxLength: number }
export interface TextListParam extends Base<readonly string[]> { readonly type: 'texts' }

export type ParamDef =
  | IntParam | FloatParam | BoolParam | ChoiceParam | SizeParam<string> | ShapeParam | IntListParam | TextParam | TextListParam;

export type ParamSchema = Readonly<Record<string, ParamDef>>;

/** The TypeScript type of a resolved parameter value. */
export type ParamType<D extends ParamDef> = D['default'];
export type ParamsOf<S extends ParamSchema> = { readonly [K in keyof S]: ParamType<S[K]> };

/** Constructors that keep literal choice types (`p.choice(['max','avg'], 'max', '…')` is typed `'max' | 'avg'`). */
export const p = {
  int: (d: number, doc: string, range: { min?: number; max?: number } = {}): IntParam => ({ type: 'int', default: d, doc, ...range }),
  float: (d: number, doc: string, range: { min?: number; max?: number; exclusiveMin?: boolean } = {}): FloatParam =>
    ({ type: 'float', default: d, doc, ...range }),
  bool: (d: boolean, doc: string): BoolParam => ({ type: 'bool', default: d, doc }),
  choice: <const C extends string>(choices: readonly C[], d: NoInfer<C>, doc: string): ChoiceParam<C> =>
    ({ type: 'choice', choices, default: d, doc }),
  size: <const K extends string = never>(d: number | readonly number[] | NoInfer<K>, doc: string, min = 1, keywords?: readonly K[]): SizeParam<K> =>
    ({ type: 'size', default: d, doc, min, ...(keywords ? { keywords } : {}) }),
  shape: (d: readonly (number | string)[], doc: string, allowInfer = false): ShapeParam => ({ type: 'shape', default: d, doc, allowInfer }),
  ints: (d: readonly number[], doc: string, min?: number): IntListParam => ({ type: 'ints', default: d, doc, ...(min === undefined ? {} : { min }) }),
  text: (d: string, doc: string, maxLength = 128): TextParam => ({ type: 'text', default: d, doc, maxLength }),
  texts: (d: readonly string[], doc: string): TextListParam => ({ type: 'texts', default: d, doc }),
};

const SYMBOL = /^[A-Z][A-Za-z0-9_]*$/;

function describeRange(min?: number, max?: number, exclusiveMin?: boolean): string {
  if (min !== undefined && max !== undefined) return `between ${min}${exclusiveMin ? ' (exclusive)' : ''} and ${max}`;
  if (min !== undefined) return exclusiveMin ? `greater than ${min}` : `at least ${min}`;
  return `at most ${max}`;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function checkRange(v: number, min: number | undefined, max: number | undefined, exclusiveMin = false): string | undefined {
  const low = min !== undefined && (exclusiveMin ? !(v > min) : !(v >= min));
  const high = max !== undefined && !(v <= max);
  return low || high ? `must be ${describeRange(min, max, exclusiveMin)}` : undefined;
}

/**
 * Why `value` is not acceptable for `def`, or undefined when it is. Hand-written rather than zod: it runs for every
 * param of every changed node on each edit, and the messages are written for the inspector.
 */
export function checkParam(def: ParamDef, value: unknown): string | undefined {
  switch (def.type) {
    case 'int':
      return isInt(value) ? checkRange(value, def.min, def.max) : 'must be a whole number';
    case 'float':
      return typeof value === 'number' && Number.isFinite(value) ? checkRange(value, def.min, def.max, def.exclusiveMin) : 'must be a finite number';
    case 'bool':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'choice':
      return typeof value === 'string' && def.choices.includes(value) ? undefined : `must be one of ${def.choices.join(', ')}`;
    case 'size': {
      const ok = (n: unknown) => isInt(n) && n >= def.min;
      if (ok(value) || (typeof value === 'string' && def.keywords?.includes(value))) return undefined;
      if (Array.isArray(value) && value.length >= 1 && value.length <= 3 && value.every(ok)) return undefined;
      return `must be a whole number ≥ ${def.min}, a list of 1–3 of them${def.keywords?.length ? `, or ${def.keywords.join('/')}` : ''}`;
    }
    case 'shape': {
      if (!Array.isArray(value) || value.length < 1 || value.length > 8) return 'must be a list of 1 to 8 dimensions';
      let holes = 0;
      for (const d of value) {
        if (typeof d === 'string') {
          if (!SYMBOL.test(d)) return `has ${JSON.stringify(d)}; symbols are capitalised names such as N or T`;
        } else if (d === -1 && def.allowInfer) holes++;
        else if (!isInt(d) || d < 1) return `has ${JSON.stringify(d)}; sizes must be whole numbers ≥ 1${def.allowInfer ? ' (or one -1)' : ''}`;
      }
      return holes > 1 ? 'may contain at most one -1' : undefined;
    }
    case 'ints':
      return Array.isArray(value) && value.length <= 64 && value.every((n) => isInt(n) && (def.min === undefined || n >= def.min))
        ? undefined : `must be a list of whole numbers${def.min === undefined ? '' : ` ≥ ${def.min}`}`;
    case 'text':
      return typeof value === 'string' && value.length <= def.maxLength ? undefined : `must be text of at most ${def.maxLength} characters`;
    case 'texts':
      return Array.isArray(value) && value.length <= 64 && value.every((t) => typeof t === 'string' && t.length >= 1 && t.length <= 128)
        ? undefined : 'must be a list of names (1–128 characters each)';
  }
}

export interface ParamProblem {
  readonly param: string;
  readonly message: string;
}

/**
 * Params with defaults filled in, plus the problems found. An invalid or unknown param is reported and its default
 * used, so one bad value does not hide every shape downstream.
 */
export function resolveParams<S extends ParamSchema>(
  schema: S, raw: Readonly<Record<string, ParamValue>>,
): { params: ParamsOf<S>; problems: ParamProblem[] } {
  const params: Record<string, unknown> = {};
  const problems: ParamProblem[] = [];
  for (const name of Object.keys(schema)) {
    const def = schema[name]!;
    if (!Object.hasOwn(raw, name)) {
      params[name] = def.default;
      continue;
    }
    const problem = checkParam(def, raw[name]);
    if (problem === undefined) params[name] = raw[name];
    else {
      problems.push({ param: name, message: `${name} = ${JSON.stringify(raw[name])} ${problem}` });
      params[name] = def.default;
    }
  }
  for (const name of Object.keys(raw)) if (!Object.hasOwn(schema, name)) problems.push({ param: name, message: `unknown parameter ${JSON.stringify(name)}` });
  return { params: params as ParamsOf<S>, problems };
}

/** Expand an int-or-list size to one entry per spatial axis. */
export function perAxis(value: number | readonly number[], rank: number): number[] {
  if (typeof value === 'number') return new Array<number>(rank).fill(value);
  return value.length === 1 ? new Array<number>(rank).fill(value[0]!) : [...value];
}
