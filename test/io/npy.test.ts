/** .npy against files written by numpy (test/fixtures/io/make_io_reference.py), malformed files and round trips. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNpy, writeNpy } from '../../engine/io/npy.ts';
import { TensorFileError } from '../../engine/io/tensor-file-error.ts';
import { expected, hostKindOf, hostTensorOf, referenceFile } from './reference-files.ts';
import { hostTensor } from './tensor-arbitrary.ts';
import { damagedCopies } from './damaged-bytes.ts';

/** A version 1.0 .npy file from its header text (padded with spaces and a newline) and data bytes. */
function npyOf(header: string, dataBytes = 0): Uint8Array {
  const text = header.padEnd(118 - 1) + '\n'; // 10 + 118 = 128, a multiple of 64 like numpy writes
  const out = new Uint8Array(10 + text.length + dataBytes);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, text.length, true);
  out.set(new TextEncoder().encode(text), 10);
  return out;
}

function expectRefusal(bytes: Uint8Array, message: RegExp): void {
  expect(() => readNpy(bytes, 'x.npy')).toThrow(TensorFileError);
  expect(() => readNpy(bytes, 'x.npy')).toThrow(message);
}

describe('reading files written by numpy', () => {
  for (const [file, want] of Object.entries(expected.npy)) {
    it(`reads ${file} (${want.dtype} [${want.shape.join(',')}])`, () => {
      const got = readNpy(referenceFile(file), file);
      const kind = hostKindOf(want.dtype);
      expect(got.shape).toEqual(want.shape);
      expect(got.dtype).toBe(kind.dtype);
      expect(got.data.constructor.name).toBe(kind.array);
      expect(Array.from(got.data)).toEqual(want.values);
    });
  }

  it('reads a version 3.0 file (4-byte header length, UTF-8 header)', () => {
    const header = "{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }".padEnd(128 - 12 - 1) + '\n'; // data at byte 128
    const bytes = new Uint8Array(12 + header.length + 8);
    bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 3, 0]);
    const view = new DataView(bytes.buffer);
    view.setUint32(8, header.length, true);
    bytes.set(new TextEncoder().encode(header), 12);
    view.setInt32(128, -7, true);
    view.setInt32(132, 9, true);
    expect(readNpy(bytes)).toEqual({ shape: [2], dtype: 'i32', data: Int32Array.from([-7, 9]) });
  });

  it('refuses big-endian data and says how to convert it', () => {
    expectRefusal(referenceFile('big-endian.npy'), /big-endian data \('>f4'\) is not supported; save it little-endian with arr\.astype\('<f4'\)/);
  });
  it('refuses structured arrays', () => expectRefusal(referenceFile('structured.npy'), /structured \(record\) arrays are not supported/));
  it('refuses an unsupported dtype, listing the ones it reads', () => {
    expectRefusal(referenceFile('complex.npy'), /dtype '<c8' is not supported; netloom reads <f8 <f4 <f2 <i8 <i4 \|u1 \|b1/);
  });
  it('refuses an int64 value outside int32', () => expectRefusal(referenceFile('i8-out-of-range.npy'), /element 1 is -34359738368, outside the int32 range/));
});

describe('writing', () => {
  for (const file of ['f4.npy', 'f8.npy', 'i4.npy', 'scalar.npy', 'empty.npy']) {
    it(`writes the same bytes as numpy.save for ${file}`, () => {
      expect(writeNpy(hostTensorOf(expected.npy[file]!))).toEqual(referenceFile(file));
    });
  }

  it('round-trips every tensor', () => {
    fc.assert(fc.property(hostTensor, (t) => {
      expect(readNpy(writeNpy(t))).toEqual({ ...t, shape: [...t.shape] });
    }), { numRuns: 300 });
  });

  it('aligns the data to 64 bytes whatever the shape', () => {
    // A trailing 0 keeps the data empty while the other dimensions make headers of every length.
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 12 }), { maxLength: 63 }), (dims) => {
      const shape = [...dims, 0];
      const bytes = writeNpy({ shape, dtype: 'f32', data: new Float32Array(0) });
      const headerLength = new DataView(bytes.buffer).getUint16(8, true);
      expect((10 + headerLength) % 64).toBe(0);
      expect(bytes[10 + headerLength - 1]).toBe(0x0a);
      expect(readNpy(bytes).shape).toEqual(shape);
    }), { numRuns: 200 });
  });

  it('refuses inconsistent tensors and more than 64 axes', () => {
    expect(() => writeNpy({ shape: [3], dtype: 'f32', data: new Float32Array(2) })).toThrow(/shape \[3\] needs 3 elements but the data holds 2/);
    expect(() => writeNpy({ shape: new Array<number>(65).fill(1), dtype: 'i32', data: new Int32Array(1) })).toThrow(/at most 64 axes, not 65/);
  });
});

describe('malformed files', () => {
  const f4 = (shape: string, extra = ''): string => `{'descr': '<f4', 'fortran_order': False, 'shape': ${shape}, ${extra}}`;

  it('not a .npy file', () => expectRefusal(new TextEncoder().encode('PK\x03\x04 zip'), /not a \.npy file/));
  it('an unknown version', () => {
    const bytes = npyOf(f4('(1,)'), 4);
    bytes[6] = 9;
    expectRefusal(bytes, /format version 9\.0 is not one of 1\.0, 2\.0, 3\.0/);
  });
  it('a header length beyond the file', () => expectRefusal(npyOf(f4('(1,)')).subarray(0, 60), /header length 118 runs past the end of the file/));
  it('a file cut inside the header length', () => expectRefusal(npyOf(f4('(1,)')).subarray(0, 9), /truncated in the header length/));
  it('truncated data', () => expectRefusal(npyOf(f4('(2, 3)'), 20), /truncated: \[2,3\] needs 24 bytes of data but 20 follow the header/));
  it('bytes after the data', () => expectRefusal(npyOf(f4('(2,)'), 12), /4 unexpected bytes after the 8 bytes of data/));
  it('a header that is not a Python literal', () => expectRefusal(npyOf("{'descr': <f4}"), /header is not a Python literal \(expected a value at character 11\)/));
  it('a header without the three keys', () => {
    expectRefusal(npyOf("{'descr': '<f4', 'shape': (1,)}", 4), /exactly the keys 'descr', 'fortran_order' and 'shape'/);
    expectRefusal(npyOf(f4('(1,)', "'extra': 1, "), 4), /exactly the keys/);
    expectRefusal(npyOf('[1, 2]'), /exactly the keys/);
  });
  it('a fortran_order that is not a bool', () => expectRefusal(npyOf("{'descr': '<f4', 'fortran_order': 0, 'shape': (1,)}", 4), /fortran_order must be True or False/));
  it('a shape that is not a tuple of non-negative integers', () => {
    expectRefusal(npyOf(f4('(-1,)')), /shape must be a tuple of non-negative integers/);
    expectRefusal(npyOf(f4("('2',)")), /shape must be a tuple/);
    expectRefusal(npyOf(f4('(3)'), 12), /shape must be a tuple/); // (3) is the integer 3 in Python
  });
  it('random bytes and damaged files give TensorFileError and nothing else', () => {
    const good = referenceFile('fortran.npy');
    const damaged = damagedCopies(good);
    fc.assert(fc.property(damaged, (bytes) => {
      try {
        readNpy(bytes);
      } catch (e) {
        expect(e).toBeInstanceOf(TensorFileError);
      }
    }), { numRuns: 500 });
  });
});
