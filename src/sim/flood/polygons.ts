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

/** A polygon with the properties of the GeoJSON feature it came from (empty for bare geometries). */
export interface FeaturePolygon {
  polygon: Polygon;
  properties: Record<string, unknown>;
}

interface GeoJsonFeature {
  geometry: GeoJsonGeometry | null;
  properties?: Record<string, unknown> | null;
}

/** Every Polygon and MultiPolygon part of a GeoJSON text, each with its feature's properties. */
export function parseFeaturePolygons(text: string, field: string): FeaturePolygon[] {
  let json: { type?: string; features?: GeoJsonFeature[] } & GeoJsonFeature;
  try {
    json = JSON.parse(text) as typeof json;
  } catch (cause) {
    throw new ScenarioError(field, 'not valid JSON', { cause });
  }
  const found: FeaturePolygon[] = [];
  const collect = (g: GeoJsonGeometry | null | undefined, properties: Record<string, unknown>): void => {
    if (!g) return;
    if (g.type === 'GeometryCollection') g.geometries?.forEach((part) => collect(part, properties));
    if (g.type === 'Polygon') found.push({ polygon: ringsOf(g.coordinates as Position[][]), properties });
    if (g.type === 'MultiPolygon') for (const p of g.coordinates as Position[][][]) found.push({ polygon: ringsOf(p), properties });
  };
  if (json.type === 'FeatureCollection') json.features?.forEach((f) => collect(f.geometry, f.properties ?? {}));
  else if (json.type === 'Feature') collect(json.geometry, json.properties ?? {});
  else collect(json as GeoJsonGeometry, {});
  if (found.length === 0) throw new ScenarioError(field, 'GeoJSON has no Polygon or MultiPolygon');
  return found;
}

export function parsePolygonGeoJson(text: string, field: string): Polygon[] {
  return parseFeaturePolygons(text, field).map((f) => f.polygon);
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
