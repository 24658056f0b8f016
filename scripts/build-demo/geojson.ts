/**
 * GeoJSON (RFC 7946) output helpers: rounded coordinates, right-hand-rule rings (§3.1.6: exterior rings
 * counter-clockwise, holes clockwise), and a stable text form with one feature per line so diffs stay readable.
 */
import type { LonLat, PolygonRings, Ring } from './osmGeometry';

export type Position = [number, number];
export type PropertyValue = string | number | boolean;

export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export interface Feature {
  type: 'Feature';
  geometry: Geometry;
  properties: Record<string, PropertyValue>;
}

/** 1e-7° ≈ 1 cm: the precision OSM stores coordinates at. */
export const OSM_DECIMALS = 7;

export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const rounded = Math.round(value * scale) / scale;
  return rounded === 0 ? 0 : rounded; // no "-0" in the output
}

export function roundPosition(position: LonLat, decimals: number): Position {
  return [roundTo(position[0], decimals), roundTo(position[1], decimals)];
}

/** Rounds a line and drops points that rounding made repeat; `undefined` when fewer than two remain. */
export function roundLine(line: readonly LonLat[], decimals: number): Position[] | undefined {
  const out: Position[] = [];
  for (const point of line) {
    const position = roundPosition(point, decimals);
    const last = out[out.length - 1];
    if (!last || last[0] !== position[0] || last[1] !== position[1]) out.push(position);
  }
  return out.length >= 2 ? out : undefined;
}

/** Rounds and rewinds a polygon; `undefined` when the exterior ring degenerates. Degenerate holes are dropped. */
export function roundPolygon(polygon: PolygonRings, decimals: number): Position[][] | undefined {
  const rings: Position[][] = [];
  for (const [index, ring] of polygon.entries()) {
    const rounded = roundLine(ring, decimals);
    if (!rounded || rounded.length < 4 || ringArea(rounded) === 0) {
      if (index === 0) return undefined;
      continue;
    }
    rings.push(ringArea(rounded) > 0 === (index === 0) ? rounded : rounded.reverse());
  }
  return rings;
}

/** A Polygon for one polygon, a MultiPolygon for several; `undefined` when nothing survives rounding. */
export function polygonGeometry(polygons: readonly PolygonRings[], decimals: number): Geometry | undefined {
  const rounded = polygons.flatMap((polygon) => {
    const result = roundPolygon(polygon, decimals);
    return result ? [result] : [];
  });
  if (rounded.length === 0) return undefined;
  return rounded.length === 1 ? { type: 'Polygon', coordinates: rounded[0]! } : { type: 'MultiPolygon', coordinates: rounded };
}

/** Planar signed area in degrees² (positive = counter-clockwise); only its sign and zero-ness are used. */
export function ringArea(ring: Ring): number {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = ring[i]!;
    const [bx, by] = ring[i + 1]!;
    twice += ax * by - bx * ay;
  }
  return twice / 2;
}

/** A FeatureCollection as text: one feature per line, keys in insertion order, newline-terminated. */
export function featureCollectionText(features: readonly Feature[]): string {
  if (features.length === 0) return '{"type":"FeatureCollection","features":[]}\n';
  return `{"type":"FeatureCollection","features":[\n${features.map((feature) => JSON.stringify(feature)).join(',\n')}\n]}\n`;
}
