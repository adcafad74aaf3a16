/**
 * safetensors against files written by Hugging Face's Python library (test/fixtures/io/make_io_reference.py), hand-built
 * malformed files, and round trips over generated tensors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HostTensor } from '../../engine/backends/backend.ts';
import { readSafetensors, writeSafetensors } from '../../engine/io/safetensors.ts';
import { TensorFileError } from '../../engine/io/tensor-file-error.ts';
import { expected, hostKindOf, hostTensorOf, referenceFile } from './reference-files.ts';
import { hostTensor } from './tensor-arbitrary.ts';
import { damagedCopies } from './damaged-bytes.ts';

/** A safetensors file from its header text and data bytes; `declared` overrides the header length field. */
function fileOf(header: string, dataBytes = 0, declared?: bigint): Uint8Array {
  const json = new TextEncoder().encode(header);
  const out = new Uint8Array(8 + json.length + dataBytes);
  new DataView(out.buffer).setBigUint64(0, declared ?? BigInt(json.length), true);
  out.set(json, 8);
  return out;
}

function expectRefusal(bytes: Uint8Array, message: RegExp): void {
  let error: unknown;
  try {
    readSafetensors(bytes, 'model.safetensors');
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(TensorFileError);
  expect((error as Error).message).toMatch(/^model\.safetensors: /);
  expect((error as Error).message).toMatch(message);
}

describe('reading files written by Python', () => {
  for (const [file, reference] of Object.entries(expected.safetensors)) {
    it(`reads ${file}: every tensor, dtype conversion and metadata`, () => {
      const { tensors, metadata } = readSafetensors(referenceFile(file), file);
      expect(Object.fromEntries(metadata)).toEqual(reference.metadata);
      expect([...tensors.keys()].sort()).toEqual(Object.keys(reference.tensors).sort());
      for (const [name, want] of Object.entries(reference.tensors)) {
        const got = tensors.get(name)!;
        const kind = hostKindOf(want.dtype);
        expect(got.shape, name).toEqual(want.shape);
        expect(got.dtype, name).toBe(kind.dtype);
        expect(got.data.constructor.name, name).toBe(kind.array);
        expect(Array.from(got.data), name).toEqual(want.values);
      }
    });
  }

  it('refuses an int64 value that int32 cannot hold, naming the tensor', () => {
    expect(() => readSafetensors(referenceFile('int64-out-of-range.safetensors'))).toThrow(/tensor "big": element 1 is 1099511627776, outside the int32 range/);
  });
});

describe('writing', () => {
  const reference = expected.safetensors['written-by-python.safetensors']!;
  const tensors = Object.entries(reference.tensors).map(([name, t]) => [name, hostTensorOf(t)] as const);
  const metadata = Object.entries(reference.metadata);

  it('produces the same bytes as Python’s safetensors.numpy.save', () => {
    expect(writeSafetensors(tensors, metadata)).toEqual(referenceFile('written-by-python.safetensors'));
  });

  it('lays tensors out in the same order whatever order they are given in', () => {
    expect(writeSafetensors([...tensors].reverse(), metadata)).toEqual(referenceFile('written-by-python.safetensors'));
  });

  it('pads the header with spaces to a multiple of 8 bytes and omits empty metadata', () => {
    const bytes = writeSafetensors([['x', { shape: [1], dtype: 'f32', data: new Float32Array([1]) }]]);
    const length = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    const header = new TextDecoder().decode(bytes.subarray(8, 8 + length));
    // 54 bytes of JSON and two spaces.
    expect(length).toBe(56);
    expect(header).toBe('{"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}  ');
  });

  it('refuses a reserved or repeated name and an inconsistent tensor', () => {
    const t: HostTensor = { shape: [2], dtype: 'f32', data: new Float32Array(2) };
    expect(() => writeSafetensors([['__metadata__', t]])).toThrow(/__metadata__ is reserved/);
    expect(() => writeSafetensors([['a', t], ['a', t]])).toThrow(/two tensors are named "a"/);
    expect(() => writeSafetensors([['a', { ...t, shape: [3] }]])).toThrow(/tensor "a": shape \[3\] needs 3 elements but the data holds 2/);
    expect(() => writeSafetensors([['a', { ...t, dtype: 'i32' }]])).toThrow(/dtype i32 does not match its Float32Array data/);
    expect(() => writeSafetensors([['a', { ...t, shape: [-2] }]])).toThrow(TensorFileError);
  });
});

describe('round trips', () => {
  it('returns every tensor and metadata entry unchanged, whatever the names', () => {
    const name = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'toString', '0', 'a.b'))
      .filter((n) => n !== '__metadata__');
    const tensors = fc.uniqueArray(fc.tuple(name, hostTensor), { selector: ([n]) => n, maxLength: 5 });
    const metadata = fc.uniqueArray(fc.tuple(fc.string(), fc.string()), { selector: ([k]) => k, maxLength: 3 });
    fc.assert(fc.property(tensors, metadata, (ts, meta) => {
      const read = readSafetensors(writeSafetensors(ts, meta));
      expect(new Map(ts.map(([n, t]) => [n, { ...t, shape: [...t.shape] }]))).toEqual(read.tensors);
      expect(read.metadata).toEqual(new Map(meta));
    }), { numRuns: 300 });
  });

  it('keeps a tensor named __proto__ as data, never as a prototype', () => {
    const t: HostTensor = { shape: [1], dtype: 'i32', data: new Int32Array([5]) };
    const read = readSafetensors(writeSafetensors([['__proto__', t]], [['__proto__', 'x']]));
    expect(read.tensors.get('__proto__')).toEqual(t);
    expect(read.metadata.get('__proto__')).toBe('x');
    expect(({} as Record<string, unknown>)['dtype']).toBeUndefined();
  });
});

describe('malformed files', () => {
  const tensor = (offsets: string, shape = '[2]', dtype = 'F32'): string => `{"dtype":"${dtype}","shape":${shape},"data_offsets":${offsets}}`;

  it('a file shorter than the header length field', () => expectRefusal(new Uint8Array(5), /truncated: 5 bytes/));
  it('a header length beyond the file', () => expectRefusal(fileOf('{}', 0, 1000n), /header length 1000 runs past the end of the file \(2 bytes/));
  it('a header length beyond 2^53', () => expectRefusal(fileOf('{}', 0, 2n ** 63n), /header length 9223372036854775808 runs past/));
  it('a header that is not JSON', () => expectRefusal(fileOf('{"a":'), /header is not valid JSON/));
  it('a header that is not UTF-8', () => {
    const bytes = fileOf('{"xx":1}');
    bytes[10] = 0xff;
    expectRefusal(bytes, /not valid UTF-8/);
  });
  it('a header that is not an object', () => expectRefusal(fileOf('[1,2]'), /must be a JSON object/));
  it('a tensor entry that is not an object', () => expectRefusal(fileOf('{"w":3}'), /tensor "w" must be an object/));
  it('an unknown dtype', () => expectRefusal(fileOf(`{"w":${tensor('[0,2]', '[2]', 'Q4')}}`, 2), /tensor "w" has dtype "Q4"; netloom reads F64, F32, F16, BF16, I64, I32, U8/));
  it('a shape that is not a list of non-negative integers', () => {
    expectRefusal(fileOf(`{"w":${tensor('[0,8]', '[-2]')}}`, 8), /tensor "w" has shape \[-2\]/);
    expectRefusal(fileOf(`{"w":${tensor('[0,8]', '[1.5]')}}`, 8), /tensor "w" has shape \[1.5\]/);
    expectRefusal(fileOf(`{"w":${tensor('[0,8]', '"2"')}}`, 8), /tensor "w" has shape "2"/);
  });
  it('data_offsets that are not two byte positions', () => {
    expectRefusal(fileOf(`{"w":${tensor('[0]')}}`, 8), /data_offsets \[0\]; they must be \[begin, end\]/);
    expectRefusal(fileOf(`{"w":${tensor('[8,0]')}}`, 8), /data_offsets \[8, 0\] that end before they begin/);
  });
  it('a byte count that does not match dtype and shape', () => {
    expectRefusal(fileOf(`{"w":${tensor('[0,12]', '[2]')}}`, 12), /tensor "w": F32 \[2\] needs 8 bytes but data_offsets \[0, 12\] span 12/);
  });
  it('offsets beyond the data', () => expectRefusal(fileOf(`{"w":${tensor('[0,8]')}}`, 4), /tensor "w" at \[0, 8\] runs past the end of the data \(4 bytes\)/));
  it('overlapping tensors', () => {
    expectRefusal(fileOf(`{"a":${tensor('[0,8]')},"b":${tensor('[4,12]')}}`, 12), /tensor "b" at \[4, 12\] overlaps tensor "a" at \[0, 8\]/);
  });
  it('a gap between tensors', () => expectRefusal(fileOf(`{"a":${tensor('[4,12]')}}`, 12), /bytes \[0, 4\) of the data belong to no tensor/));
  it('bytes after the last tensor', () => expectRefusal(fileOf(`{"a":${tensor('[0,8]')}}`, 10), /bytes \[8, 10\) at the end of the data belong to no tensor/));
  it('metadata that is not a map of strings', () => {
    expectRefusal(fileOf('{"__metadata__":{"epochs":3}}'), /__metadata__\["epochs"\] must be a string/);
    expectRefusal(fileOf('{"__metadata__":[]}'), /__metadata__ must be an object of strings/);
  });
  it('a hostile header with a __proto__ tensor pollutes nothing', () => {
    const read = readSafetensors(fileOf(`{"__proto__":${tensor('[0,8]')}}`, 8));
    expect(read.tensors.get('__proto__')?.shape).toEqual([2]);
    expect(Object.getPrototypeOf(read.tensors)).toBe(Map.prototype);
    expect(({} as Record<string, unknown>)['data_offsets']).toBeUndefined();
  });
  it('random bytes and cut files give TensorFileError and nothing else', () => {
    const good = referenceFile('all-dtypes.safetensors');
    const damaged = damagedCopies(good);
    fc.assert(fc.property(damaged, (bytes) => {
      try {
        readSafetensors(bytes);
      } catch (e) {
        expect(e).toBeInstanceOf(TensorFileError);
      }
    }), { numRuns: 500 });
  });
});
