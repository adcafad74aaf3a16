/**
 * The split a view shows: the user's choice while the data has that split, else the default (test, validation,
 * train), so a run without the split chosen earlier falls back instead of asking for missing data.
 */
import { useState } from 'react';
import type { DataSummary } from '../protocol.ts';
import { availableSplits, defaultSplit, type Split } from './default-split.ts';

export function useChosenSplit(data: DataSummary | undefined): [Split | undefined, (split: Split) => void] {
  const [chosen, setChosen] = useState<Split | undefined>(undefined);
  if (!data) return [undefined, setChosen];
  return [chosen && availableSplits(data).includes(chosen) ? chosen : defaultSplit(data), setChosen];
}
