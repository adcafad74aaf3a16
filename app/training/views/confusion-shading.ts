/**
 * The confusion matrix as the view shades it: each cell's share of its row (of the samples of that true class, how
 * many got this prediction), so a rare class's mistakes show as clearly as a common one's.
 */

export interface ConfusionCell {
  readonly count: number;
  /** count / the row's total; 0 in an empty row. */
  readonly share: number;
  /** Diagonal cells are right answers, the others mistakes (shaded in different colours). */
  readonly correct: boolean;
}

export interface ConfusionRow {
  readonly total: number;
  readonly cells: readonly ConfusionCell[];
}

export function confusionRows(confusion: readonly (readonly number[])[]): ConfusionRow[] {
  return confusion.map((row, t) => {
    const total = row.reduce((sum, count) => sum + count, 0);
    return { total, cells: row.map((count, p) => ({ count, share: total > 0 ? count / total : 0, correct: t === p })) };
  });
}

/** Opacity of a cell's colour: none for an empty cell, at least a visible tint for any count, full for the whole row. */
export function cellOpacity(cell: ConfusionCell): number {
  return cell.count === 0 ? 0 : 0.12 + 0.78 * cell.share;
}

/** Text on a strongly shaded cell is light, so counts stay readable on both themes. */
export const cellIsDark = (cell: ConfusionCell): boolean => cellOpacity(cell) >= 0.55;
