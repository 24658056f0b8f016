/**
 * Label points: one per named road or railway (the middle of its longest stretch inside the district), one per
 * named area and building (a point inside its footprint), and named points of interest. `rank` orders labels
 * for decluttering (1 = show first); building labels carry `height` so they can sit on the roof.
 */
import type { Building } from './buildings';
import { OSM_DECIMALS, roundPosition } from './geojson';
import type { Feature, Geometry, Position, PropertyValue } from './geojson';
import { pointInRing, sortedById } from './osmGeometry';
import type { LonLat, PolygonRings, Ring } from './osmGeometry';
import type { OsmBounds, OsmDocument, OsmTags } from './osm';

export const LABEL_KINDS = ['area', 'road', 'railway', 'building', 'poi'] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

export interface LabelSources {
  doc: OsmDocument;
  bounds: OsmBounds;
  areas: readonly Feature[];
  roads: readonly Feature[];
  railways: readonly Feature[];
  buildings: readonly Building[];
}

const MAJOR_ROADS = new Set(['motorway', 'trunk', 'primary', 'secondary']);
/** Tags that make a named node a point of interest, in priority order for its class. */
const POI_KEYS = ['railway', 'public_transport', 'amenity', 'shop', 'office', 'tourism', 'leisure', 'historic', 'highway', 'barrier'];
const POI_VALUES: Readonly<Record<string, ReadonlySet<string>>> = {
  railway: new Set(['station', 'halt', 'stop', 'tram_stop', 'subway_entrance']),
  public_transport: new Set(['station']),
  highway: new Set(['bus_stop']),
  barrier: new Set(['gate']),
};
/** Two labels with the same name closer than this are one place (e.g. a metro stop mapped once per track). */
const DUPLICATE_DISTANCE_M = 100;
const EARTH_RADIUS_M = 6371008.8;

export function labelFeatures(sources: LabelSources): Feature[] {
  const { bounds } = sources;
  const candidates: Feature[] = [
    ...sources.areas.flatMap((area) => {
      const name = area.properties.name;
      const point = typeof name === 'string' && name ? polygonLabelPoint(area.geometry) : undefined;
      return point ? [label(point, String(name), 'area', area.properties.class!, 1, area.properties.osmId!)] : [];
    }),
    ...lineLabels(sources.roads, bounds, 'road', (cls) => (MAJOR_ROADS.has(cls) ? 2 : cls === 'service' || cls === 'footway' ? 4 : 3)),
    ...lineLabels(sources.railways, bounds, 'railway', () => 2),
    ...sources.buildings.flatMap((building) => {
      const point = building.name ? polygonsLabelPoint(building.polygons) : undefined;
      if (!point) return [];
      const feature = label(point, building.name, 'building', building.buildingType, 3, `${building.osmType}/${building.osmId}`);
      feature.properties.height = building.height.heightMeters;
      return [feature];
    }),
    ...sortedById(sources.doc.nodes).flatMap((node) => {
      const poiClass = poiClassOf(node.tags);
      const name = node.tags.name ?? node.tags['name:vi'];
      return poiClass && name ? [label([node.lon, node.lat], name, 'poi', poiClass, 4, `node/${node.id}`)] : [];
    }),
  ];
  const inside = candidates.filter((feature) => contains(bounds, (feature.geometry as { coordinates: Position }).coordinates));
  return dropDuplicates(inside).sort(compareLabels);
}

function label(point: LonLat, name: string, kind: LabelKind, cls: PropertyValue, rank: number, osmId: PropertyValue): Feature {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: roundPosition(point, OSM_DECIMALS) },
    properties: { name, kind, class: cls, rank, osmId },
  };
}

/** One label per name: the middle of the longest stretch, among that name's ways, that lies inside the bounds. */
function lineLabels(lines: readonly Feature[], bounds: OsmBounds, kind: LabelKind, rankOf: (cls: string) => number): Feature[] {
  const best = new Map<string, { piece: LonLat[]; length: number; feature: Feature }>();
  for (const feature of lines) {
    const name = feature.properties.name;
    if (typeof name !== 'string' || feature.geometry.type !== 'LineString') continue;
    for (const piece of clipLine(feature.geometry.coordinates, bounds)) {
      const length = lineLength(piece);
      const current = best.get(name);
      if (!current || length > current.length) best.set(name, { piece, length, feature });
    }
  }
  return [...best.entries()].map(([name, { piece, length, feature }]) => {
    const cls = String(feature.properties.class);
    return label(pointAlong(piece, length / 2), name, kind, cls, rankOf(cls), feature.properties.osmId!);
  });
}

function poiClassOf(tags: OsmTags): string | undefined {
  for (const key of POI_KEYS) {
    const value = tags[key];
    if (value === undefined) continue;
    const allowed = POI_VALUES[key];
    if (!allowed || allowed.has(value)) return value;
  }
  return undefined;
}

function polygonLabelPoint(geometry: Geometry): LonLat | undefined {
  if (geometry.type === 'Polygon') return polygonsLabelPoint([geometry.coordinates]);
  if (geometry.type === 'MultiPolygon') return polygonsLabelPoint(geometry.coordinates);
  return undefined;
}

/**
 * A point inside the largest polygon: its area centroid when that falls inside (not in a hole), otherwise the
 * middle of the widest inside span on the horizontal line through the centroid (concave and L-shaped footprints).
 */
function polygonsLabelPoint(polygons: readonly PolygonRings[]): LonLat | undefined {
  const largest = [...polygons].sort((a, b) => Math.abs(centroidOf(b[0]!).area) - Math.abs(centroidOf(a[0]!).area))[0];
  if (!largest) return undefined;
  const { x, y, area } = centroidOf(largest[0]!);
  if (area === 0) return undefined;
  const inside = (point: LonLat) => pointInRing(point, largest[0]!) && !largest.slice(1).some((hole) => pointInRing(point, hole));
  if (inside([x, y])) return [x, y];
  const crossings = largest
    .flatMap((ring) => ring.slice(1).flatMap((b, i) => {
      const a = ring[i]!;
      return (a[1] > y) !== (b[1] > y) ? [a[0] + ((y - a[1]) * (b[0] - a[0])) / (b[1] - a[1])] : [];
    }))
    .sort((p, q) => p - q);
  let bestSpan: [number, number] | undefined;
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    const span: [number, number] = [crossings[i]!, crossings[i + 1]!];
    if (!bestSpan || span[1] - span[0] > bestSpan[1] - bestSpan[0]) bestSpan = span;
  }
  return bestSpan ? [(bestSpan[0] + bestSpan[1]) / 2, y] : undefined;
}

export function centroidOf(ring: Ring): { x: number; y: number; area: number } {
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  const [ox, oy] = ring[0]!; // relative to the first point, for precision
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = [ring[i]![0] - ox, ring[i]![1] - oy];
    const [bx, by] = [ring[i + 1]![0] - ox, ring[i + 1]![1] - oy];
    const cross = ax * by - bx * ay;
    twiceArea += cross;
    cx += (ax + bx) * cross;
    cy += (ay + by) * cross;
  }
  if (twiceArea === 0) return { x: ox, y: oy, area: 0 };
  return { x: ox + cx / (3 * twiceArea), y: oy + cy / (3 * twiceArea), area: twiceArea / 2 };
}

/** Liang–Barsky clipping of each segment to the bounds; consecutive visible segments are joined into pieces. */
function clipLine(line: readonly LonLat[], bounds: OsmBounds): LonLat[][] {
  const pieces: LonLat[][] = [];
  let current: LonLat[] | undefined;
  for (let i = 0; i + 1 < line.length; i++) {
    const clipped = clipSegment(line[i]!, line[i + 1]!, bounds);
    if (!clipped) {
      current = undefined;
      continue;
    }
    const [a, b] = clipped;
    const last = current?.[current.length - 1];
    if (!current || !last || last[0] !== a[0] || last[1] !== a[1]) {
      current = [a];
      pieces.push(current);
    }
    current.push(b);
  }
  return pieces;
}

function clipSegment(a: LonLat, b: LonLat, bounds: OsmBounds): [LonLat, LonLat] | undefined {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, a[0] - bounds.minLon], [dx, bounds.maxLon - a[0]],
    [-dy, a[1] - bounds.minLat], [dy, bounds.maxLat - a[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return undefined;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return undefined;
  }
  const at = (t: number): LonLat => (t === 0 ? a : t === 1 ? b : [a[0] + t * dx, a[1] + t * dy]);
  return [at(t0), at(t1)];
}

/** Length in metres on a local equirectangular approximation (exact enough within a district). */
function lineLength(line: readonly LonLat[]): number {
  let length = 0;
  for (let i = 0; i + 1 < line.length; i++) length += distance(line[i]!, line[i + 1]!);
  return length;
}

function pointAlong(line: readonly LonLat[], target: number): LonLat {
  let walked = 0;
  for (let i = 0; i + 1 < line.length; i++) {
    const step = distance(line[i]!, line[i + 1]!);
    if (walked + step >= target && step > 0) {
      const t = (target - walked) / step;
      const [a, b] = [line[i]!, line[i + 1]!];
      return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    }
    walked += step;
  }
  return line[line.length - 1]!;
}

function distance(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const x = (b[0] - a[0]) * rad * Math.cos(((a[1] + b[1]) / 2) * rad);
  const y = (b[1] - a[1]) * rad;
  return Math.hypot(x, y) * EARTH_RADIUS_M;
}

function contains(bounds: OsmBounds, [lon, lat]: Position): boolean {
  return lon >= bounds.minLon && lon <= bounds.maxLon && lat >= bounds.minLat && lat <= bounds.maxLat;
}

/** Keeps the best-ranked label of each name within {@link DUPLICATE_DISTANCE_M}. */
function dropDuplicates(features: readonly Feature[]): Feature[] {
  const kept: Feature[] = [];
  for (const feature of [...features].sort(compareLabels)) {
    const point = (feature.geometry as { coordinates: Position }).coordinates;
    const name = String(feature.properties.name).toLowerCase();
    const duplicate = kept.some((other) =>
      String(other.properties.name).toLowerCase() === name &&
      distance(point, (other.geometry as { coordinates: Position }).coordinates) < DUPLICATE_DISTANCE_M,
    );
    if (!duplicate) kept.push(feature);
  }
  return kept;
}

/** By rank, then kind, then name and id in code-unit order (locale-independent, so output is reproducible). */
function compareLabels(a: Feature, b: Feature): number {
  const key = (feature: Feature) => [
    Number(feature.properties.rank),
    LABEL_KINDS.indexOf(feature.properties.kind as LabelKind),
  ];
  const [ra, ka] = key(a);
  const [rb, kb] = key(b);
  return ra! - rb! || ka! - kb! || codeUnitCompare(String(a.properties.name), String(b.properties.name)) ||
    codeUnitCompare(String(a.properties.osmId), String(b.properties.osmId));
}

function codeUnitCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
