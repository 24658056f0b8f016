/**
 * Geometry from OSM topology: way coordinates, closed-way areas and multipolygon relations (rings joined from
 * member ways, inner rings assigned to the outer ring that contains them), following the OSM wiki's
 * "Relation:multipolygon" rules. Coordinates are [lon, lat] in degrees, as in GeoJSON.
 */
import { DemoBuildError } from './errors';
import { compareOsmIds } from './osm';
import type { OsmDocument, OsmTags, OsmWay } from './osm';

export type LonLat = readonly [number, number];
/** A closed ring: first position equals the last. */
export type Ring = readonly LonLat[];
/** Outer ring first, then holes. */
export type PolygonRings = readonly Ring[];

export interface OsmArea {
  osmType: 'way' | 'relation';
  osmId: string;
  tags: OsmTags;
  polygons: readonly PolygonRings[];
}

/** The coordinates of a way; throws when the extract lacks one of its nodes (a clipped, incomplete file). */
export function wayCoordinates(doc: OsmDocument, way: OsmWay): LonLat[] {
  return way.nodeRefs.map((ref) => {
    const node = doc.nodes.get(ref);
    if (!node) {
      throw new DemoBuildError({
        en: `way ${way.id} references node ${ref}, which is not in the extract (export complete ways)`,
        vi: `way ${way.id} tham chiếu node ${ref} không có trong bản trích (hãy xuất đầy đủ các way)`,
      });
    }
    return [node.lon, node.lat] as const;
  });
}

export function isClosedWay(way: OsmWay): boolean {
  return way.nodeRefs.length >= 4 && way.nodeRefs[0] === way.nodeRefs[way.nodeRefs.length - 1];
}

/**
 * Every area whose tags pass `isArea`: closed ways and `type=multipolygon` relations (tags on the relation),
 * ordered by type then id so that output is stable.
 */
export function collectAreas(doc: OsmDocument, isArea: (tags: OsmTags) => boolean): OsmArea[] {
  const areas: OsmArea[] = [];
  for (const way of sortedById(doc.ways)) {
    if (!isClosedWay(way) || !isArea(way.tags)) continue;
    areas.push({ osmType: 'way', osmId: way.id, tags: way.tags, polygons: [[wayCoordinates(doc, way)]] });
  }
  for (const relation of sortedById(doc.relations)) {
    if (relation.tags.type !== 'multipolygon' || !isArea(relation.tags)) continue;
    areas.push({ osmType: 'relation', osmId: relation.id, tags: relation.tags, polygons: assembleMultipolygon(doc, relation.id) });
  }
  return areas;
}

/** The polygons of a multipolygon relation; member ways are joined end to end into closed rings. */
export function assembleMultipolygon(doc: OsmDocument, relationId: string): PolygonRings[] {
  const relation = doc.relations.get(relationId);
  if (!relation) throw new Error(`relation ${relationId} is not in the document`);
  const outerWays: LonLat[][] = [];
  const innerWays: LonLat[][] = [];
  for (const member of relation.members) {
    if (member.type !== 'way') continue;
    const way = doc.ways.get(member.ref);
    if (!way) {
      throw new DemoBuildError({
        en: `multipolygon ${relationId} references way ${member.ref}, which is not in the extract`,
        vi: `multipolygon ${relationId} tham chiếu way ${member.ref} không có trong bản trích`,
      });
    }
    (member.role === 'inner' ? innerWays : outerWays).push(wayCoordinates(doc, way));
  }
  const outers = joinRings(outerWays, relationId);
  const inners = joinRings(innerWays, relationId);
  if (outers.length === 0) {
    throw new DemoBuildError({
      en: `multipolygon ${relationId} has no outer ring`,
      vi: `multipolygon ${relationId} không có vòng ngoài`,
    });
  }
  const polygons: LonLat[][][] = outers.map((outer) => [outer]);
  for (const inner of inners) {
    const probe = inner[0]!;
    const owner = polygons.find((polygon) => pointInRing(probe, polygon[0]!));
    if (!owner) {
      throw new DemoBuildError({
        en: `multipolygon ${relationId} has an inner ring outside every outer ring`,
        vi: `multipolygon ${relationId} có vòng trong nằm ngoài mọi vòng ngoài`,
      });
    }
    owner.push(inner);
  }
  return polygons;
}

/** Joins open way pieces that share end nodes into closed rings. */
function joinRings(pieces: LonLat[][], relationId: string): LonLat[][] {
  const rings: LonLat[][] = [];
  const open = pieces.filter((piece) => {
    if (piece.length >= 4 && samePosition(piece[0]!, piece[piece.length - 1]!)) {
      rings.push(piece);
      return false;
    }
    return true;
  });
  while (open.length > 0) {
    let ring = open.shift()!;
    while (!samePosition(ring[0]!, ring[ring.length - 1]!)) {
      const end = ring[ring.length - 1]!;
      const next = open.findIndex((piece) => samePosition(piece[0]!, end) || samePosition(piece[piece.length - 1]!, end));
      if (next === -1) {
        throw new DemoBuildError({
          en: `multipolygon ${relationId} has a ring that does not close`,
          vi: `multipolygon ${relationId} có một vòng không khép kín`,
        });
      }
      const piece = open.splice(next, 1)[0]!;
      const oriented = samePosition(piece[0]!, end) ? piece : [...piece].reverse();
      ring = ring.concat(oriented.slice(1));
    }
    rings.push(ring);
  }
  return rings;
}

/** Even–odd ray casting in lon/lat (adequate at district scale). */
export function pointInRing(point: LonLat, ring: Ring): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function sortedById<T extends { id: string }>(elements: ReadonlyMap<string, T>): T[] {
  return [...elements.values()].sort((a, b) => compareOsmIds(a.id, b.id));
}

function samePosition(a: LonLat, b: LonLat): boolean {
  return a[0] === b[0] && a[1] === b[1];
}
