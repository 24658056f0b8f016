import { describe, expect, it } from 'vitest';
import { CatalogError, parseCatalog } from '../../../src/gis';

const valid = {
  id: 'x',
  name: { vi: 'X', en: 'X' },
  province: { gsoCode: '01', name: 'Hà Nội', vn2000: 'EPSG:5897' },
  extent: { west: 105.78, south: 21.03, east: 105.79, north: 21.04 },
  attribution: ['© OpenStreetMap contributors'],
  layers: [
    { id: 'roads', kind: 'geojson', title: { vi: 'Đường', en: 'Roads' }, url: 'r.geojson', visible: true, opacity: 1, source: 'OSM', style: {} },
  ],
};

describe('city catalogue', () => {
  it('accepts a well-formed catalogue', () => {
    expect(parseCatalog(valid).layers[0]?.id).toBe('roads');
  });

  it.each([
    [{ ...valid, extent: { west: 1 } }, /extent/],
    [{ ...valid, layers: [{ ...valid.layers[0], kind: 'wms' }] }, /layers\[0\]\.kind/],
    [{ ...valid, layers: [valid.layers[0], valid.layers[0]] }, /layers\[1\]\.id.*repeats/],
    [{ ...valid, layers: [{ ...valid.layers[0], opacity: 3 }] }, /layers\[0\]\.opacity/],
    ['not an object', /catalogue/],
  ])('names the bad field (%#)', (json, field) => {
    expect(() => parseCatalog(json)).toThrow(CatalogError);
    expect(() => parseCatalog(json)).toThrow(field);
  });
});
