import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAdminGeoJson, simplifyAdminUnits } from '../../../scripts/build-demo/admin';
import type { Feature, Position } from '../../../scripts/build-demo/geojson';
import { ASSETS_DIR, DATA_DIR, readAssetJson } from './demoFiles';

const admin = readAssetJson<{ type: string; features: Feature[] }>('admin/hanoi.geojson');

function rings(feature: Feature): Position[][] {
  const { geometry } = feature;
  if (geometry.type === 'Polygon') return geometry.coordinates;
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
  throw new Error(`unexpected ${geometry.type}`);
}

/** How many times each undirected edge occurs over all rings: 2 everywhere in a gap-free partition. */
function edgeUse(features: readonly Feature[]): Map<string, number> {
  const use = new Map<string, number>();
  for (const ring of features.flatMap(rings)) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const key = [ring[i]!.join(','), ring[i + 1]!.join(',')].sort().join(' ');
      use.set(key, (use.get(key) ?? 0) + 1);
    }
  }
  return use;
}

describe('admin/hanoi.geojson', () => {
  it('is small enough to embed', () => {
    expect(readFileSync(join(ASSETS_DIR, 'admin/hanoi.geojson')).length).toBeLessThan(400_000);
  });

  it('holds Hà Nội and its 30 districts with GSO codes', () => {
    expect(admin.type).toBe('FeatureCollection');
    expect(admin.features).toHaveLength(31);
    expect(admin.features[0]!.properties).toEqual({ level: 1, id: '01', name: 'Thành phố Hà Nội' });
    const districts = admin.features.slice(1);
    expect(districts.every((f) => f.properties.level === 2 && /^\d{3}$/.test(String(f.properties.id)))).toBe(true);
    expect(districts.find((f) => f.properties.id === '005')?.properties.name).toBe('Quận Cầu Giấy');
  });

  it('keeps neighbouring districts sharing their borders (no gaps or overlaps opened by simplifying)', () => {
    const source = parseAdminGeoJson(
      readFileSync(join(DATA_DIR, 'vector/vn-admin-dvhcvn/hanoi_admin_l1_l2.geojson'), 'utf8'),
      'hanoi_admin_l1_l2.geojson',
    );
    const unsimplified = simplifyAdminUnits(source, 0).features;
    const lonelyBefore = [...edgeUse(unsimplified).values()].filter((count) => count !== 2).length;
    const lonelyAfter = [...edgeUse(admin.features).values()].filter((count) => count !== 2).length;
    // The source has a few edges without a twin (slivers in the original data); simplification adds none.
    expect(lonelyAfter).toBeLessThanOrEqual(lonelyBefore);
    const vertices = admin.features.flatMap(rings).reduce((sum, ring) => sum + ring.length, 0);
    const sourceVertices = unsimplified.flatMap(rings).reduce((sum, ring) => sum + ring.length, 0);
    expect(vertices).toBeLessThan(sourceVertices);
  });

  it('reports malformed input clearly', () => {
    expect(() => parseAdminGeoJson('{"type":"Feature"}', 'x.geojson')).toThrow('x.geojson: not a GeoJSON FeatureCollection');
    expect(() => parseAdminGeoJson('{"type":"FeatureCollection","features":[{"properties":{"level":3}}]}', 'x.geojson')).toThrow(
      /feature 0 lacks level/,
    );
  });
});
