/**
 * Fuzzy matching for the palette and quick-add: the query's characters must appear in order (so `cv2` finds
 * Conv2d and `bnorm` BatchNorm2d); matches at the start of the text or of a word, and runs of consecutive
 * characters, score higher, so the best match is listed first.
 */

/** A score for `query` in `text` (higher is better), or undefined when the characters do not all appear in order. */
export function fuzzyScore(query: string, text: string): number | undefined {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (q.length === 0) return 0;
  const t = text.toLowerCase();
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const ch of q) {
    const at = t.indexOf(ch, from);
    if (at < 0) return undefined;
    const wordStart = at === 0 || /[\s_\-.(]/.test(t[at - 1]!) || (text[at] !== t[at] && text[at - 1] === t[at - 1]);
    score += 1 + (at === previous + 1 ? 3 : 0) + (wordStart ? 2 : 0) + (at === 0 ? 3 : 0) - Math.min(at - from, 5) * 0.1;
    previous = at;
    from = at + 1;
  }
  // Shorter texts win ties: `ReLU` before `LeakyReLU` for `relu`.
  return score - t.length * 0.01;
}

/** The best score of `query` over several texts of one item, each weighted. */
export function bestScore(query: string, fields: readonly (readonly [string, number])[]): number | undefined {
  let best: number | undefined;
  for (const [text, weight] of fields) {
    const s = fuzzyScore(query, text);
    if (s !== undefined && (best === undefined || s * weight > best)) best = s * weight;
  }
  return best;
}
