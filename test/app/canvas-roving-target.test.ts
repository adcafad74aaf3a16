import { describe, expect, it } from 'vitest';
import { rovingTarget } from '../../app/canvas/roving-target.ts';

describe('rovingTarget', () => {
  it('moves one item with the arrows, ten with the page keys, to the ends with Home and End, never past them', () => {
    expect(rovingTarget('ArrowDown', 3, 50)).toBe(4);
    expect(rovingTarget('ArrowRight', 3, 50)).toBe(4);
    expect(rovingTarget('ArrowUp', 3, 50)).toBe(2);
    expect(rovingTarget('ArrowLeft', 0, 50)).toBe(0);
    expect(rovingTarget('ArrowDown', 49, 50)).toBe(49);
    expect(rovingTarget('PageDown', 45, 50)).toBe(49);
    expect(rovingTarget('PageUp', 12, 50)).toBe(2);
    expect(rovingTarget('Home', 30, 50)).toBe(0);
    expect(rovingTarget('End', 3, 50)).toBe(49);
  });

  it('leaves other keys (Enter, Tab, letters) to the list’s buttons and the page', () => {
    for (const key of ['Enter', ' ', 'Tab', 'a']) expect(rovingTarget(key, 3, 50)).toBeUndefined();
  });
});
