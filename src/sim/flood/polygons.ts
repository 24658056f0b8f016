/**
 * Polygons for burning into the grid: a CSV of `x,y` lines (one ring, closure implied) or GeoJSON (Polygon,
 * MultiPolygon, Feature, FeatureCollection; holes honoured). A cell belongs to a polygon when its centre does
 * (even–odd rule), the usual raster-burning convention (GDAL `gdal_rasterize` without ALL_TOUCHED).
 */
import { ScenarioError } from './ScenarioError';
import type { Grid } from './types';

/** One polygon as its rings (outer first, then holes), each a flat [x0, y0, x1, y1, …]. */
export type Polygon = number[][];

export function parsePolygonCsv(text: string, field: string): Polygon {
  const ring: number[] = [];
  text.split(/\r?\n/).forEach((line, n) => {
    const fields = line.trim().split(/[\s,;]+/).filter((f) => f.length > 0);
    if (fields.length === 0) return;
    const [x, y] = fields.map(Number);
    if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) {
      if (ring.length === 0 && n === 0) return; // a header line
      throw new ScenarioError(field, `line ${n + 1} is not "x,y": ${line.trim()}`);
    }
    ring.push(x, y);
  });
  if (ring.length < 6) throw new ScenarioError(field, 'a polygon needs at least 3 points');
  return [ring];
}

type Position = number[];
interface GeoJsonGeometry {
  type: string;
  coordinates?: unknown;
  geometries?: GeoJsonGeometry[];
}

function ringsOf(coordinates: Position[][]): Polygon {
  return coordinates.map((ring) => ring.flatMap((p) => [p[0]!, p[1]!]));
}

export function parsePolygonGeoJson(text: string, field: string): Polygon[] {
  let json: { type?: string; features?: { geometry: GeoJsonGeometry | null }[]; geometry?: GeoJsonGeometry | null };
  try {
    json = JSON.parse(text) as typeof json;
  } catch (cause) {
    throw new ScenarioError(field, 'not valid JSON', { cause });
  }
  const geometries: GeoJsonGeometry[] = [];
  const collect = (g: GeoJsonGeometry | null | undefined): void => {
    if (!g) return;
    if (g.type === 'GeometryCollection') g.geometries?.forEach(collect);
    else geometries.push(g);
  };
  if (json.type === 'FeatureCollection') json.features?.forEach((f) => collect(f.geometry));
  else if (json.type === 'Feature') collect(json.geometry);
  else collect(json as GeoJsonGeometry);
  const polygons: Polygon[] = [];
  for (const g of geometries) {
    if (g.type === 'Polygon') polygons.push(ringsOf(g.coordinates as Position[][]));
    if (g.type === 'MultiPolygon') for (const p of g.coordinates as Position[][][]) polygons.push(ringsOf(p));
  }
  if (polygons.length === 0) throw new ScenarioError(field, 'GeoJSON has no Polygon or MultiPolygon');
  return polygons;
}

/** Calls `visit(k)` for every cell whose centre lies inside the polygon (scanline, even–odd). */
export function burnPolygon(grid: Grid, polygon: Polygon, visit: (k: number) => void): void {
  const crossings: number[] = [];
  for (let j = 0; j < grid.ny; j++) {
    const y = grid.yTop - (j + 0.5) * grid.dx;
    crossings.length = 0;
    for (const ring of polygon) {
      const n = ring.length / 2;
      for (let a = 0, b = n - 1; a < n; b = a++) {
        const ya = ring[2 * a + 1]!;
        const yb = ring[2 * b + 1]!;
        if (ya > y !== yb > y) {
          const xa = ring[2 * a]!;
          const xb = ring[2 * b]!;
          crossings.push(xa + ((y - ya) / (yb - ya)) * (xb - xa));
        }
      }
    }
    crossings.sort((p, q) => p - q);
    for (let c = 0; c + 1 < crossings.length; c += 2) {
      const iFrom = Math.max(0, Math.ceil((crossings[c]! - grid.x0) / grid.dx - 0.5));
      const iTo = Math.min(grid.nx - 1, Math.floor((crossings[c + 1]! - grid.x0) / grid.dx - 0.5));
      for (let i = iFrom; i <= iTo; i++) visit(j * grid.nx + i);
    }
  }
}

/** Transforms every vertex in place (e.g. scenario CRS → DEM CRS). */
export function transformPolygon(polygon: Polygon, transform: (x: number, y: number) => [number, number]): void {
  for (const ring of polygon) {
    for (let p = 0; p < ring.length; p += 2) {
      const [x, y] = transform(ring[p]!, ring[p + 1]!);
      ring[p] = x;
      ring[p + 1] = y;
    }
  }
}
