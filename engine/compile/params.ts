/**
 * Typed parameter schemas for node kinds. One declaration per param gives its TypeScript type, its validation
 * (a zod schema), the inspector widget, and the generated docs — so the three never disagree.
 */
import { z } from 'zod';
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

/** The zod schema validating one param's value as found in a document. */
export function zodForParam(def: ParamDef): z.ZodType<ParamValue> {
  switch (def.type) {
    case 'int': {
      let s = z.number().int('must be a whole number');
      if (def.min !== undefined) s = s.min(def.min, `must be ${describeRange(def.min, def.max)}`);
      if (def.max !== undefined) s = s.max(def.max, `must be ${describeRange(def.min, def.max)}`);
      return s;
    }
    case 'float': {
      let s = z.number().finite();
      if (def.min !== undefined) s = def.exclusiveMin ? s.gt(def.min, `must be ${describeRange(def.min, def.max, true)}`) : s.min(def.min, `must be ${describeRange(def.min, def.max)}`);
      if (def.max !== undefined) s = s.max(def.max, `must be ${describeRange(def.min, def.max, def.exclusiveMin)}`);
      return s;
    }
    case 'bool':
      return z.boolean();
    case 'choice':
      return z.enum(def.choices as [string, ...string[]], { error: `must be one of ${def.choices.join(', ')}` });
    case 'size': {
      const n = z.number().int('must be a whole number').min(def.min, `must be at least ${def.min}`);
      const options: z.ZodType<ParamValue>[] = [n, z.array(n).min(1).max(3)];
      if (def.keywords?.length) options.push(z.enum(def.keywords as [string, ...string[]]));
      return z.union(options as [z.ZodType<ParamValue>, ...z.ZodType<ParamValue>[]], {
        error: `must be a whole number ≥ ${def.min}, a list of them${def.keywords?.length ? `, or ${def.keywords.join('/')}` : ''}`,
      });
    }
    case 'shape': {
      const dim = z.union([
        z.number().int().refine((d) => d >= 1 || (def.allowInfer === true && d === -1), { message: def.allowInfer ? 'sizes must be ≥ 1 or -1' : 'sizes must be ≥ 1' }),
        z.string().regex(SYMBOL, 'symbols are capitalised names such as N or T'),
      ]);
      return z.array(dim).min(1, 'needs at least one dimension').max(8, 'at most 8 dimensions')
        .refine((s) => s.filter((d) => d === -1).length <= 1, { message: 'at most one -1' });
    }
    case 'ints': {
      let n = z.number().int();
      if (def.min !== undefined) n = n.min(def.min);
      return z.array(n).max(64);
    }
    case 'text':
      return z.string().max(def.maxLength);
    case 'texts':
      return z.array(z.string().min(1).max(128)).max(64);
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
  schema: S, raw: Readonly<Record<string, ParamValue>>, zods: Readonly<Record<string, z.ZodType<ParamValue>>>,
): { params: ParamsOf<S>; problems: ParamProblem[] } {
  const params: Record<string, unknown> = {};
  const problems: ParamProblem[] = [];
  for (const name of Object.keys(schema)) {
    const def = schema[name]!;
    if (!Object.hasOwn(raw, name)) {
      params[name] = def.default;
      continue;
    }
    const result = zods[name]!.safeParse(raw[name]);
    if (result.success) params[name] = result.data;
    else {
      problems.push({ param: name, message: `${name} = ${JSON.stringify(raw[name])} ${result.error.issues[0]?.message ?? 'is invalid'}` });
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
