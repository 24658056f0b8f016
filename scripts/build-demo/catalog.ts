/**
 * The city catalogue of the demo district (`city.json`, type {@link CityCatalog}): layers in draw order, each
 * restorable from its spec alone.
 */
import type { CityCatalog, GeoExtent, LocalizedText, VectorLayerSpec, VectorStyle } from '../../src/gis/types';
import { ADMIN_STYLE, LABEL_STYLE, LANDUSE_STYLE, RAILWAY_STYLE, ROAD_STYLE, WATER_STYLE } from './styles';

export const OSM_SOURCE = '© OpenStreetMap contributors, ODbL 1.0 (vnu_caugiay_map.osm, via phuongmt3/VNU_Route_Planner)';
export const ADMIN_SOURCE = 'dvhcvn by daohoangson (GPL-3.0); boundaries from gis.chinhphu.vn, GSO codes, 1 March 2025';

export const ATTRIBUTION = [
  '© OpenStreetMap contributors — Open Database License (ODbL) 1.0',
  'Ranh giới hành chính / administrative boundaries: dvhcvn (GPL-3.0), geometry from gis.chinhphu.vn',
];

/** Output paths, relative to the catalogue (and to the output folder). */
export const OUTPUT_PATHS = {
  catalog: 'city.json',
  admin: 'admin/hanoi.geojson',
  landuse: 'basemap/landuse.geojson',
  water: 'basemap/water.geojson',
  roads: 'basemap/roads.geojson',
  railways: 'basemap/railways.geojson',
  labels: 'basemap/labels.geojson',
  tileset: 'buildings/tileset.json',
  buildingsGlb: 'buildings/buildings.glb',
} as const;

export function buildCatalog(extent: GeoExtent): CityCatalog {
  return {
    id: 'hanoi-vnu-caugiay',
    name: { vi: 'Hà Nội — khu ĐHQG Cầu Giấy', en: 'Hà Nội — VNU Cầu Giấy' },
    province: { gsoCode: '01', name: 'Thành phố Hà Nội', vn2000: 'EPSG:5897' },
    extent,
    attribution: ATTRIBUTION,
    layers: [
      vectorLayer('admin', OUTPUT_PATHS.admin, { vi: 'Ranh giới hành chính', en: 'Administrative boundaries' }, ADMIN_STYLE, ADMIN_SOURCE),
      vectorLayer('landuse', OUTPUT_PATHS.landuse, { vi: 'Sử dụng đất', en: 'Land use' }, LANDUSE_STYLE, OSM_SOURCE, 0.8),
      vectorLayer('water', OUTPUT_PATHS.water, { vi: 'Mặt nước', en: 'Water' }, WATER_STYLE, OSM_SOURCE),
      vectorLayer('roads', OUTPUT_PATHS.roads, { vi: 'Đường', en: 'Roads' }, ROAD_STYLE, OSM_SOURCE),
      vectorLayer('railways', OUTPUT_PATHS.railways, { vi: 'Đường sắt đô thị', en: 'Railways' }, RAILWAY_STYLE, OSM_SOURCE),
      vectorLayer('labels', OUTPUT_PATHS.labels, { vi: 'Nhãn địa danh', en: 'Labels' }, LABEL_STYLE, OSM_SOURCE),
      {
        id: 'buildings', kind: '3dtiles', title: { vi: 'Công trình (3D)', en: 'Buildings (3D)' },
        url: OUTPUT_PATHS.tileset, visible: true, opacity: 1, source: OSM_SOURCE,
      },
    ],
  };
}

function vectorLayer(id: string, url: string, title: LocalizedText, style: VectorStyle, source: string, opacity = 1): VectorLayerSpec {
  return { id, kind: 'geojson', title, url, visible: true, opacity, source, style };
}
