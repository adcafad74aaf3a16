/** A class's name for the user: the data's own (`classNames`, e.g. "Sandal") when it has them, else its index. */
import type { DataSummary } from '../protocol.ts';

export function classLabel(data: DataSummary | undefined, index: number): string {
  return data?.classNames?.[index] ?? String(index);
}
