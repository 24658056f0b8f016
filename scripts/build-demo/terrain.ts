/**
 * The demo district's flood case: a **synthetic** terrain (no public DEM of Hà Nội exists) and a design-storm
 * scenario in the flood engine's format (src/sim/flood/types.ts), all in VN-2000 / TM-3 zone 482 (EPSG:5897,
 * Hà Nội's provincial grid). Everything here is an assumption stated once; the app labels the case *synthetic*.
 *
 * Terrain (`flood/terrain.asc` + `.prj`, 2 m cells, north-up in EPSG:5897, covering the catalogue extent):
 * - **Regional fall towards the Tô Lịch.** The nearest river is the Tô Lịch, about 2 km east-south-east of the
 *   district (it passes under Cầu Giấy bridge near 105.8025° E, 21.0335° N). The ground is a plane falling towards
 *   that point at **1 m per km (0.1 %)**: the Red River delta inside the dykes is nearly flat (Hà Nội's inner
 *   districts lie between about 5 and 9 m above the Hòn Dấu datum), and 0.1 % is the order of the city's
 *   natural surface fall towards its drainage rivers. `GROUND_AT_CENTRE_M` (7 m) is a typical Cầu Giấy level.
 *   Over the ~570 m district the fall is ~0.6 m: enough for a directed flow, gentle enough that streets pond.
 * - **Blocks above streets.** Everything off the road network is the block level, `BLOCK_LIFT_M` above the plane;
 *   OSM roads of the demo basemap are burned below it by class (`ROAD_CLASSES`: width and depth, 0.15 m for
 *   footways to 0.30 m for main roads — kerb heights of Vietnamese urban streets, TCVN 104:2007 ~ 0.15–0.30 m).
 *   Bridges (the elevated Ring Road 3, the Mai Dịch flyover) and tunnels are left out: they do not hold water.
 * - **Buildings** are not in the DEM: `flood/buildings.geojson` holds the demo's 87 footprints (with OSM id, name
 *   and height) for the scenario's `buildings` (raise mode, +5 m: water never tops them), so the app can highlight
 *   the buildings it floods.
 *
 * Scenario (`flood/scenario.json`, paths relative to it):
 * - **Rain:** alternating-block storm (Chow, Maidment & Mays 1988 §14.4), 60 min in 5 min blocks, return period
 *   10 years, from the rainfall-intensity formula of TCVN 7957:2008 (drainage design standard), Appendix B, with the
 *   parameters commonly cited for Hà Nội: q = A(1 + C·lg P)/(t + b)^n l/s·ha, A = 5890, C = 0.65, b = 20, n = 0.84
 *   (1 l/s·ha = 0.36 mm/h). Treat it as **illustrative**: check the parameters against the standard before any
 *   operational use. `hanoiIdf(P)` (src/sim/flood/ui/hanoiStorm.ts, shared with the app's editor) gives the engine's
 *   i = a/(D + b)^c (mm/h, D in minutes).
 * - **Drainage:** 40 mm/h everywhere (the order of a sewer network designed for a 1–2 year storm), 30 mm/h in the
 *   eastern half, where the network is assumed surcharged by the high Tô Lịch level (illustrative).
 * - **Boundaries:** north and west walls (the ground rises away from the river: no water comes in that way here),
 *   east and south open (downstream, towards the river). Manning n 0.03 (mixed paved urban surfaces).
 * - 90 min simulated (the 60 min storm and 30 min of recession), frames every 60 s, gauges on four streets.
 */
import { createTransform } from '../../src/geo';
import type { GeoExtent } from '../../src/gis/types';
import { formatAsciiGrid } from '../../src/sim/flood/asciiGrid';
import type { Grid, Scenario } from '../../src/sim/flood/types';
import { hanoiIdf } from '../../src/sim/flood/ui/hanoiStorm';
import type { Building } from './buildings';
import type { Feature } from './geojson';

export const FLOOD_CRS = 'EPSG:5897';
export const CELL_SIZE_M = 2;
export const GROUND_AT_CENTRE_M = 7;
/** Fall of the ground per metre towards the river (0.1 %). */
export const REGIONAL_SLOPE = 0.001;
/** An approximate point of the Tô Lịch at Cầu Giấy bridge (WGS 84). */
export const TO_LICH_POINT = [105.8025, 21.0335] as const;
export const BLOCK_LIFT_M = 0.3;
export const BUILDING_RAISE_M = 5;

/** Full width (m) and depth below the block level (m) of a burned road, by basemap class. */
export const ROAD_CLASSES: Record<string, { width: number; depth: number }> = {
  motorway: { width: 20, depth: 0.3 },
  trunk: { width: 16, depth: 0.3 },
  primary: { width: 14, depth: 0.3 },
  secondary: { width: 12, depth: 0.25 },
  tertiary: { width: 10, depth: 0.25 },
  residential: { width: 7, depth: 0.2 },
  service: { width: 5, depth: 0.15 },
  footway: { width: 3, depth: 0.15 },
};

export const FLOOD_OUTPUT_PATHS = {
  dem: 'flood/terrain.asc',
  prj: 'flood/terrain.prj',
  buildings: 'flood/buildings.geojson',
  drainageZone: 'flood/drainage-east.geojson',
  scenario: 'flood/scenario.json',
} as const;

/** WKT 1 (ESRI .prj flavour) with the EPSG code last, where the engine looks for it. */
const PRJ = 'PROJCS["VN-2000 / TM-3 zone 482",GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563],' +
  'TOWGS84[-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278]],PRIMEM["Greenwich",0],' +
  'UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],' +
  'PARAMETER["central_meridian",105],PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",500000],' +
  'PARAMETER["false_northing",0],UNIT["metre",1],AUTHORITY["EPSG","5897"]]\n';

type XY = [number, number];

const mm = (value: number): number => Math.round(value * 1000) / 1000 || 0;

export interface FloodDemoInput {
  extent: GeoExtent;
  buildings: readonly Building[];
  roads: readonly Feature[];
}

/** The grid: the extent's corners in EPSG:5897, widened to whole cells. */
export function floodGrid(extent: GeoExtent): Grid {
  const toGrid = createTransform('EPSG:4326', FLOOD_CRS);
  const corners = [[extent.west, extent.south], [extent.east, extent.south], [extent.east, extent.north], [extent.west, extent.north]]
    .map(([lon, lat]) => toGrid(lon!, lat!));
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const x0 = Math.floor(Math.min(...xs) / CELL_SIZE_M) * CELL_SIZE_M;
  const y0 = Math.floor(Math.min(...ys) / CELL_SIZE_M) * CELL_SIZE_M;
  const x1 = Math.ceil(Math.max(...xs) / CELL_SIZE_M) * CELL_SIZE_M;
  const y1 = Math.ceil(Math.max(...ys) / CELL_SIZE_M) * CELL_SIZE_M;
  return { nx: (x1 - x0) / CELL_SIZE_M, ny: (y1 - y0) / CELL_SIZE_M, dx: CELL_SIZE_M, x0, yTop: y1, crs: FLOOD_CRS };
}

/** Roads that carry surface water: not bridges, not tunnels, of a known class; as EPSG:5897 polylines. */
export function floodRoads(roads: readonly Feature[], toGrid: (lon: number, lat: number) => XY): { cls: string; line: XY[] }[] {
  const lines: { cls: string; line: XY[] }[] = [];
  for (const road of roads) {
    const { class: cls, bridge, tunnel } = road.properties;
    if (bridge === true || tunnel === true || typeof cls !== 'string' || !ROAD_CLASSES[cls]) continue;
    const parts = road.geometry.type === 'LineString' ? [road.geometry.coordinates]
      : road.geometry.type === 'MultiLineString' ? road.geometry.coordinates : [];
    for (const part of parts) lines.push({ cls, line: part.map(([lon, lat]) => toGrid(lon, lat)) });
  }
  return lines;
}

/** Depth below the block level per cell: the deepest road whose half-width covers the cell centre. */
function roadCut(grid: Grid, roads: { cls: string; line: XY[] }[]): Float32Array {
  const cut = new Float32Array(grid.nx * grid.ny);
  for (const { cls, line } of roads) {
    const { width, depth } = ROAD_CLASSES[cls]!;
    const half = width / 2;
    for (let s = 0; s + 1 < line.length; s++) {
      const [ax, ay] = line[s]!;
      const [bx, by] = line[s + 1]!;
      const i0 = Math.max(0, Math.floor((Math.min(ax, bx) - half - grid.x0) / grid.dx));
      const i1 = Math.min(grid.nx - 1, Math.floor((Math.max(ax, bx) + half - grid.x0) / grid.dx));
      const j0 = Math.max(0, Math.floor((grid.yTop - Math.max(ay, by) - half) / grid.dx));
      const j1 = Math.min(grid.ny - 1, Math.floor((grid.yTop - Math.min(ay, by) + half) / grid.dx));
      const lengthSq = (bx - ax) ** 2 + (by - ay) ** 2;
      for (let j = j0; j <= j1; j++) {
        const y = grid.yTop - (j + 0.5) * grid.dx;
        for (let i = i0; i <= i1; i++) {
          const x = grid.x0 + (i + 0.5) * grid.dx;
          const u = lengthSq > 0 ? Math.min(1, Math.max(0, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / lengthSq)) : 0;
          if ((x - ax - u * (bx - ax)) ** 2 + (y - ay - u * (by - ay)) ** 2 <= half * half) {
            const k = j * grid.nx + i;
            if (depth > cut[k]!) cut[k] = depth;
          }
        }
      }
    }
  }
  return cut;
}

/** Ground elevation: the regional plane falling towards the Tô Lịch, blocks lifted, roads cut below them. */
export function syntheticTerrain(grid: Grid, extent: GeoExtent, roads: { cls: string; line: XY[] }[]): Float32Array {
  const toGrid = createTransform('EPSG:4326', FLOOD_CRS);
  const [cx, cy] = toGrid((extent.west + extent.east) / 2, (extent.south + extent.north) / 2);
  const [rx, ry] = toGrid(TO_LICH_POINT[0], TO_LICH_POINT[1]);
  const length = Math.hypot(rx - cx, ry - cy);
  const [ux, uy] = [(rx - cx) / length, (ry - cy) / length];
  const cut = roadCut(grid, roads);
  const z = new Float32Array(grid.nx * grid.ny);
  for (let j = 0; j < grid.ny; j++) {
    const y = grid.yTop - (j + 0.5) * grid.dx;
    for (let i = 0; i < grid.nx; i++) {
      const x = grid.x0 + (i + 0.5) * grid.dx;
      const along = (x - cx) * ux + (y - cy) * uy;
      const k = j * grid.nx + i;
      z[k] = mm(GROUND_AT_CENTRE_M - REGIONAL_SLOPE * along + BLOCK_LIFT_M - cut[k]!);
    }
  }
  return z;
}

function buildingsGeoJson(buildings: readonly Building[], toGrid: (lon: number, lat: number) => XY): string {
  const lines = buildings.flatMap((b) => b.polygons.map((rings) => JSON.stringify({
    type: 'Feature',
    properties: { osmId: b.osmId, name: b.name, heightMeters: b.height.heightMeters },
    geometry: { type: 'Polygon', coordinates: rings.map((ring) => ring.map(([lon, lat]) => toGrid(lon, lat).map(mm))) },
  })));
  return featureCollection(lines);
}

function featureCollection(lines: string[]): string {
  const crs = '"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::5897"}}';
  return `{"type":"FeatureCollection",${crs},"features":[\n${lines.join(',\n')}\n]}\n`;
}

/** The eastern half of the grid (the drainage zone at reduced capacity). */
function eastHalf(grid: Grid): string {
  const xm = grid.x0 + Math.round(grid.nx / 2) * grid.dx;
  const [x1, y0] = [grid.x0 + grid.nx * grid.dx, grid.yTop - grid.ny * grid.dx];
  const ring = [[xm, y0], [x1, y0], [x1, grid.yTop], [xm, grid.yTop], [xm, y0]];
  return featureCollection([JSON.stringify({ type: 'Feature', properties: { mmPerHour: 30 }, geometry: { type: 'Polygon', coordinates: [ring] } })]);
}

/** Gauges at the middle of the vertices of four named streets lying at least 20 m inside the grid. */
function gauges(grid: Grid, roads: readonly Feature[], toGrid: (lon: number, lat: number) => XY): NonNullable<Scenario['gauges']> {
  const MARGIN_M = 20;
  const inside = ([x, y]: XY): boolean => x > grid.x0 + MARGIN_M && x < grid.x0 + grid.nx * grid.dx - MARGIN_M
    && y < grid.yTop - MARGIN_M && y > grid.yTop - grid.ny * grid.dx + MARGIN_M;
  const streets = ['Đường Xuân Thủy', 'Ngõ 130 Đường Xuân Thủy', 'Ngõ 199 Phố Trần Quốc Hoàn', 'Ngõ 243'];
  return streets.flatMap((name, n) => {
    const points = roads.filter((r) => r.properties.name === name && r.geometry.type === 'LineString')
      .flatMap((r) => (r.geometry.coordinates as [number, number][]).map(([lon, lat]) => toGrid(lon, lat)))
      .filter(inside);
    const point = points[Math.floor(points.length / 2)];
    return point ? [{ id: `G${n + 1} ${name}`, x: mm(point[0]), y: mm(point[1]) }] : [];
  });
}

export function demoScenario(grid: Grid, roads: readonly Feature[], toGrid: (lon: number, lat: number) => XY): Scenario & { $schema: string } {
  return {
    $schema: '../../../src/sim/flood/scenario.schema.json',
    crs: FLOOD_CRS,
    dem: 'terrain.asc',
    durationSeconds: 5400,
    initialStage: null,
    manning: { default: 0.03 },
    buildings: { polygons: ['buildings.geojson'], mode: 'raise', heightMeters: BUILDING_RAISE_M },
    inflows: [],
    rain: { designStorm: { idf: hanoiIdf(10), durationMinutes: 60, blockMinutes: 5 } },
    drainage: { defaultMmPerHour: 40, zones: [{ polygon: 'drainage-east.geojson', mmPerHour: 30 }] },
    boundaries: { north: 'wall', east: 'open', south: 'open', west: 'wall' },
    gauges: gauges(grid, roads, toGrid),
    outputIntervalSeconds: 60,
  };
}

/** Every file of the flood case, paths relative to the demo folder. */
export function buildFloodDemo({ extent, buildings, roads }: FloodDemoInput): [string, string][] {
  const project = createTransform('EPSG:4326', FLOOD_CRS);
  const toGrid = (lon: number, lat: number): XY => {
    const [x, y] = project(lon, lat);
    return [x, y];
  };
  const grid = floodGrid(extent);
  const z = syntheticTerrain(grid, extent, floodRoads(roads, toGrid));
  return [
    [FLOOD_OUTPUT_PATHS.dem, formatAsciiGrid(grid, z, -9999, 3)],
    [FLOOD_OUTPUT_PATHS.prj, PRJ],
    [FLOOD_OUTPUT_PATHS.buildings, buildingsGeoJson(buildings, toGrid)],
    [FLOOD_OUTPUT_PATHS.drainageZone, eastHalf(grid)],
    [FLOOD_OUTPUT_PATHS.scenario, `${JSON.stringify(demoScenario(grid, roads, toGrid), null, 2)}\n`],
  ];
}
