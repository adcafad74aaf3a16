/**
 * Writes the body of one generated Python function (forward() or compute_losses()): one statement per node in graph
 * order, plus the prologue those statements need — values loaded from the function's arguments, the sizes of
 * symbols (`N = data_features.shape[0]`) and the device new tensors go on. Only what a statement uses is loaded.
 */
import type { PortRef } from '../../graph/types.ts';
import type { OpAttrs } from '../../ir/ops.ts';
import type { Dim } from '../../ir/shape.ts';
import { ExportError } from '../export-error.ts';
import { portKey } from '../lowered-graph.ts';
import type { ComputeExport, PythonContext } from './kind-export.ts';
import { pythonNumber, pythonString } from './python-literal.ts';
import type { PythonPlan } from './python-plan.ts';

/** A value the function can read: its variable, and how to load it (undefined for a function argument). */
export interface Available {
  readonly ref: PortRef;
  readonly load?: string;
}

export interface FunctionOptions {
  /** Module attributes are `self.<name>`; without self (train.py), a module is made where it is used. */
  readonly self: boolean;
  /** Where the device comes from when no available value can tell it. */
  readonly fallbackDevice?: string;
}

export class PythonFunction {
  private readonly statements: string[] = [];
  private readonly loaded = new Set<string>();
  private readonly symbolsUsed = new Set<string>();
  private deviceUsed = false;
  private readonly available: ReadonlyMap<string, Available>;

  constructor(private readonly plan: PythonPlan, available: readonly Available[], private readonly options: FunctionOptions) {
    this.available = new Map(available.map((a) => [portKey(a.ref), a]));
  }

  /** Appends the statement computing node `id`. */
  add(id: string): void {
    const node = this.plan.nodes.get(id)!;
    const spec = node.export as ComputeExport;
    const ctx = this.contextOf(id);
    const attribute = spec.module ? (this.options.self ? `self.${node.name}` : spec.module(ctx)) : '';
    const targets = node.prepared.outputs.map((o) => node.outputs.get(o.name)!);
    const expression = spec.forward(ctx, attribute);
    // A kind with a dynamic list of outputs (Split) returns a sequence even when the list has one entry.
    const sequence = typeof node.prepared.kind!.outputs === 'function';
    this.statements.push(`${targets.join(', ')}${sequence && targets.length === 1 ? ',' : ''} = ${expression}`);
  }

  /** The variable of `ref`, loading it into the function when it comes from an argument. */
  use(ref: PortRef): string {
    const key = portKey(ref);
    if (this.available.has(key)) this.loaded.add(key);
    return this.plan.variable(ref);
  }

  /** The symbols no available value binds: forward() takes them as arguments. */
  unboundSymbols(): string[] {
    return [...this.symbolsUsed].filter((symbol) => !this.binder(symbol));
  }

  /** The whole body, indented by `indent`, ending with `result` (already written by the caller). */
  lines(indent: string, result: readonly string[]): string[] {
    const prologue: string[] = [];
    for (const symbol of this.symbolsUsed) {
      const binder = this.binder(symbol);
      if (!binder) continue;
      prologue.push(`${this.plan.symbols.get(symbol)!} = ${this.use(binder.ref)}.shape[${binder.axis}]`);
    }
    if (this.deviceUsed) prologue.push(`device = ${this.deviceSource()}`);
    const loads = [...this.available.values()].filter((a) => a.load !== undefined && this.loaded.has(portKey(a.ref)))
      .map((a) => `${this.plan.variable(a.ref)} = ${a.load}`);
    return [...loads, ...prologue, ...this.statements, ...result].map((line) => `${indent}${line}`);
  }

  private binder(symbol: string): { ref: PortRef; axis: number } | undefined {
    for (const a of this.available.values()) {
      const axis = this.plan.shape(a.ref).indexOf(symbol);
      if (axis >= 0) return { ref: a.ref, axis };
    }
    return undefined;
  }

  private deviceSource(): string {
    const first = [...this.available.values()][0];
    if (first) return `${this.use(first.ref)}.device`;
    if (this.options.fallbackDevice) return this.options.fallbackDevice;
    throw new ExportError('no value tells the device new tensors go on');
  }

  /** What a kind's export sees of node `id`; reading an input through it loads that input into the function. */
  contextOf(id: string): PythonContext {
    const { plan } = this;
    const node = plan.nodes.get(id)!;
    const params = node.prepared.params as Readonly<Record<string, unknown>>;
    const sourceOf = (port: string): PortRef | undefined => plan.source(id, port);
    const markDevice = (): string => {
      this.deviceUsed = true;
      return 'device';
    };
    const required = (port: string): PortRef => {
      const ref = sourceOf(port);
      if (!ref) throw new ExportError(`node ${JSON.stringify(id)}: input ${port} is not connected`);
      return ref;
    };
    return {
      param: (name) => params[name],
      number: (name) => params[name] as number,
      bool: (name) => params[name] as boolean,
      choice: (name) => params[name] as string,
      ints: (name) => params[name] as readonly number[],
      input: (port) => this.use(required(port)),
      optionalInput: (port) => {
        const ref = sourceOf(port);
        return ref && this.use(ref);
      },
      inputShape: (port) => plan.shape(required(port)),
      size: (dim: Dim) => {
        if (typeof dim === 'number') return pythonNumber(dim);
        this.symbolsUsed.add(dim);
        return plan.symbols.get(dim)!;
      },
      get device() {
        return markDevice();
      },
    };
  }
}

/** The netloom input name of a source port (`data.features`, or an Input node's id): the key of the batch dict. */
export function inputName(plan: PythonPlan, ref: PortRef): string {
  const value = plan.lowered.value(ref);
  const op = plan.lowered.program.ops.find((o) => o.out === value.id)!;
  return (op.attrs as OpAttrs['input']).name;
}

/** `batch["data.labels"]`: how train.py reads a source port. */
export const batchEntry = (plan: PythonPlan, ref: PortRef): string => `batch[${pythonString(inputName(plan, ref))}]`;
