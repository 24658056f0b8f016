import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GROUND_COLOUR } from '../../../scripts/build-demo/styles';
import type { CityCatalog, VectorLayerSpec } from '../../../src/gis/types';
import { ASSETS_DIR, readAssetJson } from './demoFiles';

const catalog = readAssetJson<CityCatalog>('city.json');

/** WCAG 2.x contrast ratio of two #rrggbb colours (relative luminance, §1.4.3 definitions). */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

function vectorLayer(id: string): VectorLayerSpec {
  const layer = catalog.layers.find((l) => l.id === id);
  if (layer?.kind !== 'geojson') throw new Error(`${id} is not a GeoJSON layer`);
  return layer;
}

describe('city.json', () => {
  it('describes the VNU Cầu Giấy demo district of Hà Nội', () => {
    expect(catalog.id).toBe('hanoi-vnu-caugiay');
    expect(catalog.name).toEqual({ vi: 'Hà Nội — khu ĐHQG Cầu Giấy', en: 'Hà Nội — VNU Cầu Giấy' });
    expect(catalog.province).toEqual({ gsoCode: '01', name: 'Thành phố Hà Nội', vn2000: 'EPSG:5897' });
    expect(catalog.extent).toEqual({ west: 105.78088, south: 21.03661, east: 105.78626, north: 21.04171 });
    expect(catalog.attribution.join('\n')).toMatch(/OpenStreetMap contributors.*ODbL/);
    expect(catalog.attribution.join('\n')).toMatch(/dvhcvn \(GPL-3\.0\).*gis\.chinhphu\.vn/);
  });

  it('lists the layers in draw order, each pointing at a built file', () => {
    expect(catalog.layers.map((layer) => layer.id)).toEqual(['admin', 'landuse', 'water', 'roads', 'railways', 'labels', 'buildings']);
    expect(catalog.layers.find((layer) => layer.id === 'buildings')?.kind).toBe('3dtiles');
    for (const layer of catalog.layers) {
      expect(existsSync(join(ASSETS_DIR, layer.url)), layer.url).toBe(true);
      expect(layer.title.vi && layer.title.en && layer.source).toBeTruthy();
      expect(layer.opacity).toBeGreaterThan(0);
      expect(layer.opacity).toBeLessThanOrEqual(1);
    }
    expect(vectorLayer('admin').style.fill).toBeUndefined();
    expect(vectorLayer('labels').style.labelProperty).toBe('name');
    expect(vectorLayer('roads').style.byProperty).toBe('class');
  });

  it('draws label text at ≥ 4.5:1 and roads and boundaries at ≥ 3:1 against the light ground', () => {
    const labels = vectorLayer('labels').style;
    for (const fill of [labels.fill!, ...Object.values(labels.classes ?? {}).map((c) => c.fill!)]) {
      expect(contrast(fill, GROUND_COLOUR), fill).toBeGreaterThanOrEqual(4.5);
      expect(contrast(fill, labels.stroke!), `${fill} on its halo`).toBeGreaterThanOrEqual(4.5);
    }
    for (const id of ['roads', 'railways', 'admin']) {
      const style = vectorLayer(id).style;
      for (const stroke of [style.stroke!, ...Object.values(style.classes ?? {}).map((c) => c.stroke!)]) {
        expect(contrast(stroke, GROUND_COLOUR), `${id} ${stroke}`).toBeGreaterThanOrEqual(3);
      }
    }
  });
});
