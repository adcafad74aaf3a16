/** The PyTorch reference fixture (test/fixtures/pytorch/primitive-reference.json), decoded. */
import reference from '../fixtures/pytorch/primitive-reference.json' with { type: 'json' };
import type { DType } from '../../engine/ir/ops.ts';
import { decodeNumber, type JsonNumber } from './primitive-cases.ts';

export interface ReferenceTensor {
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly data: readonly number[];
}

interface Entry {
  readonly spec: unknown;
  readonly shape: number[];
  readonly dtype: DType;
  readonly data: JsonNumber[];
}

const decode = (e: Entry): ReferenceTensor => ({ shape: e.shape, dtype: e.dtype, data: e.data.map(decodeNumber) });
const entries = reference.cases as unknown as Record<string, Entry>;

export const TORCH_VERSION: string = reference.torch;

/** The spec a case had when the fixture was made (to detect a stale fixture). */
export const referenceSpec = (name: string): unknown => entries[name]?.spec;
export const referenceCaseNames = (): string[] => Object.keys(entries);

export function referenceOutput(name: string): ReferenceTensor {
  const entry = entries[name];
  if (!entry) throw new Error(`no reference for case "${name}"; regenerate with test/fixtures/pytorch/make_primitive_reference.py`);
  return decode(entry);
}

export const MLP_REFERENCE = { spec: reference.mlp.spec as unknown, output: decode(reference.mlp as unknown as Entry) };
