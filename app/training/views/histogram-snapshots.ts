/**
 * A run's histogram snapshots over time, with bounded memory: once the list reaches its cap, every second snapshot
 * of the older half goes, so the recent past stays dense and the start of the run stays visible, sparser (what
 * TensorBoard's reservoir does, without randomness).
 */
import type { HistogramsResult } from '../protocol.ts';

export const SNAPSHOT_CAP = 100;

/**
 * The list after `snapshot` arrives (a new array; the input is not changed). A snapshot at the last one's step
 * replaces it (the same weights, asked again after a status change); one at an earlier step means the weights were
 * re-initialised under the same run, so the list starts over from it.
 */
export function appendSnapshot(list: readonly HistogramsResult[], snapshot: HistogramsResult, cap = SNAPSHOT_CAP): HistogramsResult[] {
  const last = list[list.length - 1];
  if (last && snapshot.step < last.step) return [snapshot];
  const next = last && snapshot.step === last.step ? [...list.slice(0, -1), snapshot] : [...list, snapshot];
  return next.length > cap ? thinOlderHalf(next) : next;
}

/** Drops the odd-indexed snapshots of the older half (the very first one is kept: where the run began). */
function thinOlderHalf(list: readonly HistogramsResult[]): HistogramsResult[] {
  const half = Math.floor(list.length / 2);
  return list.filter((_, i) => i >= half || i % 2 === 0);
}
