/**
 * The run worker's inputs: scenario files fetched from the app's origin (or handed over as buffers when the user
 * picked them), and the layers the flood statistics need — the scenario's building footprints with their
 * attributes, and the basemap's roads — reduced to the model grid.
 */
import { createTransform } from '../../src/geo/index';
import type { Polygon } from '../../src/sim/flood/polygons';
import { parsePolygonCsv } from '../../src/sim/flood/polygons';
import type { ScenarioFiles } from '../../src/sim/flood/prepare';
import type { Grid, Scenario } from '../../src/sim/flood/types';
import type { BuildingInfo } from './protocol';

/** Files relative to `baseUrl`; picked files first. A `*` glob matches picked files only (a server lists nothing). */
export function fetchScenarioFiles(baseUrl: string, picked: Record<string, ArrayBuffer>): ScenarioFiles {
  const url = (path: string): string => new URL(path, baseUrl).href;
  return {
    read: async (path) => {
      const own = picked[path];
      if (own) return new Uint8Array(own);
      const response = await fetch(url(path));
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${url(path)}`);
      return new Uint8Array(await response.arrayBuffer());
    },
    exists: async (path) => path in picked || (await fetch(url(path), { method: 'HEAD' }).then((r) => r.ok, () => false)),
    expand: async (pattern) => {
      if (!/[*?]/.test(pattern)) return [pattern];
      const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '.')}$`);
      return Object.keys(picked).filter((path) => regex.test(path)).sort();
    },
  };
}

type Transform = (x: number, y: number) => [number, number];

function transformOrIdentity(from: string | null, to: string | null): Transform {
  if (!from || !to || from.toUpperCase() === to.toUpperCase()) return (x, y) => [x, y];
  const transform = createTransform(from, to);
  return (x, y) => {
    const [u, v] = transform(x, y);
    return [u, v];
  };
}

interface FootprintFeature {
  properties?: { osmId?: unknown; name?: unknown; heightMeters?: unknown } | null;
  geometry?: { type: string; coordinates: number[][][] | number[][][][] } | null;
}

export interface ScenarioBuildings {
  info: BuildingInfo[];
  /** Footprints in the grid's CRS, one list of polygons per building. */
  footprints: Polygon[][];
}

/** The scenario's building footprints (GeoJSON keeps `osmId`, `name`, `heightMeters`; a CSV is one building). */
export async function readBuildings(files: ScenarioFiles, scenario: Scenario, grid: Grid): Promise<ScenarioBuildings> {
  const vectorCrs = scenario.crs ?? grid.crs;
  const toGrid = transformOrIdentity(vectorCrs, grid.crs);
  const toWgs84 = vectorCrs ? transformOrIdentity(vectorCrs, 'EPSG:4326') : null;
  const result: ScenarioBuildings = { info: [], footprints: [] };
  const add = (id: string, name: string, heightMeters: number, polygons: Polygon[]): void => {
    const outer = polygons[0]?.[0] ?? [];
    const ring: number[] = [];
    for (let p = 0; toWgs84 && p < outer.length; p += 2) ring.push(...toWgs84(outer[p]!, outer[p + 1]!));
    polygons.forEach((polygon) => polygon.forEach((r) => {
      for (let p = 0; p < r.length; p += 2) [r[p], r[p + 1]] = toGrid(r[p]!, r[p + 1]!);
    }));
    result.info.push({ osmId: id, name, heightMeters, ring });
    result.footprints.push(polygons);
  };
  for (const pattern of scenario.buildings?.polygons ?? []) {
    for (const path of await files.expand(pattern)) {
      const text = new TextDecoder().decode(await files.read(path));
      if (/\.csv$/i.test(path)) {
        add(path, path, 0, [parsePolygonCsv(text, 'buildings.polygons')]);
        continue;
      }
      const json = JSON.parse(text) as { features?: FootprintFeature[] };
      (json.features ?? []).forEach((feature, n) => {
        const g = feature.geometry;
        if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return;
        const polygons = (g.type === 'Polygon' ? [g.coordinates as number[][][]] : (g.coordinates as number[][][][]))
          .map((rings) => rings.map((r) => r.flatMap((p) => [p[0]!, p[1]!])));
        const p = feature.properties ?? {};
        add(String(p.osmId ?? `${path}#${n}`), typeof p.name === 'string' ? p.name : '', Number(p.heightMeters) || 0, polygons);
      });
    }
  }
  return result;
}

interface RoadFeature {
  properties?: { bridge?: unknown; tunnel?: unknown } | null;
  geometry?: { type: string; coordinates: number[][] | number[][][] } | null;
}

/** Roads at ground level (no bridges, no tunnels) as polylines in the grid's CRS. */
export async function readRoads(roadsUrl: string | null, grid: Grid): Promise<number[][][]> {
  if (!roadsUrl || !grid.crs) return [];
  const response = await fetch(roadsUrl);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${roadsUrl}`);
  const json = (await response.json()) as { features?: RoadFeature[] };
  const toGrid = transformOrIdentity('EPSG:4326', grid.crs);
  const lines: number[][][] = [];
  for (const feature of json.features ?? []) {
    if (feature.properties?.bridge === true || feature.properties?.tunnel === true || !feature.geometry) continue;
    const { type, coordinates } = feature.geometry;
    const parts = type === 'LineString' ? [coordinates as number[][]] : type === 'MultiLineString' ? (coordinates as number[][][]) : [];
    for (const part of parts) lines.push(part.map((p) => toGrid(p[0]!, p[1]!)));
  }
  return lines;
}
