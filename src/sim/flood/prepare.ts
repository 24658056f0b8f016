/**
 * Scenario → `FloodModel`: reads the DEM (ESRI ASCII, GeoTIFF, or either inside a .zip), burns buildings,
 * Manning, rain and drainage zones, places inflows and gauges, and reprojects vector inputs given in the
 * scenario's CRS onto the DEM's (src/geo). File access goes through `ScenarioFiles`, so the same code runs in
 * Node (scripts) and in the browser (files picked by the user).
 */
import { unzipSync } from 'fflate';
import { createTransform } from '../../geo/index';
import { parseAsciiGrid } from './asciiGrid';
import { readGeoTiff } from './geoTiff';
import { buildModel } from './model';
import { burnPolygon, parseFeaturePolygons, parsePolygonCsv, parsePolygonGeoJson, transformPolygon } from './polygons';
import type { FeaturePolygon, Polygon } from './polygons';
import { alternatingBlockStorm, parseHyetographCsv } from './rain';
import { ScenarioError } from './ScenarioError';
import type { FloodModel, Grid, InflowSpec, Raster, Scenario, Series } from './types';

/** Files named by a scenario, relative to it. `expand` resolves `*` in a file name (a glob) to paths. */
export interface ScenarioFiles {
  read(path: string): Promise<Uint8Array>;
  exists(path: string): Promise<boolean>;
  expand(pattern: string): Promise<string[]>;
}

type Point = (x: number, y: number) => [number, number];

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const toSeries = (pairs: [number, number][]): Series => ({ times: pairs.map((p) => p[0]), values: pairs.map((p) => p[1]) });
const copyBuffer = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer;

async function readRaster(files: ScenarioFiles, path: string, field: string): Promise<Raster> {
  let name = path;
  let bytes = await files.read(path).catch((cause: unknown) => {
    throw new ScenarioError(field, `cannot read "${path}"`, { cause });
  });
  if (/\.zip$/i.test(name)) {
    const entries = unzipSync(bytes);
    const inner = Object.keys(entries).find((entry) => /\.(asc|tiff?)$/i.test(entry));
    if (!inner) throw new ScenarioError(field, `"${path}" holds no .asc or .tif`);
    name = inner;
    bytes = entries[inner]!;
  }
  if (/\.tiff?$/i.test(name)) return readGeoTiff(copyBuffer(bytes), field);
  if (/\.asc$/i.test(name)) return parseAsciiGrid(text(bytes), field);
  throw new ScenarioError(field, `"${path}" is neither an ESRI ASCII grid (.asc) nor a GeoTIFF (.tif)`);
}

/** The EPSG code of a WKT .prj (its last AUTHORITY / ID), or null for other .prj flavours. */
async function prjCrs(files: ScenarioFiles, demPath: string): Promise<string | null> {
  const prj = demPath.replace(/\.(asc|tiff?|zip)$/i, '.prj');
  if (prj === demPath || !(await files.exists(prj))) return null;
  const codes = [...text(await files.read(prj)).matchAll(/(?:AUTHORITY|ID)\["EPSG",\s*"?(\d+)"?\]/gi)];
  const last = codes.at(-1);
  return last ? `EPSG:${last[1]}` : null;
}

async function readPolygons(files: ScenarioFiles, pattern: string, field: string, toDem: Point | null): Promise<Polygon[]> {
  const paths = await files.expand(pattern);
  if (paths.length === 0) throw new ScenarioError(field, `no file matches "${pattern}"`);
  const polygons: Polygon[] = [];
  for (const path of paths) {
    const content = text(await files.read(path));
    polygons.push(...(/\.csv$/i.test(path) ? [parsePolygonCsv(content, field)] : parsePolygonGeoJson(content, field)));
  }
  if (toDem) polygons.forEach((p) => transformPolygon(p, toDem));
  return polygons;
}

/** A land-use layer's polygons with their classes, on the DEM's grid. */
async function readFeaturePolygons(files: ScenarioFiles, path: string, field: string, toDem: Point | null): Promise<FeaturePolygon[]> {
  const bytes = await files.read(path).catch((cause: unknown) => {
    throw new ScenarioError(field, `cannot read "${path}"`, { cause });
  });
  const features = parseFeaturePolygons(text(bytes), field);
  if (toDem) features.forEach((f) => transformPolygon(f.polygon, toDem));
  return features;
}

/** Active cells whose centre is within `radius` of the segment a–b. */
function cellsNearSegment(grid: Grid, ax: number, ay: number, bx: number, by: number, radius: number, into: Set<number>): void {
  const lengthSq = (bx - ax) ** 2 + (by - ay) ** 2;
  for (let j = 0; j < grid.ny; j++) {
    const y = grid.yTop - (j + 0.5) * grid.dx;
    for (let i = 0; i < grid.nx; i++) {
      const x = grid.x0 + (i + 0.5) * grid.dx;
      const s = lengthSq > 0 ? Math.min(1, Math.max(0, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / lengthSq)) : 0;
      if ((x - ax - s * (bx - ax)) ** 2 + (y - ay - s * (by - ay)) ** 2 <= radius * radius) into.add(j * grid.nx + i);
    }
  }
}

function inflowCells(grid: Grid, spec: InflowSpec, field: string, toDem: Point | null): number[] {
  const vertices = (spec.line ?? [[spec.x!, spec.y!]]).map(([x, y]) => (toDem ? toDem(x, y) : [x, y] as [number, number]));
  const cells = new Set<number>();
  for (let v = 0; v < vertices.length; v++) {
    const [ax, ay] = vertices[v]!;
    const [bx, by] = vertices[Math.min(v + 1, vertices.length - 1)]!;
    cellsNearSegment(grid, ax, ay, bx, by, spec.radiusMeters, cells);
  }
  if (cells.size === 0) {
    for (const [x, y] of vertices) {
      const i = Math.floor((x - grid.x0) / grid.dx);
      const j = Math.floor((grid.yTop - y) / grid.dx);
      if (i >= 0 && i < grid.nx && j >= 0 && j < grid.ny) cells.add(j * grid.nx + i);
    }
  }
  if (cells.size === 0) throw new ScenarioError(field, 'the inflow lies outside the DEM');
  return [...cells].sort((p, q) => p - q);
}

async function rainSeries(files: ScenarioFiles, scenario: Scenario): Promise<Series> {
  const rain = scenario.rain;
  if (rain?.hyetograph) return toSeries(rain.hyetograph);
  if (rain?.csv) return toSeries(parseHyetographCsv(text(await files.read(rain.csv)), 'rain.csv'));
  if (rain?.designStorm) return toSeries(alternatingBlockStorm(rain.designStorm));
  return { times: [0], values: [0] };
}

/** Everything a run needs, on the DEM's grid. */
export async function prepareScenario(scenario: Scenario, files: ScenarioFiles): Promise<FloodModel> {
  const dem = await readRaster(files, scenario.dem, 'dem');
  const demCrs = dem.crs ?? (await prjCrs(files, scenario.dem)) ?? scenario.crs ?? null;
  const vectorCrs = scenario.crs ?? demCrs;
  const grid: Grid = { nx: dem.nx, ny: dem.ny, dx: dem.dx, x0: dem.x0, yTop: dem.yTop, crs: demCrs };
  const toDem: Point | null = demCrs && vectorCrs && demCrs.toUpperCase() !== vectorCrs.toUpperCase()
    ? ((transform) => (x: number, y: number): [number, number] => {
        const [u, v] = transform(x, y);
        return [u, v];
      })(createTransform(vectorCrs, demCrs))
    : null;
  const cells = dem.nx * dem.ny;
  const bed = Float32Array.from(dem.values);

  const buildings = scenario.buildings;
  for (const [k, pattern] of (buildings?.polygons ?? []).entries()) {
    for (const polygon of await readPolygons(files, pattern, `buildings.polygons[${k}]`, toDem)) {
      burnPolygon(grid, polygon, (cell) => {
        bed[cell] = buildings!.mode === 'wall' ? NaN : bed[cell]! + buildings!.heightMeters!;
      });
    }
  }
  const manning = new Float32Array(cells).fill(scenario.manning.default);
  const landUse = scenario.manning.landUse;
  if (landUse) {
    const field = 'manning.landUse.layer';
    for (const { polygon, properties } of await readFeaturePolygons(files, landUse.layer, field, toDem)) {
      const n = landUse.n[String(properties[landUse.property])];
      if (n !== undefined) burnPolygon(grid, polygon, (cell) => (manning[cell] = n));
    }
  }
  for (const [k, zone] of (scenario.manning.zones ?? []).entries()) {
    for (const polygon of await readPolygons(files, zone.polygon, `manning.zones[${k}].polygon`, toDem)) {
      burnPolygon(grid, polygon, (cell) => (manning[cell] = zone.n));
    }
  }
  const rain: Series[] = [await rainSeries(files, scenario)];
  const rainZone = new Uint8Array(cells);
  for (const [k, zone] of (scenario.rain?.zones ?? []).entries()) {
    rain.push(toSeries(zone.hyetograph));
    for (const polygon of await readPolygons(files, zone.polygon, `rain.zones[${k}].polygon`, toDem)) {
      burnPolygon(grid, polygon, (cell) => (rainZone[cell] = k + 1));
    }
  }
  const drainageMmPerHour = [scenario.drainage?.defaultMmPerHour ?? 0];
  const drainageZone = new Uint8Array(cells);
  for (const [k, zone] of (scenario.drainage?.zones ?? []).entries()) {
    drainageMmPerHour.push(zone.mmPerHour);
    for (const polygon of await readPolygons(files, zone.polygon, `drainage.zones[${k}].polygon`, toDem)) {
      burnPolygon(grid, polygon, (cell) => (drainageZone[cell] = k + 1));
    }
  }
  let initialStage: Float32Array | undefined;
  if (scenario.initialStage) {
    const stage = await readRaster(files, scenario.initialStage, 'initialStage');
    if (stage.nx !== dem.nx || stage.ny !== dem.ny) throw new ScenarioError('initialStage', 'must be on the DEM grid');
    initialStage = stage.values;
  }
  return buildModel({
    grid,
    bed,
    manning,
    rain,
    rainZone,
    drainageMmPerHour,
    drainageZone,
    inflows: (scenario.inflows ?? []).map((spec, k) => ({ cells: inflowCells(grid, spec, `inflows[${k}]`, toDem), hydrograph: toSeries(spec.hydrograph) })),
    boundaries: scenario.boundaries,
    gauges: (scenario.gauges ?? []).map((g) => {
      const [x, y] = toDem ? toDem(g.x, g.y) : [g.x, g.y];
      return { id: g.id, x, y };
    }),
    durationSeconds: scenario.durationSeconds,
    outputIntervalSeconds: scenario.outputIntervalSeconds,
    ...(initialStage ? { initialStage } : {}),
    ...(scenario.numerics ? { numerics: scenario.numerics } : {}),
  });
}
