/**
 * Per-axis lookup tables for the windowed kernels (pooling, resize), packed into one array of 32-bit words bound as
 * the plan's `table`. An N-d window is the product of its axes' lists, so each axis contributes a list per output
 * index (which inputs it reads) and, for the gradients, the inverted list per input index (which outputs read it).
 * Lists are stored CSR-style: `starts` (length + 1 words) then the entries; the kernels loop over them with the
 * table offsets baked in.
 */
import { u32Literal } from './wgsl-math.ts';

/** Where one packed list family lives in the table: list j is entries[starts[j]] … entries[starts[j+1]−1]. */
export interface PackedLists {
  readonly starts: number;
  readonly entries: number;
}

export class TableWriter {
  private readonly words: number[] = [];

  /** Appends lists of 32-bit words (unsigned integers, or float bits from `floatBits`) and returns their offsets. */
  lists(lists: readonly (readonly number[])[]): PackedLists {
    const starts = this.words.length;
    let position = 0;
    for (const list of lists) {
      this.words.push(position);
      position += list.length;
    }
    this.words.push(position);
    const entries = this.words.length;
    for (const list of lists) this.words.push(...list);
    return { starts, entries };
  }

  /** Appends plain words and returns their offset. */
  words32(values: readonly number[]): number {
    const at = this.words.length;
    this.words.push(...values);
    return at;
  }

  finish(): Uint32Array {
    return Uint32Array.from(this.words.length > 0 ? this.words : [0]);
  }
}

const scratch = new DataView(new ArrayBuffer(4));

/** The bits of a float32, to store a weight in the table (read back with `bitcast<f32>`). */
export function floatBits(x: number): number {
  scratch.setFloat32(0, x);
  return scratch.getUint32(0);
}

/**
 * WGSL for a loop over list `list` (a u32 expression) of a packed family, binding `entry` to each entry; `body`
 * is the loop body. `table` is the binding's name.
 */
export function forEachEntry(table: string, lists: PackedLists, list: string, cursor: string, entry: string, body: string): string {
  return `for (var ${cursor} = ${table}[${u32Literal(lists.starts)} + ${list}]; ${cursor} < ${table}[${u32Literal(lists.starts)} + ${list} + 1u]; ${cursor}++) {
  let ${entry} = ${table}[${u32Literal(lists.entries)} + ${cursor}];
  ${body}
}`;
}

/** The inverse of per-output lists over `inputLength` inputs: for each input, the outputs whose list holds it (ascending). */
export function invertLists(lists: readonly (readonly number[])[], inputLength: number): number[][] {
  const inverse: number[][] = Array.from({ length: inputLength }, () => []);
  lists.forEach((list, o) => {
    for (const i of list) inverse[i]!.push(o);
  });
  return inverse;
}
