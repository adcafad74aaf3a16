/**
 * The part of ONNX's protobuf schema (onnx/onnx.proto, IR version 8) that netloom writes, as a protobufjs JSON
 * descriptor: message names, field names and field numbers exactly as in onnx.proto, so protobufjs encodes the
 * standard wire format. Only the fields netloom fills are listed; protobuf readers skip nothing they need.
 * encodeModel walks this descriptor with protobufjs's Writer (no .proto parser); it does not use protobufjs's
 * generated encoders, which compile code with `Function` and so fail under the editor's Content-Security-Policy
 * (no 'unsafe-eval'). decodeModel, which only the command line and tests use, does use them.
 */
import protobuf from 'protobufjs/light.js';

const field = (type: string, id: number, repeated = false) => ({ type, id, ...(repeated ? { rule: 'repeated' } : {}) });

const ONNX_SCHEMA = {
  nested: {
    onnx: {
      nested: {
        ModelProto: {
          fields: {
            ir_version: field('int64', 1),
            producer_name: field('string', 2),
            producer_version: field('string', 3),
            doc_string: field('string', 6),
            graph: field('GraphProto', 7),
            opset_import: field('OperatorSetIdProto', 8, true),
          },
        },
        OperatorSetIdProto: { fields: { domain: field('string', 1), version: field('int64', 2) } },
        GraphProto: {
          fields: {
            node: field('NodeProto', 1, true),
            name: field('string', 2),
            initializer: field('TensorProto', 5, true),
            input: field('ValueInfoProto', 11, true),
            output: field('ValueInfoProto', 12, true),
          },
        },
        NodeProto: {
          fields: {
            input: field('string', 1, true),
            output: field('string', 2, true),
            name: field('string', 3),
            op_type: field('string', 4),
            attribute: field('AttributeProto', 5, true),
          },
        },
        AttributeProto: {
          fields: {
            name: field('string', 1),
            f: field('float', 2),
            i: field('int64', 3),
            s: field('bytes', 4),
            t: field('TensorProto', 5),
            floats: field('float', 7, true),
            ints: field('int64', 8, true),
            type: field('int32', 20),
          },
        },
        ValueInfoProto: { fields: { name: field('string', 1), type: field('TypeProto', 2) } },
        TypeProto: {
          fields: { tensor_type: field('TensorTypeProto', 1) },
        },
        // TypeProto.Tensor in onnx.proto; a nested message's wire format does not depend on where it is declared.
        TensorTypeProto: { fields: { elem_type: field('int32', 1), shape: field('TensorShapeProto', 2) } },
        TensorShapeProto: { fields: { dim: field('Dimension', 1, true) } },
        // TensorShapeProto.Dimension in onnx.proto.
        Dimension: { fields: { dim_value: field('int64', 1), dim_param: field('string', 2) } },
        TensorProto: {
          fields: {
            dims: field('int64', 1, true),
            data_type: field('int32', 2),
            name: field('string', 8),
            raw_data: field('bytes', 9),
          },
        },
      },
    },
  },
};

/** AttributeProto.AttributeType values. */
export const ATTRIBUTE_TYPE = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, FLOATS: 6, INTS: 7 } as const;

/** TensorProto.DataType values. */
export const DATA_TYPE = { FLOAT: 1, INT32: 6, INT64: 7, BOOL: 9 } as const;

export interface TensorProto {
  readonly name?: string;
  readonly dims: readonly number[];
  readonly data_type: number;
  readonly raw_data: Uint8Array;
}

export interface AttributeProto {
  readonly name: string;
  readonly type: number;
  readonly f?: number;
  readonly i?: number;
  readonly s?: Uint8Array;
  readonly t?: TensorProto;
  readonly floats?: readonly number[];
  readonly ints?: readonly number[];
}

export interface NodeProto {
  readonly name: string;
  readonly op_type: string;
  readonly input: readonly string[];
  readonly output: readonly string[];
  readonly attribute: readonly AttributeProto[];
}

export interface ValueInfoProto {
  readonly name: string;
  readonly type: { readonly tensor_type: { readonly elem_type: number; readonly shape: { readonly dim: readonly ({ dim_value: number } | { dim_param: string })[] } } };
}

export interface ModelProto {
  readonly ir_version: number;
  readonly producer_name: string;
  readonly producer_version: string;
  readonly doc_string: string;
  readonly opset_import: readonly { readonly domain: string; readonly version: number }[];
  readonly graph: {
    readonly name: string;
    readonly node: readonly NodeProto[];
    readonly initializer: readonly TensorProto[];
    readonly input: readonly ValueInfoProto[];
    readonly output: readonly ValueInfoProto[];
  };
}

let modelType: protobuf.Type | undefined;
const model = (): protobuf.Type => (modelType ??= protobuf.Root.fromJSON(ONNX_SCHEMA).lookupType('onnx.ModelProto'));

/** The model in ONNX's binary protobuf encoding (a .onnx file). */
export function encodeModel(proto: ModelProto): Uint8Array {
  const writer = protobuf.Writer.create();
  writeMessage(model(), proto, writer);
  return writer.finish();
}

/** Protobuf wire types. */
const WIRE = { varint: 0, delimited: 2, fixed32: 5 } as const;
const SCALAR_WIRE: Record<string, number> = { string: WIRE.delimited, bytes: WIRE.delimited, float: WIRE.fixed32, int32: WIRE.varint, int64: WIRE.varint };
const tag = (id: number, wire: number) => ((id << 3) | wire) >>> 0;

function writeMessage(type: protobuf.Type, message: object, writer: protobuf.Writer): void {
  for (const field of type.fieldsArray) {
    const value = (message as Record<string, unknown>)[field.name];
    if (value === undefined || value === null) continue;
    const values = field.repeated ? (value as readonly unknown[]) : [value];
    const nested = field.resolve().resolvedType;
    if (nested instanceof protobuf.Type) {
      for (const v of values) {
        writer.uint32(tag(field.id, WIRE.delimited)).fork();
        writeMessage(nested, v as object, writer);
        writer.ldelim();
      }
    } else if (field.repeated && field.packed && SCALAR_WIRE[field.type] !== WIRE.delimited) {
      if (values.length === 0) continue;
      writer.uint32(tag(field.id, WIRE.delimited)).fork();
      for (const v of values) writeScalar(field.type, v, writer);
      writer.ldelim();
    } else {
      for (const v of values) {
        writer.uint32(tag(field.id, SCALAR_WIRE[field.type]!));
        writeScalar(field.type, v, writer);
      }
    }
  }
}

function writeScalar(type: string, value: unknown, writer: protobuf.Writer): void {
  switch (type) {
    case 'string': writer.string(value as string); return;
    case 'bytes': writer.bytes(value as Uint8Array); return;
    case 'float': writer.float(value as number); return;
    case 'int32': writer.int32(value as number); return;
    case 'int64': writer.int64(value as number); return;
    default: throw new Error(`onnx-proto: no writer for the field type ${type}`);
  }
}

/** Reads back what encodeModel writes (fields outside this schema are skipped); int64s come back as numbers. */
export function decodeModel(bytes: Uint8Array): ModelProto {
  const type = model();
  return type.toObject(type.decode(bytes), { longs: Number, defaults: false, arrays: true }) as unknown as ModelProto;
}
