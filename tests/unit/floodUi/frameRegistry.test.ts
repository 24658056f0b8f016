import { describe, expect, it } from 'vitest';
import { FrameRegistry } from '../../../src/sim/flood/frameRegistry';
import type { FloodFrame } from '../../../src/sim/flood/frameRegistry';

const GRID = { nx: 2, ny: 1, dx: 2, x0: 0, yTop: 2, crs: 'EPSG:5897' };

function frame(t: number, depth: number[]): FloodFrame {
  return {
    t, depth: Float32Array.from(depth), speed: Float32Array.from(depth.map((d) => d * 2)),
    floodedBuildings: new Uint16Array(), floodedRoadMeters: 0, maxDepth: Math.max(...depth),
  };
}

describe('flood frame registry', () => {
  it('keeps the frames of a run by index and gives a cell its series', () => {
    const registry = new FrameRegistry();
    registry.open('a', { grid: GRID, buildings: [], roadMeters: 0 });
    expect(registry.addFrame('a', 0, frame(0, [0, 0]))).toBe(1);
    expect(registry.addFrame('a', 1, frame(60, [0.1, 0.2]))).toBe(2);
    expect(registry.cellSeries('a', 1)).toEqual({ t: [0, 60], depth: [0, expect.closeTo(0.2, 6)], speed: [0, expect.closeTo(0.4, 6)] });
  });

  it('keeps one run only: frames of an earlier run are dropped when a new one opens', () => {
    const registry = new FrameRegistry();
    registry.open('a', { grid: GRID, buildings: [], roadMeters: 0 });
    registry.addFrame('a', 0, frame(0, [1, 1]));
    registry.open('b', { grid: GRID, buildings: [], roadMeters: 0 });
    expect(registry.get('a')).toBeUndefined();
    expect(registry.addFrame('a', 1, frame(60, [1, 1]))).toBe(0);
    expect(registry.get('b')?.frames).toEqual([]);
    expect(registry.cellSeries(null, 0)).toEqual({ t: [], depth: [], speed: [] });
  });
});
