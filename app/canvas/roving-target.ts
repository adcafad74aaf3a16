/**
 * Keyboard moves within a list that is one Tab stop (a roving tabindex, as WAI-ARIA's composite widgets do): which
 * item a key moves focus to. The overview's node list (OverviewNodeList.tsx) uses it.
 */

/** How far PageUp and PageDown move in the list. */
const PAGE = 10;

/** The button index a key moves to from `index` in a list of `count`, or undefined for a key the list leaves alone. */
export function rovingTarget(key: string, index: number, count: number): number | undefined {
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown': case 'ArrowRight': return clamp(index + 1);
    case 'ArrowUp': case 'ArrowLeft': return clamp(index - 1);
    case 'PageDown': return clamp(index + PAGE);
    case 'PageUp': return clamp(index - PAGE);
    case 'Home': return 0;
    case 'End': return count - 1;
    default: return undefined;
  }
}
