/** The chunker's arithmetic on hand-made geometry: y-up → z-up, the offset, mirrored placements, chunk limits. */
import { describe, expect, it } from 'vitest';
import { GeometryChunker } from '../../../src/bim/ifc/GeometryChunker';

/** One triangle in the local x-y plane of web-ifc, counter-clockwise seen from +z, normals +z. */
const TRIANGLE = new Float32Array([0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1]);
const INDICES = new Uint32Array([0, 1, 2]);
const WHITE = { x: 1, y: 1, z: 1, w: 1 };
const IDENTITY = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

function chunker(offset: [number, number, number] = [0, 0, 0]) {
  return new GeometryChunker({ offset, firstChunkTriangles: 2, chunkTriangles: 3 });
}

function windingNormal(positions: Float32Array, indices: Uint32Array): number[] {
  const p = (i: number) => [positions[3 * i]!, positions[3 * i + 1]!, positions[3 * i + 2]!];
  const [a, b, c] = [p(indices[0]!), p(indices[1]!), p(indices[2]!)];
  const u = [b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!];
  const v = [c[0]! - a[0]!, c[1]! - a[1]!, c[2]! - a[2]!];
  return [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!];
}

describe('GeometryChunker', () => {
  it("turns web-ifc's y-up world into IFC's z-up frame: web-ifc (x, y, z) is IFC (x, −z, y)", () => {
    const c = chunker();
    c.beginElement(7);
    // Translation to web-ifc (10, 20, 30): IFC (10, −30, 20).
    c.addGeometry(TRIANGLE, INDICES, [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 10, 20, 30, 1], WHITE);
    const chunk = c.flush()!;
    expect(Array.from(chunk.positions.slice(0, 3))).toEqual([10, -30, 20]);
    // Normal web-ifc +z is IFC −y.
    expect(Array.from(chunk.normals.slice(0, 3))).toEqual([0, -1, 0]);
    expect(Array.from(chunk.elementRanges)).toEqual([7, 0, 3]);
    expect(Array.from(chunk.vertexElementIds)).toEqual([7, 7, 7]);
    expect(Array.from(chunk.colors.slice(0, 4))).toEqual([255, 255, 255, 255]);
  });

  it('subtracts the offset in float64 before rounding to float32: millimetres survive map coordinates', () => {
    const c = chunker([500_000, -5_400_000, 0]);
    c.beginElement(1);
    c.addGeometry(TRIANGLE, INDICES, [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 500_000.001, 0, 5_400_000.002, 1], WHITE);
    const chunk = c.flush()!;
    expect(chunk.positions[0]).toBeCloseTo(0.001, 6);
    expect(chunk.positions[1]).toBeCloseTo(-0.002, 6);
  });

  it('a mirroring placement flips the winding so that it still agrees with the (mirrored) normals', () => {
    for (const transform of [IDENTITY, [-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]]) {
      const c = chunker();
      c.beginElement(1);
      c.addGeometry(TRIANGLE, INDICES, transform, WHITE);
      const chunk = c.flush()!;
      const n = windingNormal(chunk.positions, chunk.indices);
      const dot = n[0]! * chunk.normals[0]! + n[1]! * chunk.normals[1]! + n[2]! * chunk.normals[2]!;
      expect(dot).toBeGreaterThan(0);
    }
  });

  it('normals of a non-uniformly scaled placement stay perpendicular to the surface', () => {
    // A slanted face (normal (1, 1, 0)/√2) stretched 3× along web-ifc x.
    const slanted = new Float32Array([1, 0, 0, 0.7071, 0.7071, 0, 0, 1, 0, 0.7071, 0.7071, 0, 0, 1, 1, 0.7071, 0.7071, 0]);
    const c = chunker();
    c.beginElement(1);
    c.addGeometry(slanted, INDICES, [3, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1], WHITE);
    const chunk = c.flush()!;
    const edge = [chunk.positions[3]! - chunk.positions[0]!, chunk.positions[4]! - chunk.positions[1]!, chunk.positions[5]! - chunk.positions[2]!];
    const along = edge[0]! * chunk.normals[0]! + edge[1]! * chunk.normals[1]! + edge[2]! * chunk.normals[2]!;
    expect(along).toBeCloseTo(0, 5);
    expect(Math.hypot(chunk.normals[0]!, chunk.normals[1]!, chunk.normals[2]!)).toBeCloseTo(1, 6);
  });

  it('closes the first chunk at its smaller size, keeps an element whole, drops indices past the vertices', () => {
    const c = chunker();
    expect(c.flush()).toBeNull();
    c.beginElement(1);
    c.addGeometry(TRIANGLE, INDICES, IDENTITY, WHITE);
    expect(c.isFull()).toBe(false);
    c.addGeometry(TRIANGLE, new Uint32Array([0, 1, 2, 0, 1, 9]), IDENTITY, WHITE);
    expect(c.isFull()).toBe(true);
    const first = c.flush()!;
    expect(first.chunkIndex).toBe(0);
    expect(first.indices.length).toBe(6);
    expect(Array.from(first.elementRanges)).toEqual([1, 0, 6]);
    c.beginElement(2);
    c.addGeometry(TRIANGLE, INDICES, IDENTITY, WHITE);
    c.addGeometry(TRIANGLE, INDICES, IDENTITY, WHITE);
    expect(c.isFull()).toBe(false);
    c.beginElement(3);
    c.addGeometry(TRIANGLE, INDICES, IDENTITY, WHITE);
    expect(c.isFull()).toBe(true);
    const second = c.flush()!;
    expect(second.chunkIndex).toBe(1);
    expect(Array.from(second.elementRanges)).toEqual([2, 0, 6, 3, 6, 3]);
    expect(Array.from(second.indices.slice(6))).toEqual([6, 7, 8]);
  });

  it('grows past its initial capacity without losing data', () => {
    const c = new GeometryChunker({ offset: [0, 0, 0], firstChunkTriangles: 1e9, chunkTriangles: 1e9 });
    c.beginElement(1);
    for (let i = 0; i < 5000; i++) c.addGeometry(TRIANGLE, INDICES, [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, i, 0, 0, 1], WHITE);
    const chunk = c.flush()!;
    expect(chunk.vertexElementIds.length).toBe(15_000);
    expect(chunk.positions[3 * 14_999]).toBe(4999);
    expect(chunk.indices[3 * 4999 + 2]).toBe(14_999);
  });
});
