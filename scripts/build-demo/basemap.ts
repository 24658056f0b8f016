/**
 * Basemap layers from OSM, as GeoJSON features: land use and amenity grounds, water, roads and railways.
 * Each feature has a `class` the catalogue styles by and an `osmId` ("way/123") for traceability.
 * Order in each file is draw order: larger areas first, minor roads below major ones.
 */
import { isBuilding } from './buildings';
import { OSM_DECIMALS, polygonGeometry, ringArea, roundLine } from './geojson';
import type { Feature, PropertyValue } from './geojson';
import { collectAreas, isClosedWay, sortedById, wayCoordinates } from './osmGeometry';
import type { OsmArea } from './osmGeometry';
import type { OsmDocument, OsmTags, OsmWay } from './osm';

/** OSM `highway` → road class, major to minor (index = rank). Values not listed are not roads to draw. */
export const ROAD_CLASSES: Readonly<Record<string, string>> = {
  motorway: 'motorway', motorway_link: 'motorway',
  trunk: 'trunk', trunk_link: 'trunk',
  primary: 'primary', primary_link: 'primary',
  secondary: 'secondary', secondary_link: 'secondary',
  tertiary: 'tertiary', tertiary_link: 'tertiary',
  unclassified: 'residential', residential: 'residential', living_street: 'residential', road: 'residential',
  service: 'service', track: 'service',
  pedestrian: 'footway', footway: 'footway', path: 'footway', steps: 'footway', corridor: 'footway',
  cycleway: 'footway', bridleway: 'footway',
};

/** Road classes from the top of the hierarchy down. */
export const ROAD_CLASS_ORDER = ['motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'residential', 'service', 'footway'] as const;

export const RAILWAY_CLASSES = ['rail', 'subway', 'light_rail', 'tram', 'monorail', 'narrow_gauge', 'funicular'] as const;

const WATERWAY_LINES = new Set(['river', 'stream', 'canal', 'drain', 'ditch']);

/** The water class of an area's tags, if it is water. */
export function waterAreaClass(tags: OsmTags): string | undefined {
  if (tags.natural === 'water') return tags.water ?? 'water';
  if (tags.natural === 'wetland') return 'wetland';
  if (tags.waterway === 'riverbank' || tags.waterway === 'dock') return 'river';
  if (tags.landuse === 'reservoir' || tags.landuse === 'basin') return tags.landuse;
  if (tags.amenity === 'fountain') return 'fountain';
  if (tags.leisure === 'swimming_pool') return 'swimming_pool';
  return undefined;
}

/** The land-use class of an area's tags: its amenity, else leisure, else landuse, else natural cover. */
export function landuseClass(tags: OsmTags): string | undefined {
  if (isBuilding(tags) || waterAreaClass(tags) !== undefined) return undefined;
  return tags.amenity ?? tags.leisure ?? tags.landuse ?? tags.natural;
}

export function landuseFeatures(doc: OsmDocument): Feature[] {
  return areaFeatures(collectAreas(doc, (tags) => landuseClass(tags) !== undefined), landuseClass);
}

export function waterFeatures(doc: OsmDocument): Feature[] {
  const areas = areaFeatures(collectAreas(doc, (tags) => waterAreaClass(tags) !== undefined), waterAreaClass);
  const lines = lineFeatures(doc, (way) => (WATERWAY_LINES.has(way.tags.waterway ?? '') ? way.tags.waterway : undefined));
  return [...areas, ...lines];
}

export function roadFeatures(doc: OsmDocument): Feature[] {
  const features = lineFeatures(doc, roadClass, (way) => ({
    highway: way.tags.highway!,
    ...(way.tags.highway!.endsWith('_link') ? { link: true } : {}),
    ...(way.tags.oneway === 'yes' ? { oneway: true } : {}),
  }));
  const rank = (feature: Feature) => -ROAD_CLASS_ORDER.indexOf(feature.properties.class as (typeof ROAD_CLASS_ORDER)[number]);
  return stableSort(features, (a, b) => rank(a) - rank(b) || layerOf(a) - layerOf(b));
}

export function railwayFeatures(doc: OsmDocument): Feature[] {
  const classes = new Set<string>(RAILWAY_CLASSES);
  return lineFeatures(doc, (way) => (classes.has(way.tags.railway ?? '') ? way.tags.railway : undefined));
}

/** The road class of a way, or `undefined` for ways that are not drawn as roads (areas, platforms, proposals). */
export function roadClass(way: OsmWay): string | undefined {
  if (way.tags.area === 'yes') return undefined;
  return ROAD_CLASSES[way.tags.highway ?? ''];
}

function areaFeatures(areas: readonly OsmArea[], classOf: (tags: OsmTags) => string | undefined): Feature[] {
  const features = areas.flatMap((area) => {
    const geometry = polygonGeometry(area.polygons, OSM_DECIMALS);
    if (!geometry) return [];
    const properties: Record<string, PropertyValue> = {
      class: classOf(area.tags)!,
      ...nameOf(area.tags),
      ...(area.tags.sport ? { sport: area.tags.sport } : {}),
      osmId: `${area.osmType}/${area.osmId}`,
    };
    return [{ feature: { type: 'Feature', geometry, properties } as Feature, area: outerArea(area) }];
  });
  return stableSort(features, (a, b) => b.area - a.area).map((item) => item.feature);
}

/** Open and closed ways whose class is defined, as LineStrings with name, ref, bridge, tunnel and layer. */
function lineFeatures(
  doc: OsmDocument,
  classOf: (way: OsmWay) => string | undefined,
  extra: (way: OsmWay) => Record<string, PropertyValue> = () => ({}),
): Feature[] {
  return sortedById(doc.ways).flatMap((way) => {
    const lineClass = classOf(way);
    if (lineClass === undefined || (isClosedWay(way) && way.tags.area === 'yes')) return [];
    const coordinates = roundLine(wayCoordinates(doc, way), OSM_DECIMALS);
    if (!coordinates) return [];
    const layer = Number.parseInt(way.tags.layer ?? '', 10);
    const properties: Record<string, PropertyValue> = {
      class: lineClass,
      ...extra(way),
      ...nameOf(way.tags),
      ...(way.tags.ref ? { ref: way.tags.ref } : {}),
      ...(way.tags.bridge && way.tags.bridge !== 'no' ? { bridge: true } : {}),
      ...(way.tags.tunnel && way.tags.tunnel !== 'no' ? { tunnel: true } : {}),
      ...(Number.isFinite(layer) && layer !== 0 ? { layer } : {}),
      osmId: `way/${way.id}`,
    };
    return [{ type: 'Feature', geometry: { type: 'LineString', coordinates }, properties } as Feature];
  });
}

function nameOf(tags: OsmTags): { name?: string } {
  const name = tags.name ?? tags['name:vi'];
  return name ? { name } : {};
}

function outerArea(area: OsmArea): number {
  return area.polygons.reduce((sum, polygon) => sum + Math.abs(ringArea(polygon[0]!)), 0);
}

function layerOf(feature: Feature): number {
  const layer = feature.properties.layer;
  return typeof layer === 'number' ? layer : 0;
}

/** Array.prototype.sort is stable since ES2019; named here so the intent (ties keep id order) is visible. */
function stableSort<T>(items: readonly T[], compare: (a: T, b: T) => number): T[] {
  return [...items].sort(compare);
}
