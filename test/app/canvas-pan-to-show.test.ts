import { describe, expect, it } from 'vitest';
import { panToShow } from '../../app/canvas/pan-to-show.ts';

const pane = { width: 1000, height: 600 };

describe('panToShow', () => {
  it('leaves the view alone when the box is in it', () => {
    expect(panToShow({ x: 100, y: 100, width: 200, height: 80 }, { x: 0, y: 0, zoom: 0.5 }, pane)).toBeUndefined();
  });

  it('moves as little as brings the box inside, with a margin, at the same zoom', () => {
    // At zoom 0.5 the box spans x 1500–1600 on screen: shift left until its right edge is 24 px inside.
    expect(panToShow({ x: 3000, y: 100, width: 200, height: 80 }, { x: 0, y: 0, zoom: 0.5 }, pane)).toEqual({ x: 1000 - 24 - 1600, y: 0, zoom: 0.5 });
    // Above the pane: its top edge comes to 24 px below the pane's top.
    expect(panToShow({ x: 100, y: -500, width: 200, height: 80 }, { x: 0, y: 0, zoom: 0.5 }, pane)).toEqual({ x: 0, y: 24 + 250, zoom: 0.5 });
  });

  it('aligns a box larger than the pane at its start', () => {
    expect(panToShow({ x: 0, y: 100, width: 5000, height: 80 }, { x: -300, y: 0, zoom: 1 }, pane)).toEqual({ x: 24, y: 0, zoom: 1 });
  });
});
