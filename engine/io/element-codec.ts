/**
 * Stored elements ↔ host arrays. A format maps its dtype names (`F32`, `<f4`, IDX type 0x0D) to a codec here, and
 * one decoding loop serves every format. Reads go through a DataView because tensor data in a file need not be
 * aligned to its element size, and the byte order is the file's, not the host's.
 */
import type { HostArray } from '../backends/backend.ts';
import { bfloat16ToNumber, float16ToNumber } from './half-float.ts';

/** Which host array a tensor lands in: Float32Array, Float64Array (kept exact) or Int32Array. */
export type HostArrayKind = 'f32' | 'f64' | 'i32';

export interface ElementCodec {
  readonly bytes: number;
  readonly host: HostArrayKind;
  read(view: DataView, offset: number): number;
}

const codec = (bytes: number, host: HostArrayKind, read: (view: DataView, offset: number) => number): ElementCodec => ({ bytes, host, read });

/** Little-endian element types (safetensors and .npy store little-endian data). */
export const LITTLE_ENDIAN_CODECS = {
  f64: codec(8, 'f64', (v, o) => v.getFloat64(o, true)),
  f32: codec(4, 'f32', (v, o) => v.getFloat32(o, true)),
  f16: codec(2, 'f32', (v, o) => float16ToNumber(v.getUint16(o, true))),
  bf16: codec(2, 'f32', (v, o) => bfloat16ToNumber(v.getUint16(o, true))),
  // Exact below 2^53 and range-checked to int32 by decodeElements, so the rounding of larger values never matters.
  i64: codec(8, 'i32', (v, o) => Number(v.getBigInt64(o, true))),
  i32: codec(4, 'i32', (v, o) => v.getInt32(o, true)),
  u8: codec(1, 'i32', (v, o) => v.getUint8(o)),
  bool: codec(1, 'i32', (v, o) => (v.getUint8(o) === 0 ? 0 : 1)),
} as const satisfies Record<string, ElementCodec>;

/** Big-endian element types (the IDX files of MNIST). */
export const BIG_ENDIAN_CODECS = {
  f64: codec(8, 'f64', (v, o) => v.getFloat64(o, false)),
  f32: codec(4, 'f32', (v, o) => v.getFloat32(o, false)),
  i32: codec(4, 'i32', (v, o) => v.getInt32(o, false)),
  i16: codec(2, 'i32', (v, o) => v.getInt16(o, false)),
  i8: codec(1, 'i32', (v, o) => v.getInt8(o)),
  u8: codec(1, 'i32', (v, o) => v.getUint8(o)),
} as const satisfies Record<string, ElementCodec>;

export function newHostArray(kind: HostArrayKind, length: number): HostArray {
  return kind === 'f64' ? new Float64Array(length) : kind === 'f32' ? new Float32Array(length) : new Int32Array(length);
}

/**
 * Decodes `count` elements starting at `bytes[offset]`; the caller has checked that they lie inside `bytes`.
 * An integer that does not fit int32 is reported through `outOfRange` (which throws the format's error).
 */
export function decodeElements(
  bytes: Uint8Array, offset: number, count: number, codec: ElementCodec,
  outOfRange: (index: number, value: number) => never,
): HostArray {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, count * codec.bytes);
  const out = newHostArray(codec.host, count);
  for (let i = 0; i < count; i++) {
    const value = codec.read(view, i * codec.bytes);
    if (codec.host === 'i32' && (value | 0) !== value) outOfRange(i, value);
    out[i] = value;
  }
  return out;
}

export function hostArrayKind(data: HostArray): HostArrayKind {
  return data instanceof Float64Array ? 'f64' : data instanceof Float32Array ? 'f32' : 'i32';
}

/** The elements as little-endian bytes (float64 stays float64: nothing is rounded on the way out). */
export function encodeLittleEndian(data: HostArray): Uint8Array {
  const kind = hostArrayKind(data);
  const size = kind === 'f64' ? 8 : 4;
  const out = new Uint8Array(data.length * size);
  const view = new DataView(out.buffer);
  for (let i = 0; i < data.length; i++) {
    const value = data[i]!;
    if (kind === 'f64') view.setFloat64(i * 8, value, true);
    else if (kind === 'f32') view.setFloat32(i * 4, value, true);
    else view.setInt32(i * 4, value, true);
  }
  return out;
}
