/**
 * A .onnx model as text, one line per input, initializer, node and output, in the spirit of onnx.helper's
 * printable_graph: what the golden tests compare and what a curious user can read. Initializers show their shape
 * only; a node shows its attributes.
 */
import { ATTRIBUTE_TYPE, decodeModel, type AttributeProto, type ValueInfoProto } from './onnx-proto.ts';

const ELEMENT_NAMES: Readonly<Record<number, string>> = { 1: 'float', 6: 'int32', 7: 'int64', 9: 'bool' };

const q = (name: string): string => JSON.stringify(name);

function typeText(info: ValueInfoProto): string {
  const { elem_type, shape } = info.type.tensor_type;
  const dims = (shape.dim ?? []).map((d) => ('dim_param' in d ? d.dim_param : String(d.dim_value)));
  return `${ELEMENT_NAMES[elem_type] ?? `type ${elem_type}`}[${dims.join(',')}]`;
}

function attributeText(a: AttributeProto): string {
  switch (a.type) {
    case ATTRIBUTE_TYPE.INT: return `${a.name}=${a.i ?? 0}`;
    case ATTRIBUTE_TYPE.FLOAT: return `${a.name}=${a.f ?? 0}`;
    case ATTRIBUTE_TYPE.INTS: return `${a.name}=[${(a.ints ?? []).join(',')}]`;
    case ATTRIBUTE_TYPE.FLOATS: return `${a.name}=[${(a.floats ?? []).join(',')}]`;
    case ATTRIBUTE_TYPE.STRING: return `${a.name}=${q(new TextDecoder().decode(a.s))}`;
    case ATTRIBUTE_TYPE.TENSOR: return `${a.name}=tensor[${(a.t?.dims ?? []).join(',')}]`;
    default: return `${a.name}=?`;
  }
}

export function describeOnnx(bytes: Uint8Array): string {
  const { ir_version, opset_import, graph } = decodeModel(bytes);
  const lines = [`ir_version ${ir_version}, opset ${opset_import.map((o) => `${o.domain || 'ai.onnx'} ${o.version}`).join(', ')}`];
  for (const input of graph.input ?? []) lines.push(`input ${q(input.name)} ${typeText(input)}`);
  for (const t of graph.initializer ?? []) lines.push(`initializer ${q(t.name!)} [${(t.dims ?? []).join(',')}]`);
  for (const node of graph.node ?? []) {
    const attributes = (node.attribute ?? []).map(attributeText);
    lines.push(`${(node.output ?? []).map(q).join(', ')} = ${node.op_type}(${(node.input ?? []).map(q).join(', ')})${attributes.length ? ` {${attributes.join(', ')}}` : ''}`);
  }
  for (const output of graph.output ?? []) lines.push(`output ${q(output.name)} ${typeText(output)}`);
  return `${lines.join('\n')}\n`;
}
