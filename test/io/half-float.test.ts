/** 16-bit float decoding at the bit patterns IEEE 754 and bfloat16 define (fixture files cover ordinary values). */
import { describe, expect, it } from 'vitest';
import { bfloat16ToNumber, float16ToNumber } from '../../engine/io/half-float.ts';

describe('float16ToNumber', () => {
  it.each([
    [0x3c00, 1], [0xc000, -2], [0x7bff, 65504], [0x0400, 2 ** -14], [0x0001, 2 ** -24], [0x03ff, 1023 * 2 ** -24],
    [0x0000, 0], [0x8000, -0], [0x7c00, Infinity], [0xfc00, -Infinity], [0x3555, 0.333251953125],
  ])('decodes %s as %s', (bits, value) => expect(float16ToNumber(bits)).toBe(value));
  it('decodes every NaN pattern as NaN', () => {
    for (const bits of [0x7c01, 0x7e00, 0xfe00, 0x7fff]) expect(float16ToNumber(bits)).toBeNaN();
  });
});

describe('bfloat16ToNumber', () => {
  it.each([
    [0x3f80, 1], [0xc020, -2.5], [0x7f7f, 3.3895313892515355e38], [0x0080, 2 ** -126], [0x0001, 2 ** -133],
    [0x8000, -0], [0x7f80, Infinity], [0xff80, -Infinity],
  ])('decodes %s as %s', (bits, value) => expect(bfloat16ToNumber(bits)).toBe(value));
  it('decodes NaN patterns as NaN', () => expect(bfloat16ToNumber(0x7fc0)).toBeNaN());
});
