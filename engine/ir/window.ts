/**
 * Sliding-window arithmetic shared by convolution and pooling (PyTorch's formulas). Nodes use these same
 * functions to explain a failure with the user's numbers, so the rule and its explanation cannot drift apart.
 */
/** Extent the kernel covers: d·(k−1)+1. */
export const effectiveKernel = (kernel: number, dilation: number): number => dilation * (kernel - 1) + 1;

/** ⌊(L + pad_total − d·(k−1) − 1)/s⌋ + 1, or ⌈…⌉ + 1 with ceil mode; may be ≤ 0 for a kernel larger than its input. */
export function windowOutputSize(
  length: number, kernel: number, stride: number, padTotal: number, dilation: number, ceilMode = false,
): number {
  const span = length + padTotal - effectiveKernel(kernel, dilation);
  let out = (ceilMode ? Math.ceil(span / stride) : Math.floor(span / stride)) + 1;
  // PyTorch: with ceil mode the last window must start inside the input or left padding.
  if (ceilMode && (out - 1) * stride >= length + padTotal / 2) out -= 1;
  return out;
}

/** True when the window does not tile the padded input exactly, so floor drops the last rows/columns. */
export function windowDivisionInexact(length: number, kernel: number, stride: number, padTotal: number, dilation: number): boolean {
  return (length + padTotal - effectiveKernel(kernel, dilation)) % stride !== 0;
}

/** (L−1)·s − 2p + d·(k−1) + output_padding + 1 (PyTorch ConvTranspose). */
export function transposedOutputSize(
  length: number, kernel: number, stride: number, padding: number, outputPadding: number, dilation: number,
): number {
  return (length - 1) * stride - 2 * padding + dilation * (kernel - 1) + outputPadding + 1;
}

/**
 * A symbolic length (e.g. T) survives a window only when the window provably preserves it:
 * stride 1 and total padding equal to d·(k−1).
 */
export function symbolicWindowPreserves(kernel: number, stride: number, padTotal: number, dilation: number): boolean {
  return stride === 1 && padTotal === effectiveKernel(kernel, dilation) - 1;
}
