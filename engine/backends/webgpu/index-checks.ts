/**
 * Out-of-range indices found on the GPU, reported as the CPU backend's Error. Every range-checked dispatch gets a
 * record of two words (the encoded first bad position, then the index found there; see indexing.ts) in a storage
 * buffer, at its own 256-byte-aligned offset so it can be bound with a dynamic offset. On flush the records of the
 * dispatches since the last flush are copied out with the rest of the work, cleared for reuse, and read: the first
 * dispatch (in order) with a bad index throws.
 */
import type { IndexCheck } from './kernel-spec.ts';

/** Records per storage buffer; more buffers are added when a flush interval holds more checked dispatches. */
const RECORDS_PER_BUFFER = 64;
const RECORD_WORDS = 2;

/** Position of flat element `flat` in a tensor of `shape`, as `[i, j, …]`. */
function positionOf(flat: number, shape: readonly number[]): string {
  const index = new Array<number>(shape.length);
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index[axis] = flat % shape[axis]!;
    flat = Math.floor(flat / shape[axis]!);
  }
  return `[${index.join(', ')}]`;
}

/** The CPU backend's message for index `value` at flat position `position` (cpu/indexing.ts words it the same). */
export function indexErrorMessage(check: IndexCheck, position: number, value: number): string {
  return `${check.op}: ${check.what} ${value} at position ${positionOf(position, check.indicesShape)} of the indices is out of range; valid ${check.what} indices are 0 to ${check.count - 1}`;
}

/** Where a dispatch's record lives: the buffer and the dynamic offset to bind it at. */
export interface RecordSlot {
  readonly buffer: GPUBuffer;
  /** Index of `buffer` among the record buffers (part of bind-group cache keys). */
  readonly bufferIndex: number;
  readonly offset: number;
}

/** Records read back at a flush, to be checked once the work is done. */
export interface PendingChecks {
  /** Resolves when the flushed work has finished; throws the first out-of-range index as an Error. */
  settle(): Promise<void>;
}

export class IndexChecks {
  private readonly buffers: GPUBuffer[] = [];
  private readonly used: IndexCheck[] = [];

  constructor(private readonly device: GPUDevice, private readonly stride: number) {}

  /** A fresh record for one checked dispatch. */
  take(check: IndexCheck): RecordSlot {
    const n = this.used.length;
    const bufferIndex = Math.floor(n / RECORDS_PER_BUFFER);
    if (bufferIndex === this.buffers.length) {
      this.buffers.push(this.device.createBuffer({
        label: `index checks ${bufferIndex}`, size: RECORDS_PER_BUFFER * this.stride,
        usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST,
      }));
    }
    this.used.push(check);
    return { buffer: this.buffers[bufferIndex]!, bufferIndex, offset: (n % RECORDS_PER_BUFFER) * this.stride };
  }

  /**
   * Records, on `encoder`, copying the used records to a readable buffer and clearing them; undefined when no
   * checked dispatch ran since the last flush. Call before submitting `encoder`.
   */
  collect(encoder: GPUCommandEncoder): PendingChecks | undefined {
    const checks = this.used.splice(0);
    if (checks.length === 0) return undefined;
    const readback = this.device.createBuffer({ label: 'index check readback', size: checks.length * this.stride, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    for (let start = 0; start < checks.length; start += RECORDS_PER_BUFFER) {
      const bytes = Math.min(RECORDS_PER_BUFFER, checks.length - start) * this.stride;
      const source = this.buffers[start / RECORDS_PER_BUFFER]!;
      encoder.copyBufferToBuffer(source, 0, readback, start * this.stride, bytes);
      encoder.clearBuffer(source, 0, bytes);
    }
    const stride = this.stride;
    return {
      async settle() {
        await readback.mapAsync(GPUMapMode.READ);
        const words = new Uint32Array(readback.getMappedRange().slice(0));
        readback.destroy();
        checks.forEach((check, k) => {
          const encoded = words[(k * stride) / 4]!;
          if (encoded === 0) return;
          const value = words[(k * stride) / 4 + RECORD_WORDS - 1]! | 0;
          throw new Error(indexErrorMessage(check, 0xffffffff - encoded, value));
        });
      },
    };
  }

  dispose(): void {
    for (const buffer of this.buffers) buffer.destroy();
    this.buffers.length = 0;
  }
}
