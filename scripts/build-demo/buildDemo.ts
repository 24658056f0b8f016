/**
 * Builds the embedded demo city from the shared OSM and administrative-boundary files: the 3D buildings tileset,
 * the basemap GeoJSON layers, the admin boundaries and the catalogue. Pure function of its inputs: the same files
 * give byte-identical outputs (no clocks, stable ordering, rounded numbers).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseAdminGeoJson, simplifyAdminUnits } from './admin';
import { basemapLayers } from './basemapLayers';
import { buildBuildingsTile, collectBuildings } from './buildings';
import type { Building } from './buildings';
import { buildCatalog, OUTPUT_PATHS } from './catalog';
import { buildDemoSubmission } from './demoSubmission';
import { DemoBuildError } from './errors';
import { enuFrameAt } from './geodesy';
import { featureCollectionText, OSM_DECIMALS, roundTo } from './geojson';
import { parseOsmXml } from './osm';
import { buildSamplePlan } from './planSample';
import { buildTileset } from './tileset';
import { buildFloodDemo } from './terrain';

export interface BuildDemoOptions {
  /** The shared data folder (holds `vector/hanoi-vnu-osm/` and `vector/vn-admin-dvhcvn/`). */
  dataDir: string;
  outDir: string;
}

export interface BuildDemoReport {
  files: { path: string; bytes: number }[];
  buildingCount: number;
  heightSources: Record<string, number>;
  warnings: string[];
}

export const INPUT_PATHS = {
  osm: 'vector/hanoi-vnu-osm/vnu_caugiay_map.osm',
  osmBuildings: 'vector/hanoi-vnu-osm/vnu_buildings.geojson',
  admin: 'vector/vn-admin-dvhcvn/hanoi_admin_l1_l2.geojson',
} as const;

/** Douglas–Peucker tolerance for the boundaries: below the width of a drawn line at district zoom. */
const ADMIN_TOLERANCE_M = 15;
const GENERATOR = 'Sao scripts/build-demo';

export async function buildDemo({ dataDir, outDir }: BuildDemoOptions): Promise<BuildDemoReport> {
  const warnings: string[] = [];
  const osmText = await readInput(dataDir, INPUT_PATHS.osm);
  const doc = parseOsmXml(osmText, INPUT_PATHS.osm);
  if (!doc.bounds) {
    throw new DemoBuildError({
      en: `${INPUT_PATHS.osm} has no <bounds> element; the district extent comes from it`,
      vi: `${INPUT_PATHS.osm} không có phần tử <bounds>; phạm vi khu vực được lấy từ đó`,
    });
  }
  const { minLon, minLat, maxLon, maxLat } = doc.bounds;
  const centre = [roundTo((minLon + maxLon) / 2, OSM_DECIMALS), roundTo((minLat + maxLat) / 2, OSM_DECIMALS)] as const;
  const frame = enuFrameAt(centre[0], centre[1], 0);

  const buildings = collectBuildings(doc);
  warnings.push(...crossCheckBuildings(buildings, await readInput(dataDir, INPUT_PATHS.osmBuildings)));
  const tile = buildBuildingsTile(buildings, frame, GENERATOR);
  warnings.push(...tile.skipped.map((id) => `building ${id} has no footprint area and was left out`));
  const tileset = buildTileset({
    frame,
    bounds: tile.bounds,
    contentUri: 'buildings.glb',
    geometricError: Math.ceil(tile.largestFeatureSize),
    ...(doc.latestTimestamp ? { tilesetVersion: doc.latestTimestamp } : {}),
    credits: ['© OpenStreetMap contributors (ODbL)'],
  });

  const basemap = basemapLayers(doc, doc.bounds, buildings);
  const admin = simplifyAdminUnits(parseAdminGeoJson(await readInput(dataDir, INPUT_PATHS.admin), INPUT_PATHS.admin), ADMIN_TOLERANCE_M);
  warnings.push(...admin.unsimplified.map((ring) => `admin ${ring} would collapse when simplified and was kept as is`));
  const catalog = buildCatalog({ west: minLon, south: minLat, east: maxLon, north: maxLat });

  const outputs: [string, string | Uint8Array][] = [
    [OUTPUT_PATHS.catalog, jsonText(catalog)],
    [OUTPUT_PATHS.admin, featureCollectionText(admin.features)],
    [OUTPUT_PATHS.landuse, featureCollectionText(basemap.landuse)],
    [OUTPUT_PATHS.water, featureCollectionText(basemap.water)],
    [OUTPUT_PATHS.roads, featureCollectionText(basemap.roads)],
    [OUTPUT_PATHS.railways, featureCollectionText(basemap.railways)],
    [OUTPUT_PATHS.labels, featureCollectionText(basemap.labels)],
    [OUTPUT_PATHS.tileset, jsonText(tileset)],
    [OUTPUT_PATHS.buildingsGlb, tile.glb],
    ...buildFloodDemo({ extent: catalog.extent, buildings: buildings.filter((b) => !tile.skipped.includes(b.osmId)), roads: basemap.roads }),
    ...(await buildDemoSubmission(dataDir, doc)),
    ...buildSamplePlan(doc),
  ];
  const files: BuildDemoReport['files'] = [];
  for (const [path, content] of outputs) {
    const target = join(outDir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
    files.push({ path, bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.length });
  }

  const heightSources: Record<string, number> = {};
  for (const building of buildings) heightSources[building.height.source] = (heightSources[building.height.source] ?? 0) + 1;
  return { files, buildingCount: buildings.length - tile.skipped.length, heightSources, warnings };
}

async function readInput(dataDir: string, path: string): Promise<string> {
  const fullPath = join(dataDir, path);
  try {
    return await readFile(fullPath, 'utf8');
  } catch (cause) {
    throw new DemoBuildError(
      {
        en: `Input not found: ${fullPath}. Point SAO_SHARED_DATA (or --data) at the shared data folder that holds ${path}.`,
        vi: `Không tìm thấy dữ liệu vào: ${fullPath}. Hãy trỏ SAO_SHARED_DATA (hoặc --data) tới thư mục dữ liệu chung chứa ${path}.`,
      },
      { cause },
    );
  }
}

/** Compares the OSM buildings with the extract's own building GeoJSON; returns one warning per difference. */
function crossCheckBuildings(buildings: readonly Building[], geojsonText: string): string[] {
  const listed = new Set<string>();
  try {
    const collection = JSON.parse(geojsonText) as { features?: { properties?: { osm_way_id?: unknown; osm_id?: unknown } }[] };
    for (const feature of collection.features ?? []) {
      const id = feature.properties?.osm_way_id ?? feature.properties?.osm_id;
      if (typeof id === 'string' || typeof id === 'number') listed.add(String(id));
    }
  } catch (cause) {
    throw new DemoBuildError({ en: `${INPUT_PATHS.osmBuildings} is not valid JSON`, vi: `${INPUT_PATHS.osmBuildings} không phải JSON hợp lệ` }, { cause });
  }
  const ours = new Set(buildings.map((building) => building.osmId));
  return [
    ...[...ours].filter((id) => !listed.has(id)).map((id) => `building ${id} is in the .osm but not in ${INPUT_PATHS.osmBuildings}`),
    ...[...listed].filter((id) => !ours.has(id)).map((id) => `building ${id} is in ${INPUT_PATHS.osmBuildings} but not in the .osm`),
  ];
}

function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
