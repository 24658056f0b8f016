/**
 * The city catalogue of the demo district (`city.json`, type {@link CityCatalog}): layers in draw order, each
 * restorable from its spec alone.
 */
import type { CityCatalog, GeoExtent } from '../../src/gis/types';
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
      {
        id: 'admin', kind: 'geojson', url: OUTPUT_PATHS.admin, visible: true, opacity: 1, source: ADMIN_SOURCE,
        title: { vi: 'Ranh giới hành chính', en: 'Administrative boundaries' },
        style: ADMIN_STYLE,
      },
      {
        id: 'landuse', kind: 'geojson', url: OUTPUT_PATHS.landuse, visible: true, opacity: 0.8, source: OSM_SOURCE,
        title: { vi: 'Sử dụng đất', en: 'Land use' },
        style: LANDUSE_STYLE,
      },
      {
        id: 'water', kind: 'geojson', url: OUTPUT_PATHS.water, visible: true, opacity: 1, source: OSM_SOURCE,
        title: { vi: 'Mặt nước', en: 'Water' },
        style: WATER_STYLE,
      },
      {
        id: 'roads', kind: 'geojson', url: OUTPUT_PATHS.roads, visible: true, opacity: 1, source: OSM_SOURCE,
        title: { vi: 'Đường', en: 'Roads' },
        style: ROAD_STYLE,
      },
      {
        id: 'railways', kind: 'geojson', url: OUTPUT_PATHS.railways, visible: true, opacity: 1, source: OSM_SOURCE,
        title: { vi: 'Đường sắt đô thị', en: 'Railways' },
        style: RAILWAY_STYLE,
      },
      {
        id: 'labels', kind: 'geojson', url: OUTPUT_PATHS.labels, visible: true, opacity: 1, source: OSM_SOURCE,
        title: { vi: 'Nhãn địa danh', en: 'Labels' },
        style: LABEL_STYLE,
      },
      {
        id: 'buildings', kind: '3dtiles', url: OUTPUT_PATHS.tileset, visible: true, opacity: 1, source: OSM_SOURCE,
        title: { vi: 'Công trình (3D)', en: 'Buildings (3D)' },
      },
    ],
  };
}
