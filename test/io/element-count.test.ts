/** Element counts of untrusted shapes: only exact, non-negative integer products pass. */
import { describe, expect, it } from 'vitest';
import { fileElementCount } from '../../engine/io/element-count.ts';

describe('fileElementCount', () => {
  it('multiplies the dimensions; an empty shape is one element', () => {
    expect(fileElementCount([2, 3, 4])).toBe(24);
    expect(fileElementCount([])).toBe(1);
  });
  it('is 0 with a zero dimension however large the others are', () => expect(fileElementCount([2 ** 52, 2 ** 52, 0])).toBe(0));
  it('refuses negative, fractional, non-numeric and unsafe dimensions', () => {
    for (const shape of [[-1], [1.5], ['3'], [null], [NaN], [2 ** 53]]) expect(fileElementCount(shape)).toBeUndefined();
  });
  it('refuses a product beyond 2^53', () => expect(fileElementCount([2 ** 30, 2 ** 30])).toBeUndefined());
});
