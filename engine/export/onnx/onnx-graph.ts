/**
 * Collects an ONNX graph: nodes, initializers, inputs and outputs, with unique tensor names. Names chosen by the
 * user (inputs, weights, outputs) are claimed first and kept as they are; generated names get a numeric suffix
 * where they would collide. Also the int64 shape tensors that symbolic sizes (N) need at run time.
 */
import type { DType } from '../../ir/ops.ts';
import { isSymbol, type Shape } from '../../ir/shape.ts';
import { ATTRIBUTE_TYPE, DATA_TYPE, type AttributeProto, type NodeProto, type TensorProto, type ValueInfoProto } from './onnx-proto.ts';

export type AttributeValue = number | readonly number[] | string | { readonly tensor: TensorProto } | { readonly float: number } | { readonly floats: readonly number[] };

export const ELEMENT_TYPE: Readonly<Record<DType, number>> = { f32: DATA_TYPE.FLOAT, i32: DATA_TYPE.INT32 };

function littleEndian(values: readonly number[], kind: 'f32' | 'i32' | 'i64'): Uint8Array {
  const width = kind === 'i64' ? 8 : 4;
  const view = new DataView(new ArrayBuffer(values.length * width));
  values.forEach((v, i) => {
    if (kind === 'f32') view.setFloat32(i * 4, v, true);
    else if (kind === 'i32') view.setInt32(i * 4, v, true);
    else view.setBigInt64(i * 8, BigInt(v), true);
  });
  return new Uint8Array(view.buffer);
}

export function tensorProto(values: readonly number[], dims: readonly number[], kind: 'f32' | 'i32' | 'i64', name?: string): TensorProto {
  const data_type = kind === 'f32' ? DATA_TYPE.FLOAT : kind === 'i32' ? DATA_TYPE.INT32 : DATA_TYPE.INT64;
  return { ...(name === undefined ? {} : { name }), dims, data_type, raw_data: littleEndian(values, kind) };
}

function attribute(name: string, value: AttributeValue): AttributeProto {
  if (typeof value === 'number') return { name, type: ATTRIBUTE_TYPE.INT, i: value };
  if (typeof value === 'string') return { name, type: ATTRIBUTE_TYPE.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: ATTRIBUTE_TYPE.INTS, ints: value as readonly number[] };
  if ('tensor' in value) return { name, type: ATTRIBUTE_TYPE.TENSOR, t: value.tensor };
  if ('float' in value) return { name, type: ATTRIBUTE_TYPE.FLOAT, f: value.float };
  return { name, type: ATTRIBUTE_TYPE.FLOATS, floats: (value as { floats: readonly number[] }).floats };
}

export function valueInfo(name: string, dtype: DType, shape: Shape): ValueInfoProto {
  return {
    name,
    type: { tensor_type: { elem_type: ELEMENT_TYPE[dtype], shape: { dim: shape.map((d) => (isSymbol(d) ? { dim_param: d } : { dim_value: d })) } } },
  };
}

export class OnnxGraph {
  readonly nodes: NodeProto[] = [];
  readonly initializers: TensorProto[] = [];
  readonly inputs: ValueInfoProto[] = [];
  readonly outputs: ValueInfoProto[] = [];
  private readonly names = new Set<string>();
  private readonly symbolSizes = new Map<string, string>();

  /** `symbolSources`: for each symbol, an input tensor and the axis whose size it is. */
  constructor(reserved: Iterable<string>, private readonly symbolSources: ReadonlyMap<string, { tensor: string; axis: number }>) {
    for (const name of reserved) this.names.add(name);
  }

  /** A fresh tensor or node name from `base`. */
  fresh(base: string): string {
    let name = base;
    for (let k = 1; this.names.has(name); k++) name = `${base}_${k}`;
    this.names.add(name);
    return name;
  }

  /** Appends a node and returns its (first) output name. */
  node(opType: string, inputs: readonly string[], attributes: Readonly<Record<string, AttributeValue>> = {}, output = this.fresh(opType.toLowerCase())): string {
    this.nodes.push({
      name: this.fresh(`${opType}_node`),
      op_type: opType,
      input: inputs,
      output: [output],
      attribute: Object.entries(attributes).map(([k, v]) => attribute(k, v)),
    });
    return output;
  }

  initializer(tensor: TensorProto): string {
    this.initializers.push(tensor);
    return tensor.name!;
  }

  /** A constant tensor (an initializer under a fresh name). */
  constant(values: readonly number[], dims: readonly number[], kind: 'f32' | 'i32' | 'i64'): string {
    return this.initializer(tensorProto(values, dims, kind, this.fresh('const')));
  }

  /** A 1-D int64 tensor of the given integers (axes, starts, shapes). */
  ints(values: readonly number[]): string {
    return this.constant(values, [values.length], 'i64');
  }

  /** `shape` as a 1-D int64 tensor, symbols read from the inputs' shapes at run time. */
  shapeTensor(shape: Shape): string {
    if (!shape.some(isSymbol)) return this.ints(shape as readonly number[]);
    const parts: string[] = [];
    let run: number[] = [];
    for (const d of shape) {
      if (!isSymbol(d)) {
        run.push(d);
        continue;
      }
      if (run.length > 0) parts.push(this.ints(run));
      run = [];
      parts.push(this.symbolSize(d));
    }
    if (run.length > 0) parts.push(this.ints(run));
    return parts.length === 1 ? parts[0]! : this.node('Concat', parts, { axis: 0 });
  }

  /** The size of a symbol as a 1-D int64 tensor of one element. */
  private symbolSize(symbol: string): string {
    const known = this.symbolSizes.get(symbol);
    if (known) return known;
    const source = this.symbolSources.get(symbol);
    if (!source) throw new Error(`no input has the dimension ${symbol}`);
    const size = this.node('Gather', [this.node('Shape', [source.tensor]), this.ints([source.axis])], { axis: 0 });
    this.symbolSizes.set(symbol, size);
    return size;
  }
}
