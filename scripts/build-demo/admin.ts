/**
 * Administrative boundaries (dvhcvn, level 1 province and level 2 districts) simplified for the map without
 * opening gaps between neighbours: rings are cut into arcs at the vertices where the set of polygons sharing the
 * boundary changes (as TopoJSON does), each arc is simplified once with Douglas–Peucker, and every ring is
 * rebuilt from the same simplified arcs. Needs neighbours to share vertices exactly, as the dvhcvn data does.
 */
import { douglasPeucker } from './simplify';
import { DemoBuildError } from './errors';
import { polygonGeometry } from './geojson';
import type { Feature } from './geojson';
import type { LonLat, PolygonRings, Ring } from './osmGeometry';

export interface AdminUnit {
  level: 1 | 2;
  /** GSO code, e.g. "01" for Hà Nội, "005" for Cầu Giấy. */
  id: string;
  name: string;
  parent?: string;
  polygons: PolygonRings[];
}

/** Administrative lines drawn at city scale need no more than ~1e-6° (≈ 0.1 m). */
export const ADMIN_DECIMALS = 6;

/** Reads the dvhcvn level 1/2 GeoJSON, checking the fields the catalogue relies on. */
export function parseAdminGeoJson(text: string, sourceName: string): AdminUnit[] {
  const fail = (en: string, vi: string): never => {
    throw new DemoBuildError({ en: `${sourceName}: ${en}`, vi: `${sourceName}: ${vi}` });
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new DemoBuildError({ en: `${sourceName} is not valid JSON`, vi: `${sourceName} không phải JSON hợp lệ` }, { cause });
  }
  const collection = data as { type?: unknown; features?: unknown };
  if (collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    fail('not a GeoJSON FeatureCollection', 'không phải GeoJSON FeatureCollection');
  }
  return (collection.features as unknown[]).map((item, index) => {
    const feature = item as { properties?: Record<string, unknown>; geometry?: { type?: unknown; coordinates?: unknown } };
    const { level, id, name, parent } = feature.properties ?? {};
    if ((level !== 1 && level !== 2) || typeof id !== 'string' || typeof name !== 'string') {
      fail(`feature ${index} lacks level (1 or 2), id or name`, `đối tượng ${index} thiếu level (1 hoặc 2), id hoặc name`);
    }
    const geometry = feature.geometry;
    const polygons =
      geometry?.type === 'Polygon' ? [geometry.coordinates] : geometry?.type === 'MultiPolygon' ? geometry.coordinates : undefined;
    if (!Array.isArray(polygons) || !polygons.every(isPolygon)) {
      fail(`feature ${index} (${String(name)}) has no valid Polygon or MultiPolygon`, `đối tượng ${index} (${String(name)}) không có Polygon hoặc MultiPolygon hợp lệ`);
    }
    return {
      level: level as 1 | 2,
      id: id as string,
      name: name as string,
      ...(typeof parent === 'string' ? { parent } : {}),
      polygons: polygons as PolygonRings[],
    };
  });
}

/**
 * Simplifies all units together so shared borders stay shared. Returns the features (province first, then
 * districts by code) and the rings that could not be simplified without collapsing (kept as they were).
 */
export function simplifyAdminUnits(units: readonly AdminUnit[], toleranceM: number): { features: Feature[]; unsimplified: string[] } {
  const referenceLat = meanLatitude(units);
  const rings = units.flatMap((unit, u) => unit.polygons.flatMap((polygon, p) => polygon.map((ring, r) => ({ key: `${u}/${p}/${r}`, ring }))));
  const sharing = new Map<string, Set<string>>();
  for (const { key, ring } of rings) {
    for (const position of openRing(ring)) {
      const id = positionKey(position);
      const owners = sharing.get(id) ?? new Set<string>();
      owners.add(key);
      sharing.set(id, owners);
    }
  }
  const signature = (position: LonLat) => [...(sharing.get(positionKey(position)) ?? [])].sort().join(' ');
  const arcCache = new Map<string, LonLat[]>();
  const simplifyArc = (arc: LonLat[]): LonLat[] => {
    const forward = canonicalDirection(arc);
    const canonical = forward ? arc : [...arc].reverse();
    const cacheKey = canonical.map(positionKey).join(';');
    let simplified = arcCache.get(cacheKey);
    if (!simplified) {
      simplified = douglasPeucker(canonical, toleranceM, referenceLat).map((index) => canonical[index]!);
      arcCache.set(cacheKey, simplified);
    }
    return forward ? simplified : [...simplified].reverse();
  };

  const unsimplified: string[] = [];
  const features = units.map((unit, u) => {
    const polygons = unit.polygons.map((polygon, p) => polygon.map((ring, r) => {
      const simplified = simplifyRing(ring, signature, simplifyArc);
      if (simplified.length >= 4) return simplified;
      unsimplified.push(`${unit.name} polygon ${p} ring ${r}`);
      return ring;
    }));
    const geometry = polygonGeometry(polygons, ADMIN_DECIMALS);
    if (!geometry) throw new DemoBuildError({ en: `${unit.name}: boundary vanished when simplified`, vi: `${unit.name}: ranh giới biến mất khi đơn giản hoá` });
    return {
      sortKey: [unit.level, unit.id, u] as const,
      feature: {
        type: 'Feature',
        geometry,
        properties: { level: unit.level, id: unit.id, name: unit.name, ...(unit.parent ? { parent: unit.parent } : {}) },
      } as Feature,
    };
  });
  features.sort((a, b) => a.sortKey[0] - b.sortKey[0] || (a.sortKey[1] < b.sortKey[1] ? -1 : a.sortKey[1] > b.sortKey[1] ? 1 : 0) || a.sortKey[2] - b.sortKey[2]);
  return { features: features.map((item) => item.feature), unsimplified };
}

/** Splits a ring at its junctions, simplifies each arc and joins them back into a closed ring. */
function simplifyRing(ring: Ring, signature: (position: LonLat) => string, simplifyArc: (arc: LonLat[]) => LonLat[]): LonLat[] {
  const points = openRing(ring);
  const n = points.length;
  const signatures = points.map(signature);
  const junctions = points.flatMap((_, i) =>
    signatures[i] !== signatures[(i + n - 1) % n] || signatures[i] !== signatures[(i + 1) % n] ? [i] : [],
  );
  if (junctions.length === 0) {
    // A loop shared whole (or not at all): start at its smallest vertex so every copy is cut the same way.
    const start = points.reduce((best, point, i) => (positionKey(point) < positionKey(points[best]!) ? i : best), 0);
    const loop = [...points.slice(start), ...points.slice(0, start), points[start]!];
    return closeRing(simplifyLoop(loop, simplifyArc));
  }
  const out: LonLat[] = [];
  junctions.forEach((from, j) => {
    const to = junctions[(j + 1) % junctions.length]!;
    const arc: LonLat[] = [];
    for (let i = from; ; i = (i + 1) % n) {
      arc.push(points[i]!);
      if (i === to && arc.length > 1) break;
    }
    out.push(...simplifyArc(arc).slice(0, -1));
  });
  return closeRing(out);
}

/** A closed loop is cut at its farthest point from the start so that Douglas–Peucker has a real baseline. */
function simplifyLoop(loop: LonLat[], simplifyArc: (arc: LonLat[]) => LonLat[]): LonLat[] {
  const start = loop[0]!;
  let far = 1;
  loop.forEach((point, i) => {
    if (squaredDegrees(point, start) > squaredDegrees(loop[far]!, start)) far = i;
  });
  const first = simplifyArc(loop.slice(0, far + 1));
  const second = simplifyArc(loop.slice(far));
  return [...first.slice(0, -1), ...second];
}

/** Arcs are simplified in one canonical direction, so the two rings that share an arc get identical points. */
function canonicalDirection(arc: readonly LonLat[]): boolean {
  const forward = arc.map(positionKey).join(';');
  const backward = [...arc].reverse().map(positionKey).join(';');
  return forward <= backward;
}

function openRing(ring: Ring): LonLat[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first && last && first[0] === last[0] && first[1] === last[1] ? ring.slice(0, -1) : [...ring];
}

function closeRing(points: LonLat[]): LonLat[] {
  return points.length > 0 ? [...points, points[0]!] : points;
}

function positionKey(position: LonLat): string {
  return `${position[0]},${position[1]}`;
}

function squaredDegrees(a: LonLat, b: LonLat): number {
  return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;
}

function meanLatitude(units: readonly AdminUnit[]): number {
  const lats = units.flatMap((unit) => unit.polygons.flatMap((polygon) => polygon[0]!.map(([, lat]) => lat)));
  return lats.reduce((sum, lat) => sum + lat, 0) / Math.max(1, lats.length);
}

function isPolygon(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((ring) =>
    Array.isArray(ring) && ring.length >= 4 && ring.every((position) =>
      Array.isArray(position) && position.length >= 2 && Number.isFinite(position[0]) && Number.isFinite(position[1]),
    ),
  );
}
