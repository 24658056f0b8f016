/**
 * Building footprints from the OpenStreetMap extract the demo city is built from, so that a test clicks where the
 * source data says a building stands rather than at a hard-coded pixel.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server';

export const VNU_BUILDINGS = join(ROOT, '..', 'shared', 'data', 'vector', 'hanoi-vnu-osm', 'vnu_buildings.geojson');

type Ring = Array<[number, number]>;

interface BuildingFeature {
  properties: { osm_way_id?: string; name?: string };
  geometry: { type: 'MultiPolygon'; coordinates: Ring[][] } | { type: 'Polygon'; coordinates: Ring[] };
}

/** The outer ring of the OSM way `osmWayId` (its first polygon when it is a multipolygon). */
export function outerRing(osmWayId: string, path = VNU_BUILDINGS): Ring {
  const collection = JSON.parse(readFileSync(path, 'utf8')) as { features: BuildingFeature[] };
  const feature = collection.features.find((candidate) => candidate.properties.osm_way_id === osmWayId);
  if (!feature) throw new Error(`OSM way ${osmWayId} is not in ${path}`);
  const polygon = feature.geometry.type === 'MultiPolygon' ? feature.geometry.coordinates[0] : feature.geometry.coordinates;
  const ring = polygon?.[0];
  if (!ring) throw new Error(`OSM way ${osmWayId} has no outer ring`);
  return ring;
}

/**
 * Area centroid of a ring (shoelace formula). Planar in degrees: over a building's 20 m the error against a
 * geodesic centroid is far below a pixel.
 */
export function centroid(ring: Ring): [number, number] {
  const [lon0, lat0] = ring[0] ?? [0, 0];
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] ?? [0, 0];
    const [x2, y2] = ring[i + 1] ?? [0, 0];
    // Relative to the first vertex: keeps the cross products far from floating-point cancellation.
    const ax = x1 - lon0;
    const ay = y1 - lat0;
    const bx = x2 - lon0;
    const by = y2 - lat0;
    const cross = ax * by - bx * ay;
    twiceArea += cross;
    cx += (ax + bx) * cross;
    cy += (ay + by) * cross;
  }
  return [lon0 + cx / (3 * twiceArea), lat0 + cy / (3 * twiceArea)];
}

/** Even–odd rule; the centroid of an L-shaped footprint can fall outside it. */
export function contains(ring: Ring, [x, y]: [number, number]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] ?? [0, 0];
    const [xj, yj] = ring[j] ?? [0, 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
