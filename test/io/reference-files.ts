/** The Python-written reference files of test/fixtures/io (made by make_io_reference.py) and their expected values. */
import { readFileSync } from 'node:fs';
import type { HostTensor } from '../../engine/backends/backend.ts';

const FIXTURES = new URL('../fixtures/io/', import.meta.url);

export interface ExpectedTensor {
  /** The numpy dtype name the values were stored with (bfloat16 for the one tensor numpy has no dtype for). */
  readonly dtype: string;
  readonly shape: number[];
  /** Row-major values; exact for every float dtype because JSON numbers are doubles. */
  readonly values: number[];
}

interface Expected {
  readonly safetensors: Record<string, { metadata: Record<string, string>; tensors: Record<string, ExpectedTensor> }>;
  readonly npy: Record<string, ExpectedTensor>;
}

export const expected = JSON.parse(readFileSync(new URL('expected.json', FIXTURES), 'utf8')) as Expected;

export function referenceFile(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

/** The host tensor a writer gets to reproduce a reference file: float32 → Float32Array, float64 → Float64Array, int32. */
export function hostTensorOf(t: ExpectedTensor): HostTensor {
  switch (t.dtype) {
    case 'float32': return { shape: t.shape, dtype: 'f32', data: Float32Array.from(t.values) };
    case 'float64': return { shape: t.shape, dtype: 'f32', data: Float64Array.from(t.values) };
    case 'int32': return { shape: t.shape, dtype: 'i32', data: Int32Array.from(t.values) };
    default: throw new Error(`no host tensor holds ${t.dtype} as written`);
  }
}

/** What netloom's readers turn a stored dtype into. */
export function hostKindOf(dtype: string): { dtype: 'f32' | 'i32'; array: string } {
  if (dtype === 'float64') return { dtype: 'f32', array: 'Float64Array' };
  if (dtype.startsWith('float') || dtype === 'bfloat16') return { dtype: 'f32', array: 'Float32Array' };
  return { dtype: 'i32', array: 'Int32Array' };
}
