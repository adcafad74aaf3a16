/**
 * How one node kind becomes PyTorch: the contract between the PyTorch exporter and its per-kind entries
 * (kinds/*.ts). An entry never sees user text: inputs arrive as sanitised variable names, sizes as numbers or the
 * variables bound to symbols, and params are numbers, booleans and the kind's own choices.
 */
import type { Dim, Shape } from '../../ir/shape.ts';
import { pythonBool, pythonNumber, pythonString, pythonTuple } from './python-literal.ts';

export interface PythonContext {
  /** A resolved param (the default when the document leaves it out). */
  param(name: string): unknown;
  number(name: string): number;
  bool(name: string): boolean;
  choice(name: string): string;
  ints(name: string): readonly number[];
  /** The variable holding the value on a connected input port. */
  input(port: string): string;
  /** The same for an optional port, undefined when it is not connected. */
  optionalInput(port: string): string | undefined;
  inputShape(port: string): Shape;
  /** A dimension as Python: the number, or the variable bound to a symbol such as N. */
  size(dim: Dim): string;
  /** The variable holding the device new tensors are made on. */
  readonly device: string;
}

/** A node that computes in forward() (or, for losses, in train.py's compute_losses). */
export interface ComputeExport {
  readonly role: 'compute';
  /** The nn.Module constructor the node becomes, as an attribute named after the node; absent for plain functions. */
  readonly module?: (ctx: PythonContext) => string;
  /** Statements run after the module is made (non-default weight initialisation), given the attribute. */
  readonly initialise?: (ctx: PythonContext, attribute: string) => readonly string[];
  /** The expression of the node's outputs (a sequence in output-port order when it has several), given the attribute. */
  readonly forward: (ctx: PythonContext, attribute: string) => string;
  /** Losses that classify: the batch's accuracy as a scalar tensor, which train.py reports next to the loss. */
  readonly accuracy?: (ctx: PythonContext) => string;
}

/** An optimizer: the torch.optim constructor call, given the expression of the parameters it updates. */
export interface OptimizerExport {
  readonly role: 'optimizer';
  readonly create: (ctx: PythonContext, parameters: string) => string;
}

/** Dataset and Input nodes: their values are the model's inputs. */
export interface SourceExport {
  readonly role: 'source';
}

/** Output nodes: their inputs are what forward() returns. */
export interface OutputExport {
  readonly role: 'output';
}

export type PythonKindExport = ComputeExport | OptimizerExport | SourceExport | OutputExport;

/** `name(a, b, key=value)`, leaving out keyword arguments that are undefined (those at PyTorch's default). */
export function pythonCall(fn: string, positional: readonly string[], keywords: Readonly<Record<string, string | undefined>> = {}): string {
  const named = Object.entries(keywords).filter((entry): entry is [string, string] => entry[1] !== undefined).map(([k, v]) => `${k}=${v}`);
  return `${fn}(${[...positional, ...named].join(', ')})`;
}

/** A keyword value, or undefined (left out) when it equals PyTorch's default. */
export function unlessDefault<T>(value: T, fallback: T, write: (v: T) => string): string | undefined {
  return value === fallback ? undefined : write(value);
}

export const numberUnless = (value: number, fallback: number): string | undefined => unlessDefault(value, fallback, pythonNumber);
export const boolUnless = (value: boolean, fallback: boolean): string | undefined => unlessDefault(value, fallback, pythonBool);

/** A size param as PyTorch takes it: `3`, or `(3, 5)` for one entry per axis. */
export function pythonSize(value: unknown): string {
  if (typeof value === 'number') return pythonNumber(value);
  if (typeof value === 'string') return pythonString(value);
  const list = value as readonly number[];
  return list.length === 1 ? pythonNumber(list[0]!) : pythonTuple(list.map(pythonNumber));
}

/** A size param's value when it differs from `fallback` (a number, or the same number on every axis). */
export function sizeUnless(value: unknown, fallback: number): string | undefined {
  const list = typeof value === 'number' ? [value] : Array.isArray(value) ? value : undefined;
  return list && list.every((v) => v === fallback) ? undefined : pythonSize(value);
}
