import { describe, expect, it } from 'vitest';
import type { Feature, Position } from '../../../scripts/build-demo/geojson';
import { ringArea } from '../../../scripts/build-demo/geojson';
import type { CityCatalog } from '../../../src/gis/types';
import { readAsset, readAssetJson } from './demoFiles';

interface FeatureCollection {
  type: string;
  features: Feature[];
}

const LAYERS = ['landuse', 'water', 'roads', 'railways', 'labels'] as const;
const extent = readAssetJson<CityCatalog>('city.json').extent;

function load(layer: string): FeatureCollection {
  return readAssetJson<FeatureCollection>(`basemap/${layer}.geojson`);
}

function classes(collection: FeatureCollection): Set<string> {
  return new Set(collection.features.map((feature) => String(feature.properties.class)));
}

/** RFC 7946 checks: structure, WGS 84 ranges, closed right-hand-rule rings, ≤ 7 decimals. */
function checkGeometry(feature: Feature): void {
  const checkPosition = (position: Position) => {
    expect(position).toHaveLength(2);
    const [lon, lat] = position;
    expect(Math.abs(lon)).toBeLessThanOrEqual(180);
    expect(Math.abs(lat)).toBeLessThanOrEqual(90);
    expect(Math.round(lon * 1e7) / 1e7).toBe(lon);
    expect(Math.round(lat * 1e7) / 1e7).toBe(lat);
  };
  const checkPolygon = (rings: Position[][]) => {
    rings.forEach((ring, index) => {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      ring.forEach(checkPosition);
      expect(ringArea(ring) > 0).toBe(index === 0); // exterior counter-clockwise, holes clockwise
    });
  };
  const { geometry } = feature;
  switch (geometry.type) {
    case 'Point': return checkPosition(geometry.coordinates);
    case 'LineString':
      expect(geometry.coordinates.length).toBeGreaterThanOrEqual(2);
      return geometry.coordinates.forEach(checkPosition);
    case 'MultiLineString': return geometry.coordinates.flat().forEach(checkPosition);
    case 'Polygon': return checkPolygon(geometry.coordinates);
    case 'MultiPolygon': return geometry.coordinates.forEach(checkPolygon);
  }
}

describe('basemap GeoJSON', () => {
  it.each(LAYERS)('%s is an RFC 7946 FeatureCollection with a class on every feature', (layer) => {
    const text = readAsset(`basemap/${layer}.geojson`).toString('utf8');
    const collection = JSON.parse(text) as FeatureCollection & Record<string, unknown>;
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.crs).toBeUndefined(); // RFC 7946 §4: WGS 84 only, no crs member
    expect(Array.isArray(collection.features)).toBe(true);
    for (const feature of collection.features) {
      expect(feature.type).toBe('Feature');
      expect(typeof feature.properties.class).toBe('string');
      checkGeometry(feature);
    }
  });

  it('land use has the campus grounds, pitches and parking, largest first', () => {
    const landuse = load('landuse');
    for (const cls of ['university', 'pitch', 'parking', 'stadium']) expect(classes(landuse)).toContain(cls);
    const vnu = landuse.features.find((f) => f.properties.name === 'Đại Học Quốc Gia Hà Nội - Cầu Giấy');
    expect(vnu?.properties).toMatchObject({ class: 'university', osmId: 'way/1047437396' });
    expect(landuse.features.every((f) => f.properties.osmId && !String(f.properties.osmId).includes('undefined'))).toBe(true);
  });

  it('water is a valid collection even though the extract has only a fountain', () => {
    expect([...classes(load('water'))]).toEqual(['fountain']);
  });

  it('roads carry the OSM hierarchy, names and refs, minor roads drawn first', () => {
    const roads = load('roads');
    for (const cls of ['motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'residential', 'service', 'footway']) {
      expect(classes(roads)).toContain(cls);
    }
    expect(roads.features.some((f) => f.properties.name === 'Đường Xuân Thủy' && f.properties.class === 'primary')).toBe(true);
    expect(roads.features.some((f) => f.properties.ref === 'CT.37')).toBe(true);
    const order = ['footway', 'service', 'residential', 'tertiary', 'secondary', 'primary', 'trunk', 'motorway'];
    const ranks = roads.features.map((f) => order.indexOf(String(f.properties.class)));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('railways hold the elevated metro line 3', () => {
    const railways = load('railways');
    expect(railways.features.length).toBeGreaterThan(0);
    expect(railways.features.every((f) => f.properties.class === 'subway' && f.properties.bridge === true)).toBe(true);
    expect(railways.features[0]!.properties.name).toBe('Tuyến đường sắt đô thị số 3');
  });

  it('labels: one per named road, named buildings with their height, all inside the district', () => {
    const labels = load('labels').features;
    const inside = ([lon, lat]: Position) => lon >= extent.west && lon <= extent.east && lat >= extent.south && lat <= extent.north;
    for (const label of labels) {
      expect(label.geometry.type).toBe('Point');
      expect(inside(label.geometry.coordinates as Position)).toBe(true);
      expect(typeof label.properties.name).toBe('string');
      expect(['area', 'road', 'railway', 'building', 'poi']).toContain(label.properties.kind);
    }
    const roadNames = labels.filter((l) => l.properties.kind === 'road').map((l) => l.properties.name);
    expect(new Set(roadNames).size).toBe(roadNames.length);
    expect(roadNames).toContain('Đường Xuân Thủy');
    expect(roadNames).toContain('Đường Phạm Văn Đồng');
    const c5 = labels.find((l) => l.properties.name === 'Nhà C5');
    expect(c5?.properties).toMatchObject({ kind: 'building', height: 9, osmId: 'way/168945118' });
    expect(labels.some((l) => l.properties.kind === 'poi' && l.properties.class === 'bus_stop')).toBe(true);
  });
});
