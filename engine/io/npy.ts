/**
 * NumPy's .npy format (https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html): the magic
 * `\x93NUMPY`, a version (1.0: 2-byte header length; 2.0 and 3.0: 4-byte, 3.0 in UTF-8), a Python-literal header
 * `{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }` padded to a multiple of 64 bytes, then the data.
 *
 * Reads little-endian float16/32/64, int32/64 (int64 range-checked to int32), uint8 and bool; Fortran-ordered
 * arrays are transposed into row-major order. Writes what `numpy.save` writes for the same array, byte for byte.
 */
import type { HostArray, HostTensor } from '../backends/backend.ts';
import { decodeElements, encodeLittleEndian, hostArrayKind, LITTLE_ENDIAN_CODECS, newHostArray, type ElementCodec } from './element-codec.ts';
import { fileElementCount } from './element-count.ts';
import { hostTensorProblem } from './host-tensor-check.ts';
import { parsePythonLiteral, PythonLiteralError, type PythonLiteral } from './python-literal.ts';
import { TensorFileError } from './tensor-file-error.ts';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const PREFIX_BYTES = MAGIC.length + 2; // magic and the two version bytes
const ALIGN = 64;
const MAX_AXES = 64;
/** NumPy leaves room for the first dimension to grow to this many digits, so files can be appended to in place. */
const GROWTH_DIGITS = 21;

const READ_CODECS: ReadonlyMap<string, ElementCodec> = new Map([
  ['<f8', LITTLE_ENDIAN_CODECS.f64],
  ['<f4', LITTLE_ENDIAN_CODECS.f32],
  ['<f2', LITTLE_ENDIAN_CODECS.f16],
  ['<i8', LITTLE_ENDIAN_CODECS.i64],
  ['<i4', LITTLE_ENDIAN_CODECS.i32],
  ['|u1', LITTLE_ENDIAN_CODECS.u8],
  ['|b1', LITTLE_ENDIAN_CODECS.bool],
]);

const WRITE_DESCR = { f64: '<f8', f32: '<f4', i32: '<i4' } as const;

export function readNpy(bytes: Uint8Array, file = 'npy file'): HostTensor {
  const fail = (detail: string): never => {
    throw new TensorFileError('npy', file, detail);
  };
  if (bytes.length < PREFIX_BYTES || MAGIC.some((b, i) => bytes[i] !== b)) fail('not a .npy file (it does not start with \\x93NUMPY)');
  const major = bytes[6]!;
  const minor = bytes[7]!;
  if (minor !== 0 || major < 1 || major > 3) fail(`format version ${major}.${minor} is not one of 1.0, 2.0, 3.0`);
  const lengthBytes = major === 1 ? 2 : 4;
  const headerStart = PREFIX_BYTES + lengthBytes;
  if (bytes.length < headerStart) fail('truncated in the header length');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(PREFIX_BYTES, true) : view.getUint32(PREFIX_BYTES, true);
  const dataStart = headerStart + headerLength;
  if (dataStart > bytes.length) fail(`the header length ${headerLength} runs past the end of the file`);

  const headerText = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(headerStart, dataStart));
  const { codec, fortranOrder, shape, count } = readHeader(headerText, fail);

  const expected = count * codec.bytes;
  const available = bytes.length - dataStart;
  if (available < expected) fail(`truncated: [${shape.join(',')}] needs ${expected} bytes of data but ${available} follow the header`);
  if (available > expected) fail(`${available - expected} unexpected bytes after the ${expected} bytes of data`);
  const stored = decodeElements(bytes, dataStart, count, codec, (index, value) =>
    fail(`element ${index} is ${value}, outside the int32 range netloom computes in`));
  const data = fortranOrder ? fortranToRowMajor(stored, shape) : stored;
  return { shape, dtype: codec.host === 'i32' ? 'i32' : 'f32', data };
}

interface NpyHeader {
  readonly codec: ElementCodec;
  readonly fortranOrder: boolean;
  readonly shape: number[];
  readonly count: number;
}

function readHeader(text: string, fail: (detail: string) => never): NpyHeader {
  let header: PythonLiteral;
  try {
    header = parsePythonLiteral(text);
  } catch (error) {
    if (error instanceof PythonLiteralError) return fail(`the header is not a Python literal (${error.message})`);
    throw error;
  }
  const keys = header instanceof Map ? [...header.keys()] : [];
  if (!(header instanceof Map) || keys.length !== 3 || !['descr', 'fortran_order', 'shape'].every((k) => header.has(k))) {
    return fail(`the header must be a dict with exactly the keys 'descr', 'fortran_order' and 'shape'`);
  }
  const descr = header.get('descr');
  const fortranOrder = header.get('fortran_order');
  const shape = header.get('shape');
  if (typeof descr !== 'string') return fail('structured (record) arrays are not supported; save a plain numeric array');
  const codec = READ_CODECS.get(descr);
  if (!codec) {
    if (descr.startsWith('>') && READ_CODECS.has(`<${descr.slice(1)}`)) {
      return fail(`big-endian data ('${descr}') is not supported; save it little-endian with arr.astype('<${descr.slice(1)}')`);
    }
    return fail(`dtype '${descr}' is not supported; netloom reads ${[...READ_CODECS.keys()].join(' ')}`);
  }
  if (typeof fortranOrder !== 'boolean') return fail('fortran_order must be True or False');
  const count = Array.isArray(shape) ? fileElementCount(shape) : undefined;
  if (count === undefined) return fail(`shape must be a tuple of non-negative integers`);
  return { codec, fortranOrder, shape: shape as number[], count };
}

/** Reorders column-major data (first index fastest) into row-major order (last index fastest). */
function fortranToRowMajor(data: HostArray, shape: readonly number[]): HostArray {
  const out = newHostArray(hostArrayKind(data), data.length);
  const strides: number[] = [];
  let stride = 1;
  for (const d of shape) {
    strides.push(stride);
    stride *= d;
  }
  const index = shape.map(() => 0);
  let source = 0; // column-major position of `index`
  for (let i = 0; i < out.length; i++) {
    out[i] = data[source]!;
    // Advance the row-major multi-index, keeping the column-major position in step.
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      index[axis]!++;
      source += strides[axis]!;
      if (index[axis]! < shape[axis]!) break;
      source -= index[axis]! * strides[axis]!;
      index[axis] = 0;
    }
  }
  return out;
}

/** Python's repr of a tuple of ints: `()`, `(5,)`, `(2, 3)`. */
function shapeRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** The .npy bytes `numpy.save` writes for this tensor (f32 as <f4, Float64Array data as <f8, i32 as <i4). */
export function writeNpy(tensor: HostTensor): Uint8Array {
  const problem = hostTensorProblem(tensor);
  if (problem) throw new TensorFileError('npy', 'npy output', problem);
  if (tensor.shape.length > MAX_AXES) throw new TensorFileError('npy', 'npy output', `NumPy arrays have at most ${MAX_AXES} axes, not ${tensor.shape.length}`);
  const descr = WRITE_DESCR[hostArrayKind(tensor.data)];
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeRepr(tensor.shape)}, }`;
  const growth = tensor.shape.length > 0 ? ' '.repeat(GROWTH_DIGITS - String(tensor.shape[0]).length) : '';
  const header = dict + growth;

  // Version 1.0 (a 2-byte header length) always suffices: NumPy arrays have at most 64 axes.
  const lengthBytes = 2;
  const unpadded = PREFIX_BYTES + lengthBytes + header.length + 1; // +1 for the closing newline
  const headerLength = header.length + 1 + (ALIGN - (unpadded % ALIGN)); // NumPy pads a full 64 when already aligned
  const data = encodeLittleEndian(tensor.data);

  const headerStart = PREFIX_BYTES + lengthBytes;
  const out = new Uint8Array(headerStart + headerLength + data.length);
  out.set(MAGIC, 0);
  out[6] = 1; // version 1.0
  out[7] = 0;
  new DataView(out.buffer).setUint16(PREFIX_BYTES, headerLength, true);
  out.set(new TextEncoder().encode(header), headerStart); // the header is ASCII
  out.fill(0x20, headerStart + header.length, headerStart + headerLength - 1);
  out[headerStart + headerLength - 1] = 0x0a;
  out.set(data, headerStart + headerLength);
  return out;
}
