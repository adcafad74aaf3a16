/** Text formatting for terminal tables and figures. */

/** 1234567 → "1,234,567". */
export const grouped = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Bytes as KiB/MiB with one decimal. */
export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}

/** Left-aligns text columns and right-aligns numeric ones. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const rule = '─'.repeat(widths.reduce((a, w) => a + w, 0) + 2 * (widths.length - 1));
  return [line(header), rule, ...rows.map(line), rule].join('\n');
}
