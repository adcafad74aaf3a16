/** IDX files (the MNIST format) built byte by byte, gzipped with Node's zlib, and damaged. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../engine/data/data-error.ts';
import { gunzip, isGzip } from '../../engine/data/gzip.ts';
import { parseIdx, readIdx } from '../../engine/data/idx.ts';
import { dataErrorMessage } from './data-error-message.ts';

/** Header bytes for a type byte and big-endian uint32 dimensions, followed by `data`. */
function idx(type: number, dims: number[], data: number[]): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  const view = new DataView(out.buffer);
  out.set([0, 0, type, dims.length]);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(data, 4 + 4 * dims.length);
  return out;
}

const refusal = (bytes: Uint8Array): string => dataErrorMessage(() => parseIdx(bytes, 'images.idx'));

describe('parseIdx', () => {
  it('reads unsigned bytes as i32 with the stored dimensions', () => {
    expect(parseIdx(idx(0x08, [2, 3], [0, 1, 2, 253, 254, 255]), 'x')).toEqual({ shape: [2, 3], dtype: 'i32', data: Int32Array.from([0, 1, 2, 253, 254, 255]) });
  });

  it('reads the big-endian signed and float types', () => {
    expect(Array.from(parseIdx(idx(0x09, [2], [0xff, 0x7f]), 'x').data)).toEqual([-1, 127]);
    expect(Array.from(parseIdx(idx(0x0b, [2], [0xff, 0xfe, 0x01, 0x00]), 'x').data)).toEqual([-2, 256]);
    expect(Array.from(parseIdx(idx(0x0c, [1], [0x80, 0, 0, 0]), 'x').data)).toEqual([-(2 ** 31)]);
    const f32 = parseIdx(idx(0x0d, [1], [0x3f, 0xc0, 0, 0]), 'x'); // 1.5
    expect(f32).toEqual({ shape: [1], dtype: 'f32', data: Float32Array.from([1.5]) });
    const f64 = parseIdx(idx(0x0e, [1], [0xc0, 0x09, 0x21, 0xfb, 0x54, 0x44, 0x2d, 0x18]), 'x'); // −π
    expect(f64.data).toEqual(Float64Array.from([-Math.PI]));
  });

  it('refuses damaged files with the reason', () => {
    expect(refusal(new Uint8Array([0, 0]))).toBe('images.idx: truncated: 2 bytes, too short for the 4-byte IDX magic number');
    expect(refusal(idx(0x08, [1], [1]).map((b, i) => (i === 0 ? 0x50 : b)))).toBe('images.idx: not an IDX file: it must start with two zero bytes, not 0x50 0x00');
    expect(refusal(idx(0x0a, [1], [1]))).toMatch(/^images\.idx: unknown IDX data type 0x0a \(known: 0x08 unsigned byte, 0x09 signed byte, 0x0b short, 0x0c int, 0x0d float, 0x0e double\)$/);
    expect(refusal(idx(0x08, [], []))).toBe('images.idx: an IDX file needs at least one dimension');
    expect(refusal(idx(0x08, [10, 28, 28], []).subarray(0, 10))).toBe('images.idx: truncated: 3 dimensions need 16 header bytes but the file has 10');
    expect(refusal(idx(0x08, [2, 2], [1, 2, 3]))).toBe('images.idx: truncated: [2,2] of unsigned byte needs 4 bytes of data but 3 follow the header');
    expect(refusal(idx(0x0c, [1], [0, 0, 0, 1, 9]))).toBe('images.idx: 1 unexpected bytes after the 4 bytes of data');
    expect(refusal(idx(0x08, [65536, 65536, 65536, 65536], []))).toBe('images.idx: [65536,65536,65536,65536] has too many elements');
  });
});

describe('readIdx and gzip', () => {
  const file = idx(0x08, [3], [7, 8, 9]);

  it('reads a gzipped file the same as the plain one, recognised by the gzip magic', async () => {
    const zipped = new Uint8Array(gzipSync(file));
    expect(isGzip(zipped)).toBe(true);
    expect(isGzip(file)).toBe(false);
    expect(await readIdx(zipped, 'x.gz')).toEqual(parseIdx(file, 'x'));
    expect(await readIdx(file, 'x')).toEqual(parseIdx(file, 'x'));
  });

  it('refuses a truncated gzip stream, naming the file', async () => {
    const zipped = new Uint8Array(gzipSync(file));
    await expect(readIdx(zipped.subarray(0, zipped.length - 6), 'labels.gz')).rejects.toThrow(/^labels\.gz: not a valid gzip stream/);
    await expect(gunzip(new Uint8Array([0x1f, 0x8b, 1, 2, 3]), 'bad.gz')).rejects.toBeInstanceOf(DataError);
  });
});
