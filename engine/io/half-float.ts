/** Decoding the 16-bit float formats of model files into ordinary numbers. */

/** IEEE 754 binary16 (numpy float16, PyTorch float16): 1 sign bit, 5 exponent bits (bias 15), 10 fraction bits. */
export function float16ToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24; // zero and subnormals
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : NaN;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

// bfloat16 is the upper half of a float32, so it decodes by reinterpreting the widened bits. Both views share one
// buffer in host byte order, so this holds on any host.
const widened = new Uint32Array(1);
const asFloat32 = new Float32Array(widened.buffer);

/** bfloat16 (PyTorch's bfloat16): the top 16 bits of an IEEE float32. */
export function bfloat16ToNumber(bits: number): number {
  widened[0] = (bits & 0xffff) << 16;
  return asFloat32[0]!;
}
