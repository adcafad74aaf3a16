/**
 * IDX, the file format of MNIST and Fashion-MNIST (http://yann.lecun.com/exdb/mnist/): a magic number of two zero
 * bytes, a data-type byte and the number of dimensions, then each dimension as a big-endian uint32, then the data
 * in row-major big-endian order. Files are often gzipped; readIdx recognises that by the gzip magic.
 */
import type { HostTensor } from '../backends/backend.ts';
import { BIG_ENDIAN_CODECS, decodeElements, type ElementCodec } from '../io/element-codec.ts';
import { fileElementCount } from '../io/element-count.ts';
import { DataError } from './data-error.ts';
import { gunzipIfCompressed } from './gzip.ts';

/** IDX data types by their type byte; integer types become i32, floats f32 (float64 kept as Float64Array). */
const IDX_TYPES: ReadonlyMap<number, { readonly name: string; readonly codec: ElementCodec }> = new Map([
  [0x08, { name: 'unsigned byte', codec: BIG_ENDIAN_CODECS.u8 }],
  [0x09, { name: 'signed byte', codec: BIG_ENDIAN_CODECS.i8 }],
  [0x0b, { name: 'short', codec: BIG_ENDIAN_CODECS.i16 }],
  [0x0c, { name: 'int', codec: BIG_ENDIAN_CODECS.i32 }],
  [0x0d, { name: 'float', codec: BIG_ENDIAN_CODECS.f32 }],
  [0x0e, { name: 'double', codec: BIG_ENDIAN_CODECS.f64 }],
]);

const hex = (byte: number): string => `0x${byte.toString(16).padStart(2, '0')}`;

/** Reads an uncompressed IDX file. */
export function parseIdx(bytes: Uint8Array, file: string): HostTensor {
  const fail = (detail: string): never => {
    throw new DataError(detail, { file });
  };
  if (bytes.length < 4) fail(`truncated: ${bytes.length} bytes, too short for the 4-byte IDX magic number`);
  if (bytes[0] !== 0 || bytes[1] !== 0) fail(`not an IDX file: it must start with two zero bytes, not ${hex(bytes[0]!)} ${hex(bytes[1]!)}`);
  const type = IDX_TYPES.get(bytes[2]!);
  if (!type) {
    return fail(`unknown IDX data type ${hex(bytes[2]!)} (known: ${[...IDX_TYPES].map(([b, t]) => `${hex(b)} ${t.name}`).join(', ')})`);
  }
  const rank = bytes[3]!;
  if (rank === 0) fail('an IDX file needs at least one dimension');
  const dataStart = 4 + 4 * rank;
  if (bytes.length < dataStart) fail(`truncated: ${rank} dimensions need ${dataStart} header bytes but the file has ${bytes.length}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shape = Array.from({ length: rank }, (_, d) => view.getUint32(4 + 4 * d, false));
  const count = fileElementCount(shape);
  if (count === undefined) return fail(`[${shape.join(',')}] has too many elements`);

  const expected = count * type.codec.bytes;
  const available = bytes.length - dataStart;
  if (available < expected) fail(`truncated: [${shape.join(',')}] of ${type.name} needs ${expected} bytes of data but ${available} follow the header`);
  if (available > expected) fail(`${available - expected} unexpected bytes after the ${expected} bytes of data`);
  // Every IDX integer type fits int32, so the range check never fires.
  const data = decodeElements(bytes, dataStart, count, type.codec, (index, value) => fail(`element ${index} is ${value}, outside int32`));
  return { shape, dtype: type.codec.host === 'i32' ? 'i32' : 'f32', data };
}

/** Reads an IDX file, gzipped or not. */
export async function readIdx(bytes: Uint8Array, file: string): Promise<HostTensor> {
  return parseIdx(await gunzipIfCompressed(bytes, file), file);
}
