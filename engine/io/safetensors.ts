/**
 * safetensors: the weight format of Hugging Face and of netloom's exports
 * (https://huggingface.co/docs/safetensors). Layout: an 8-byte little-endian header length N, N bytes of JSON
 * `{"__metadata__": {string: string}, name: {"dtype", "shape", "data_offsets": [begin, end]}, …}`, then the data,
 * each tensor row-major little-endian at `[begin, end)` relative to the end of the header.
 *
 * Reading is as strict as the reference implementation: the tensors must tile the data area exactly (no overlap, no
 * gap, nothing left over), and each byte range must match its dtype and shape. Writing produces the same bytes as
 * Python's `safetensors.numpy.save` for the same tensors and metadata (metadata entries in the order given; Python
 * writes several in an arbitrary order of its hash map).
 */
import type { HostTensor } from '../backends/backend.ts';
import { decodeElements, encodeLittleEndian, hostArrayKind, LITTLE_ENDIAN_CODECS, type ElementCodec } from './element-codec.ts';
import { fileElementCount } from './element-count.ts';
import { hostTensorProblem } from './host-tensor-check.ts';
import { TensorFileError } from './tensor-file-error.ts';

/** The dtypes netloom reads, and what they become: floats → f32 (F64 stays Float64Array), integers → i32. */
const READ_CODECS: ReadonlyMap<string, ElementCodec> = new Map([
  ['F64', LITTLE_ENDIAN_CODECS.f64],
  ['F32', LITTLE_ENDIAN_CODECS.f32],
  ['F16', LITTLE_ENDIAN_CODECS.f16],
  ['BF16', LITTLE_ENDIAN_CODECS.bf16],
  ['I64', LITTLE_ENDIAN_CODECS.i64],
  ['I32', LITTLE_ENDIAN_CODECS.i32],
  ['U8', LITTLE_ENDIAN_CODECS.u8],
]);

/**
 * The dtypes netloom writes, in the order the reference implementation lays tensors out: by dtype, largest first
 * (its dtype enum order, F64 > F32 > I32), then by name.
 */
const WRITE_DTYPES = { f64: 'F64', f32: 'F32', i32: 'I32' } as const;
const WRITE_ORDER: readonly string[] = ['F64', 'F32', 'I32'];

const METADATA_KEY = '__metadata__';
const HEADER_LENGTH_BYTES = 8;

export interface SafetensorsContents {
  /** The tensors in the order their data lies in the file. */
  readonly tensors: Map<string, HostTensor>;
  readonly metadata: Map<string, string>;
}

interface TensorEntry {
  readonly name: string;
  readonly codec: ElementCodec;
  readonly shape: readonly number[];
  readonly count: number;
  readonly begin: number;
  readonly end: number;
}

export function readSafetensors(bytes: Uint8Array, file = 'safetensors file'): SafetensorsContents {
  const fail = (detail: string): never => {
    throw new TensorFileError('safetensors', file, detail);
  };
  if (bytes.length < HEADER_LENGTH_BYTES) {
    fail(`truncated: ${bytes.length} bytes, too short for the 8-byte header length`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getBigUint64(0, true);
  const afterLength = bytes.length - HEADER_LENGTH_BYTES;
  if (headerLength > BigInt(afterLength)) {
    fail(`the header length ${headerLength} runs past the end of the file (${afterLength} bytes follow the length)`);
  }
  const dataStart = HEADER_LENGTH_BYTES + Number(headerLength);
  const header = parseHeader(bytes.subarray(HEADER_LENGTH_BYTES, dataStart), fail);

  const metadata = new Map<string, string>();
  const entries: TensorEntry[] = [];
  // Object.entries sees a "__proto__" key as an ordinary own property; results go into Maps, never into objects.
  for (const [name, value] of Object.entries(header)) {
    if (name === METADATA_KEY) readMetadata(value, metadata, fail);
    else entries.push(readEntry(name, value, fail));
  }
  checkLayout(entries, bytes.length - dataStart, fail);

  const tensors = new Map<string, HostTensor>();
  for (const entry of entries) {
    const data = decodeElements(bytes, dataStart + entry.begin, entry.count, entry.codec, (index, value) =>
      fail(`tensor ${JSON.stringify(entry.name)}: element ${index} is ${value}, outside the int32 range netloom computes in`));
    tensors.set(entry.name, { shape: entry.shape, dtype: entry.codec.host === 'i32' ? 'i32' : 'f32', data });
  }
  return { tensors, metadata };
}

function parseHeader(headerBytes: Uint8Array, fail: (detail: string) => never): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(headerBytes);
  } catch {
    return fail('the header is not valid UTF-8');
  }
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch (error) {
    return fail(`the header is not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(header)) return fail('the header must be a JSON object of tensors');
  return header;
}

function readMetadata(value: unknown, into: Map<string, string>, fail: (detail: string) => never): void {
  if (!isRecord(value)) fail(`${METADATA_KEY} must be an object of strings`);
  for (const [key, text] of Object.entries(value as Record<string, unknown>)) {
    if (typeof text !== 'string') fail(`${METADATA_KEY}[${JSON.stringify(key)}] must be a string`);
    into.set(key, text as string);
  }
}

function readEntry(name: string, value: unknown, fail: (detail: string) => never): TensorEntry {
  const where = `tensor ${JSON.stringify(name)}`;
  if (!isRecord(value)) return fail(`${where} must be an object with dtype, shape and data_offsets`);
  const { dtype, shape, data_offsets: offsets } = value;
  const codec = typeof dtype === 'string' ? READ_CODECS.get(dtype) : undefined;
  if (!codec) {
    return fail(`${where} has dtype ${JSON.stringify(dtype)}; netloom reads ${[...READ_CODECS.keys()].join(', ')}`);
  }
  const count = Array.isArray(shape) ? fileElementCount(shape) : undefined;
  if (count === undefined) return fail(`${where} has shape ${JSON.stringify(shape)}; it must be a list of non-negative integers`);
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isSafeInteger(o) && (o as number) >= 0)) {
    return fail(`${where} has data_offsets ${JSON.stringify(offsets)}; they must be [begin, end] byte positions`);
  }
  const [begin, end] = offsets as [number, number];
  if (end < begin) return fail(`${where} has data_offsets [${begin}, ${end}] that end before they begin`);
  if (end - begin !== count * codec.bytes) {
    return fail(`${where}: ${dtype} [${(shape as number[]).join(',')}] needs ${count * codec.bytes} bytes but data_offsets [${begin}, ${end}] span ${end - begin}`);
  }
  return { name, codec, shape: shape as number[], count, begin, end };
}

/** Tensors must cover the data area exactly: in offset order each begins where the previous one ended. */
function checkLayout(entries: TensorEntry[], dataLength: number, fail: (detail: string) => never): void {
  entries.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let cursor = 0;
  let previous: TensorEntry | undefined;
  for (const entry of entries) {
    const where = `tensor ${JSON.stringify(entry.name)} at [${entry.begin}, ${entry.end}]`;
    if (entry.end > dataLength) fail(`${where} runs past the end of the data (${dataLength} bytes)`);
    if (previous && entry.begin < cursor) {
      fail(`${where} overlaps tensor ${JSON.stringify(previous.name)} at [${previous.begin}, ${previous.end}]`);
    }
    if (entry.begin > cursor) fail(`bytes [${cursor}, ${entry.begin}) of the data belong to no tensor`);
    cursor = entry.end;
    previous = entry;
  }
  if (cursor !== dataLength) fail(`bytes [${cursor}, ${dataLength}) at the end of the data belong to no tensor`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Compares names by Unicode code point (UTF-8 byte order), as the reference implementation sorts them. */
function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * Writes tensors (f32 as F32, Float64Array data as F64, i32 as I32) and optional string metadata, in the byte
 * layout of the reference implementation. Throws TensorFileError for an inconsistent tensor or a reserved or
 * repeated name.
 */
export function writeSafetensors(
  tensors: Iterable<readonly [string, HostTensor]>,
  metadata: Iterable<readonly [string, string]> = [],
): Uint8Array {
  const fail = (detail: string): never => {
    throw new TensorFileError('safetensors', 'safetensors output', detail);
  };
  const seen = new Set<string>();
  const items: { name: string; dtype: string; shape: readonly number[]; bytes: Uint8Array }[] = [];
  for (const [name, tensor] of tensors) {
    if (name === METADATA_KEY) fail(`${METADATA_KEY} is reserved and cannot name a tensor`);
    if (seen.has(name)) fail(`two tensors are named ${JSON.stringify(name)}`);
    seen.add(name);
    const problem = hostTensorProblem(tensor);
    if (problem) fail(`tensor ${JSON.stringify(name)}: ${problem}`);
    items.push({ name, dtype: WRITE_DTYPES[hostArrayKind(tensor.data)], shape: tensor.shape, bytes: encodeLittleEndian(tensor.data) });
  }
  items.sort((a, b) => WRITE_ORDER.indexOf(a.dtype) - WRITE_ORDER.indexOf(b.dtype) || compareCodePoints(a.name, b.name));

  const fields: string[] = [];
  const metadataEntries = [...metadata];
  if (metadataEntries.length > 0) {
    fields.push(`${JSON.stringify(METADATA_KEY)}:{${metadataEntries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`);
  }
  let offset = 0;
  for (const item of items) {
    const end = offset + item.bytes.length;
    fields.push(`${JSON.stringify(item.name)}:{"dtype":"${item.dtype}","shape":[${item.shape.join(',')}],"data_offsets":[${offset},${end}]}`);
    offset = end;
  }
  const json = new TextEncoder().encode(`{${fields.join(',')}}`);
  // Spaces pad the header to a multiple of 8 bytes so that the data starts aligned for every dtype.
  const headerLength = json.length + ((8 - (json.length % 8)) % 8);

  const out = new Uint8Array(HEADER_LENGTH_BYTES + headerLength + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerLength), true);
  out.set(json, HEADER_LENGTH_BYTES);
  out.fill(0x20, HEADER_LENGTH_BYTES + json.length, HEADER_LENGTH_BYTES + headerLength);
  let position = HEADER_LENGTH_BYTES + headerLength;
  for (const item of items) {
    out.set(item.bytes, position);
    position += item.bytes.length;
  }
  return out;
}
