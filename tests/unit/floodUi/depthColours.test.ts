import { describe, expect, it } from 'vitest';
import { DEPTH_CLASSES, paintDepth } from '../../../src/scene/flood/depthColours';
import { gridMesh } from '../../../src/scene/flood/gridGeoreference';
import { createTransform } from '../../../src/geo';

describe('water layer', () => {
  it('paints dry and outside cells clear, wet cells by class with the given alpha', () => {
    const out = paintDepth(Float32Array.from([0, NaN, 0.02, 0.2, 0.31, 3]), 200, new Uint8ClampedArray(24));
    expect([out[3], out[7]]).toEqual([0, 0]);
    expect([...out.slice(8, 12)]).toEqual([...DEPTH_CLASSES[0]!.rgb, 200]);
    expect([...out.slice(12, 15)]).toEqual([...DEPTH_CLASSES[2]!.rgb]);
    expect([...out.slice(16, 19)]).toEqual([...DEPTH_CLASSES[3]!.rgb]);
    expect([...out.slice(20, 23)]).toEqual([...DEPTH_CLASSES.at(-1)!.rgb]);
  });

  it('places the mesh on the grid corners (EPSG:5897 → WGS 84), rotated against the graticule', () => {
    const grid = { nx: 282, ny: 284, dx: 2, x0: 580962, yTop: 2327772, crs: 'EPSG:5897' };
    const mesh = gridMesh(grid, 4);
    const toGrid = createTransform('EPSG:4326', 'EPSG:5897');
    const [x, y] = toGrid(mesh.lonLat[0]!, mesh.lonLat[1]!);
    expect(x).toBeCloseTo(grid.x0, 2); // the round trip through WGS 84 is good to a millimetre
    expect(y).toBeCloseTo(grid.yTop, 2);
    // North-west and south-west corners differ in longitude: grid north is not true north here (convergence ~0.3°).
    const last = mesh.lonLat.length / 2 - 5;
    const convergence = Math.atan2((mesh.lonLat[0]! - mesh.lonLat[2 * last]!) * Math.cos((21.04 * Math.PI) / 180), mesh.lonLat[1]! - mesh.lonLat[2 * last + 1]!);
    expect(Math.abs((convergence * 180) / Math.PI)).toBeGreaterThan(0.2);
    expect(Math.abs((convergence * 180) / Math.PI)).toBeLessThan(0.4);
    expect([mesh.st[0], mesh.st[1]]).toEqual([0, expect.closeTo(1, 4)]);
    expect(mesh.indices).toHaveLength(4 * 4 * 6);
  });
});
