import { describe, expect, it } from 'vitest';
import { plotSizeFor } from '../../app/training/views/plot-size.ts';

describe('plotSizeFor', () => {
  it('draws the decision boundary as the largest square the view leaves room for above the caption', () => {
    expect(plotSizeFor({ width: 900, height: 548 }, 'square')).toEqual({ width: 500, height: 500 });
    expect(plotSizeFor({ width: 380, height: 900 }, 'square')).toEqual({ width: 380, height: 380 });
  });

  it('keeps within legible and affordable bounds', () => {
    expect(plotSizeFor({ width: 100, height: 100 }, 'square')).toEqual({ width: 240, height: 240 });
    expect(plotSizeFor({ width: 3000, height: 3000 }, 'square')).toEqual({ width: 720, height: 720 });
  });

  it('gives a fitted curve the view’s width, and no taller than wide', () => {
    expect(plotSizeFor({ width: 800, height: 400 }, 'wide')).toEqual({ width: 800, height: 352 });
    expect(plotSizeFor({ width: 300, height: 1000 }, 'wide')).toEqual({ width: 300, height: 300 });
    expect(plotSizeFor({ width: 2000, height: 500 }, 'wide')).toEqual({ width: 960, height: 452 });
  });

  it('keeps the size there was for a hidden view (an empty box)', () => {
    expect(plotSizeFor({ width: 0, height: 0 }, 'square')).toBeUndefined();
  });
});
