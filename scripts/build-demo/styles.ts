/**
 * Map styles of the demo layers. Colours are chosen for a light ground (the app's default basemap, assumed no
 * darker than {@link GROUND_COLOUR}, OpenStreetMap Carto's land colour): label text keeps a WCAG 2.x contrast of
 * at least 4.5:1 against it (SC 1.4.3), roads and boundaries at least 3:1 (SC 1.4.11, non-text contrast).
 * tests/unit/demo/catalog.test.ts checks both.
 */
import type { VectorStyle } from '../../src/gis/types';

export const GROUND_COLOUR = '#f2efe9';

export const ADMIN_STYLE: VectorStyle = {
  stroke: '#7b3f9e',
  strokeWidth: 1.5,
  byProperty: 'level',
  classes: { '1': { stroke: '#5b2a86', strokeWidth: 3 }, '2': { stroke: '#7b3f9e', strokeWidth: 1.5 } },
};

export const LANDUSE_STYLE: VectorStyle = {
  fill: '#e8e4da',
  stroke: '#b9b2a3',
  strokeWidth: 1,
  byProperty: 'class',
  classes: {
    university: { fill: '#efe3c6', stroke: '#c4ad7a' },
    college: { fill: '#efe3c6', stroke: '#c4ad7a' },
    school: { fill: '#efe3c6', stroke: '#c4ad7a' },
    pitch: { fill: '#b8e0c2', stroke: '#5aa66e' },
    stadium: { fill: '#cfe8d3', stroke: '#6fae7f' },
    track: { fill: '#e8b9a0', stroke: '#b9714b' },
    park: { fill: '#c8e6b9', stroke: '#79b060' },
    grass: { fill: '#cfe8c0', stroke: '#8cbc72' },
    parking: { fill: '#e3e3e6', stroke: '#9a9aa3' },
    fuel: { fill: '#ecd9d9', stroke: '#b98a8a' },
    place_of_worship: { fill: '#e6dcec', stroke: '#a48ab5' },
    military: { fill: '#f1d8d4', stroke: '#c2877d' },
    construction: { fill: '#e9e1cf', stroke: '#b3a27a' },
    residential: { fill: '#e6e1da', stroke: '#bdb5aa' },
  },
};

export const WATER_STYLE: VectorStyle = { fill: '#aad3df', stroke: '#3f83a6', strokeWidth: 1.5 };

/** Width falls and colour lightens down the road hierarchy; even footways stay at 3:1 against the ground. */
export const ROAD_STYLE: VectorStyle = {
  stroke: '#6b6b6b',
  strokeWidth: 2,
  byProperty: 'class',
  classes: {
    motorway: { stroke: '#b8312f', strokeWidth: 6 },
    trunk: { stroke: '#c0392b', strokeWidth: 5.5 },
    primary: { stroke: '#b45309', strokeWidth: 5 },
    secondary: { stroke: '#9a6700', strokeWidth: 4.5 },
    tertiary: { stroke: '#6b6b3a', strokeWidth: 4 },
    residential: { stroke: '#646e7a', strokeWidth: 3 },
    service: { stroke: '#7a8290', strokeWidth: 2 },
    footway: { stroke: '#8b5a7a', strokeWidth: 1.5 },
  },
};

/** The metro line in its OSM `colour` (Line 3's #90403E); other rail in dark grey. */
export const RAILWAY_STYLE: VectorStyle = {
  stroke: '#3d3d3d',
  strokeWidth: 3,
  byProperty: 'class',
  classes: { subway: { stroke: '#90403e', strokeWidth: 4 }, rail: { stroke: '#3d3d3d', strokeWidth: 3 } },
};

/** Dark text with a white halo (`stroke`); area names in dark green, points of interest in dark brown. */
export const LABEL_STYLE: VectorStyle = {
  fill: '#1f2937',
  stroke: '#ffffff',
  strokeWidth: 3,
  labelProperty: 'name',
  labelHeightProperty: 'height',
  labelMaxDistance: 1000,
  byProperty: 'kind',
  // Cesium has no label collision: fewer, larger things are named from afar, building names only close up.
  classes: {
    area: { fill: '#1e4d2b', labelMaxDistance: 2000 },
    road: { fill: '#374151', labelMaxDistance: 1000 },
    railway: { fill: '#5c2320', labelMaxDistance: 2500 },
    building: { fill: '#111827', labelMaxDistance: 400 },
    poi: { fill: '#6b3410', labelMaxDistance: 600 },
  },
};
