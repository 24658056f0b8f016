/**
 * The demo submission (issue 3 §3): a copy of the KIT sample house `AC20-FZK-Haus.ifc` (IFC4) georeferenced to
 * VN-2000 / TM-3 zone 482 (EPSG:5897, Hà Nội's provincial grid) and standing on a real open parcel of the demo
 * district, as an investor would hand it in under Decree 269/2025 Art. 20.2. The *Thẩm định BIM* workspace opens
 * it in one click from `bim/submission.json`.
 *
 * - **Parcel:** OSM way 906733536, `landuse=construction` "Mipec Xuân Thủy Plaza": an open building plot of
 *   ~3.8 ha on Xuân Thủy street with no road through it and a single small shed (way 1046139328) in its
 *   south-west corner. The other open areas of the extract are sports pitches, or parking strips 12 m wide —
 *   too narrow for the house's 18 × 16 m site with setbacks.
 * - **Placement:** the project origin goes to the parcel's area centroid (grid coordinates rounded to the mm);
 *   the project x axis runs along the parcel's longest side (XAxisAbscissa/XAxisOrdinate, in grid directions);
 *   Scale is left out (the model is in metres, like the grid). OrthogonalHeight is the district's typical ground
 *   level above the Hòn Dấu 1992 datum (`GROUND_AT_CENTRE_M`, also the flood terrain's). The builder checks that
 *   the origin lies `CLEARANCE_M` from the parcel's edges and from every OSM building, which keeps the model's
 *   whole site at least 5 m inside the parcel and clear of its neighbours.
 * - **The IFC edit** adds an IfcProjectedCRS and an IfcMapConversion on the 3D 'Model' context, and rewrites
 *   what would contradict them: IfcSite RefLatitude/RefLongitude/RefElevation (Karlsruhe in the source) and the
 *   contexts' TrueNorth (grid north turned by the meridian convergence). Every other byte is the source's.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createTransform } from '../../src/geo';
import { compoundAngle, findInstances, formatInstance, maxInstanceId, stepReal, stepString } from '../ifc/stepText';
import { INPUT_PATHS } from './buildDemo';
import { collectBuildings } from './buildings';
import { centroidOf } from './labels';
import { DemoBuildError } from './errors';
import { parseOsmXml } from './osm';
import type { OsmDocument } from './osm';
import { pointInRing, wayCoordinates } from './osmGeometry';
import type { LonLat } from './osmGeometry';
import { GROUND_AT_CENTRE_M } from './terrain';

export const DEMO_SUBMISSION_PATHS = {
  sourceIfc: 'ifc/web-ifc/AC20-FZK-Haus.ifc',
  ifc: 'bim/AC20-FZK-Haus.vn2000.ifc',
  submission: 'bim/submission.json',
} as const;

const CRS = 'EPSG:5897';
const PARCEL_WAY = '906733536';
/**
 * The FZK-Haus site (its 'Box' representation: 18 × 16 m from project (−3, −3)) reaches 19.8 m from the project
 * origin; 25 m from the origin to any parcel edge or other building leaves at least 5 m whatever the rotation.
 */
const CLEARANCE_M = 25;

type XY = [number, number];

/** The map conversion the demo file states, with where its origin lands. */
export interface DemoPlacement {
  eastings: number;
  northings: number;
  orthogonalHeight: number;
  xAxisAbscissa: number;
  xAxisOrdinate: number;
  originWgs84: [number, number];
  /** Direction of true north in project x, y (for the contexts' TrueNorth). */
  trueNorth: XY;
}

/** The demo submission's files, as [path under assets/demo, content] pairs (the builder writes them). */
export async function buildDemoSubmission(dataDir: string, doc: OsmDocument): Promise<[string, string | Uint8Array][]> {
  const sourcePath = join(dataDir, DEMO_SUBMISSION_PATHS.sourceIfc);
  const source = await readFile(sourcePath, 'latin1').catch((cause: unknown) => {
    throw new DemoBuildError(
      { en: `Input not found: ${sourcePath}. Point SAO_SHARED_DATA (or --data) at the shared data folder.`, vi: `Không tìm thấy dữ liệu vào: ${sourcePath}. Hãy trỏ SAO_SHARED_DATA (hoặc --data) tới thư mục dữ liệu chung.` },
      { cause },
    );
  });
  const way = doc.ways.get(PARCEL_WAY);
  if (!way) throw new DemoBuildError({ en: `the parcel, OSM way ${PARCEL_WAY}, is not in the extract`, vi: `thửa đất (OSM way ${PARCEL_WAY}) không có trong bản trích` });
  const parcel = wayCoordinates(doc, way);
  const others = collectBuildings(doc).flatMap((building) => building.polygons.map((rings) => rings[0]!));
  const placement = planPlacement(parcel, others);
  const ifc = Buffer.from(georeferenceIfc(source, placement), 'latin1');
  const submission = describeSubmission(parcel, way.tags, placement, ifc);
  return [[DEMO_SUBMISSION_PATHS.ifc, ifc], [DEMO_SUBMISSION_PATHS.submission, `${JSON.stringify(submission, null, 2)}\n`]];
}

/** Origin at the parcel's centroid, x axis along its longest side; checked clear of its edges and of buildings. */
export function planPlacement(parcel: readonly LonLat[], buildings: readonly (readonly LonLat[])[]): DemoPlacement {
  const toGrid = createTransform('EPSG:4326', CRS);
  const toWgs84 = createTransform(CRS, 'EPSG:4326');
  const grid = (ring: readonly LonLat[]): XY[] => ring.map(([lon, lat]) => toGrid(lon, lat).slice(0, 2) as XY);
  const ring = grid(parcel);
  const { x, y } = centroidOf(ring);
  const [eastings, northings] = [x, y].map((value) => Math.round(value * 1000) / 1000) as XY;
  const origin: XY = [eastings, northings];

  if (!pointInRing(origin, ring) || distanceToRing(origin, ring) < CLEARANCE_M) {
    throw clearanceError({ en: `the parcel centroid is not ${CLEARANCE_M} m inside the parcel`, vi: `trọng tâm thửa đất nằm ngoài thửa hoặc cách mép thửa chưa tới ${CLEARANCE_M} m` });
  }
  for (const building of buildings.map(grid)) {
    if (pointInRing(origin, building) || distanceToRing(origin, building) < CLEARANCE_M) {
      throw clearanceError({ en: `an OSM building stands within ${CLEARANCE_M} m of the parcel centroid`, vi: `có công trình OSM trong vòng ${CLEARANCE_M} m quanh trọng tâm thửa đất` });
    }
  }

  const [dx, dy] = longestSide(ring);
  const length = Math.hypot(dx, dy);
  const sign = dx < 0 ? -1 : 1; // the same side, pointing east rather than west
  const [xAxisAbscissa, xAxisOrdinate] = [(sign * dx) / length, (sign * dy) / length].map((value) => Number(value.toFixed(12))) as XY;

  const [lon, lat] = toWgs84(eastings, northings, 0);
  // True north at the origin, in grid directions: a step north in latitude (TM-3 grid north differs by the
  // meridian convergence, ~0.28° here); then into the project frame by the inverse of the map rotation.
  const [northE, northN] = toGrid(lon, lat + 1e-4, 0);
  const [tx, ty] = [northE - eastings, northN - northings];
  const norm = Math.hypot(tx, ty);
  const trueNorth: XY = [(xAxisAbscissa * tx + xAxisOrdinate * ty) / norm, (-xAxisOrdinate * tx + xAxisAbscissa * ty) / norm];
  return { eastings, northings, orthogonalHeight: GROUND_AT_CENTRE_M, xAxisAbscissa, xAxisOrdinate, originWgs84: [lon, lat], trueNorth };
}

/** The source IFC text with the VN-2000 georeferencing added (see the file comment). */
export function georeferenceIfc(source: string, placement: DemoPlacement): string {
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const contexts = findInstances(source, ['IFCGEOMETRICREPRESENTATIONCONTEXT']);
  const model = contexts.find((context) => context.attributes[1] === "'Model'" && context.attributes[2] === '3');
  const site = findInstances(source, ['IFCSITE'])[0];
  if (!model || !site) throw new DemoBuildError({ en: 'the source IFC has no 3D Model context or no IfcSite', vi: 'IFC nguồn không có ngữ cảnh Model 3D hoặc IfcSite' });

  const edits: { start: number; end: number; text: string }[] = [];
  const [lon, lat] = placement.originWgs84;
  const siteAttributes = [...site.attributes];
  siteAttributes.splice(9, 3, compoundAngle(lat), compoundAngle(lon), stepReal(placement.orthogonalHeight, 3));
  edits.push({ start: site.start, end: site.end, text: formatInstance(site.id, site.ifcClass, siteAttributes) });
  const trueNorthIds = new Set(contexts.map((context) => context.attributes[5]).filter((ref) => ref?.startsWith('#')));
  for (const direction of findInstances(source, ['IFCDIRECTION']).filter((d) => trueNorthIds.has(`#${d.id}`))) {
    const ratios = `(${placement.trueNorth.map((value) => stepReal(value, 12)).join(',')})`;
    edits.push({ start: direction.start, end: direction.end, text: formatInstance(direction.id, direction.ifcClass, [ratios]) });
  }

  const crsId = maxInstanceId(source) + 1;
  const added = [
    '/* Sao demo submission: georeferencing added by scripts/build-demo/demoSubmission.ts (VN-2000 / TM-3 105 deg, Ha Noi) */',
    formatInstance(crsId, 'IFCPROJECTEDCRS', [stepString(CRS), stepString('VN-2000 / TM-3 zone 482'), stepString('VN-2000'), stepString('Hon Dau 1992'), stepString('Transverse Mercator'), stepString('TM-3 105'), '$']),
    formatInstance(crsId + 1, 'IFCMAPCONVERSION', [`#${model.id}`, `#${crsId}`, stepReal(placement.eastings, 3), stepReal(placement.northings, 3), stepReal(placement.orthogonalHeight, 3), stepReal(placement.xAxisAbscissa, 12), stepReal(placement.xAxisOrdinate, 12), '$']),
  ];
  const dataEnd = source.lastIndexOf('ENDSEC;');
  edits.push({ start: dataEnd, end: dataEnd, text: added.join(eol) + eol });

  let text = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return text.replace(/FILE_NAME\('[^']*'/, `FILE_NAME('${DEMO_SUBMISSION_PATHS.ifc.split('/').pop()}'`);
}

function describeSubmission(parcel: readonly LonLat[], tags: Readonly<Record<string, string>>, placement: DemoPlacement, ifc: Uint8Array): object {
  const toGrid = createTransform('EPSG:4326', CRS);
  const { trueNorth: _, ...georeference } = placement;
  return {
    id: 'demo-fzk-haus-xuan-thuy',
    demo: true,
    title: { vi: 'Nhà FZK-Haus — hồ sơ hoàn công mẫu, lô đất Xuân Thủy (Cầu Giấy)', en: 'FZK-Haus — sample as-built submission, Xuân Thủy plot (Cầu Giấy)' },
    notice: {
      vi: 'Hồ sơ MẪU để trình diễn: mô hình nhà mẫu của KIT được gán toạ độ VN-2000 và đặt lên một lô đất thật; chủ đầu tư và dự án là giả định.',
      en: 'A DEMO submission: KIT\'s sample house given VN-2000 georeferencing and set on a real plot; the investor and project are placeholders.',
    },
    investor: { vi: '[MẪU] Chủ đầu tư giả định', en: '[DEMO] Placeholder investor' },
    project: { vi: '[MẪU] Nhà ở thấp tầng — lô Xuân Thủy', en: '[DEMO] Low-rise house — Xuân Thủy plot' },
    file: {
      url: `/demo/${DEMO_SUBMISSION_PATHS.ifc}`,
      schema: 'IFC4',
      bytes: ifc.length,
      sha256: createHash('sha256').update(ifc).digest('hex'),
      derivedFrom: DEMO_SUBMISSION_PATHS.sourceIfc,
      changes: 'IfcProjectedCRS EPSG:5897 and IfcMapConversion on the 3D Model context added; IfcSite RefLatitude/RefLongitude/RefElevation and the contexts\' TrueNorth rewritten to match',
    },
    attribution: {
      model: 'AC20-FZK-Haus, Karlsruhe Institute of Technology (KIT), CC BY 4.0 — as listed in the shared data README; distributed in ThatOpen/engine_web-ifc tests/ifcfiles/public (MPL-2.0 repository)',
      parcel: '© OpenStreetMap contributors, ODbL',
    },
    georeference: { method: 'IfcMapConversion', crs: CRS, ...georeference },
    parcel: {
      osmId: `way/${PARCEL_WAY}`,
      tags,
      source: 'OpenStreetMap, vector/hanoi-vnu-osm/vnu_caugiay_map.osm (phuongmt3/VNU_Route_Planner)',
      wgs84: parcel.map(([lon, lat]) => [lon, lat]),
      epsg5897: parcel.map(([lon, lat]) => toGrid(lon, lat).slice(0, 2).map((value) => Math.round(value * 1000) / 1000)),
    },
  };
}

function clearanceError(what: { en: string; vi: string }): DemoBuildError {
  return new DemoBuildError({ en: `demo submission: ${what.en}; choose another parcel`, vi: `hồ sơ mẫu: ${what.vi}; hãy chọn thửa khác` });
}

function longestSide(ring: readonly XY[]): XY {
  let best: XY = [1, 0];
  for (let i = 0; i + 1 < ring.length; i++) {
    const side: XY = [ring[i + 1]![0] - ring[i]![0], ring[i + 1]![1] - ring[i]![1]];
    if (Math.hypot(...side) > Math.hypot(...best)) best = side;
  }
  return best;
}

function distanceToRing([x, y]: XY, ring: readonly XY[]): number {
  let best = Infinity;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = ring[i]!;
    const [bx, by] = ring[i + 1]!;
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2 || 1)));
    best = Math.min(best, Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))));
  }
  return best;
}

/** `tsx scripts/build-demo/demoSubmission.ts [--data dir] [--out dir]`: writes only the submission (ensure-deps). */
async function main(): Promise<void> {
  const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
  const option = (name: string): string | undefined => process.argv[process.argv.indexOf(name) + 1];
  const dataDir = resolve(process.argv.includes('--data') ? option('--data')! : (process.env.SAO_SHARED_DATA ?? join(repoRoot, '../shared/data')));
  const outDir = resolve(process.argv.includes('--out') ? option('--out')! : join(repoRoot, 'assets/demo'));
  const osmPath = join(dataDir, INPUT_PATHS.osm);
  const osm = await readFile(osmPath, 'utf8').catch((cause: unknown) => {
    throw new DemoBuildError({ en: `Input not found: ${osmPath}. Point SAO_SHARED_DATA at the shared data folder.`, vi: `Không tìm thấy dữ liệu vào: ${osmPath}. Hãy trỏ SAO_SHARED_DATA tới thư mục dữ liệu chung.` }, { cause });
  });
  for (const [path, content] of await buildDemoSubmission(dataDir, parseOsmXml(osm, osmPath))) {
    await mkdir(dirname(join(outDir, path)), { recursive: true });
    await writeFile(join(outDir, path), content);
    console.log(`${String(content.length).padStart(9)}  ${path}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof DemoBuildError ? `demo submission: ${error.message}\n                 ${error.messageVi}` : error);
    process.exitCode = 1;
  });
}
