/**
 * bench:ifc2tiles — IFC → 3D Tiles 1.1 for every IFC file of ../shared/data/ifc (recursively): conversion time
 * (read, properties, tiles), output size (bytes, tiles, glbs), triangles and features, and whether the output
 * passes src/tiles/check.
 *
 *   npm run bench:ifc2tiles [-- --max-triangles 100000] [--repeats 3] [--only <part of a path>]
 *
 * A file its georeferencing cannot place is converted with a placement by hand at the demo district
 * (`UNPLACED_LON_LAT`, heading 0), labelled `"placement": "manual (benchmark default)"`. Everything runs in this
 * process with one web-ifc instance, as the app's worker would; with repeats, the run with the median total time
 * is reported. One JSON line per file on stdout (progress on stderr); the last line is the summary.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UNPLACED_LON_LAT } from '../../src/bim/georef';
import { checkTileset } from '../../src/tiles/check';
import type { IfcTiles, IfcTilesOptions } from '../../src/tiles/ifc';
import { TilesError } from '../../src/tiles/TilesError';
import { convertFile } from '../ifc2tiles/convertFile';

const REPO = resolve(import.meta.dirname, '../..');
const DATA = resolve(process.env.SAO_SHARED_DATA ?? join(REPO, '../shared/data'));

const BENCH_PLACEMENT = { lon: UNPLACED_LON_LAT[0], lat: UNPLACED_LON_LAT[1], headingDegrees: 0, elevation: 0 };

interface FileLine {
  file: string;
  ifcBytes: number;
  placement: string;
  timeMs: number;
  readMs: number;
  propertiesMs: number;
  tilesMs: number;
  bytes: number;
  tiles: number;
  glbs: number;
  depth: number;
  triangles: number;
  features: number;
  checkErrors: number;
}

function ifcFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? ifcFiles(path) : name.toLowerCase().endsWith('.ifc') ? [path] : [];
    })
    .sort();
}

async function convertOnce(bytes: Uint8Array, name: string, options: IfcTilesOptions): Promise<{ result: IfcTiles; placement: string }> {
  try {
    const result = await convertFile(bytes, name, options);
    return { result, placement: `${result.placement.source} (${result.placement.trust})` };
  } catch (error) {
    if (!(error instanceof TilesError && error.code === 'NOT_GEOREFERENCED')) throw error;
    const result = await convertFile(bytes, name, { ...options, placeByHand: BENCH_PLACEMENT });
    return { result, placement: 'manual (benchmark default)' };
  }
}

async function measure(path: string, options: IfcTilesOptions, repeats: number): Promise<FileLine> {
  const bytes = new Uint8Array(readFileSync(path));
  const runs: { result: IfcTiles; placement: string }[] = [];
  for (let i = 0; i < repeats; i++) runs.push(await convertOnce(bytes, basename(path), options));
  runs.sort((a, b) => a.result.summary.timings.totalMs - b.result.summary.timings.totalMs);
  const { result, placement } = runs[Math.floor(runs.length / 2)]!;
  const files = new Map(result.files.map((file) => [file.path, file.bytes]));
  const issues = await checkTileset(result.tileset, async (uri) => files.get(uri) ?? null);
  const { summary } = result;
  const ms = (value: number) => Math.round(value * 10) / 10;
  return {
    file: relative(DATA, path),
    ifcBytes: bytes.length,
    placement,
    timeMs: ms(summary.timings.totalMs),
    readMs: ms(summary.timings.readMs),
    propertiesMs: ms(summary.timings.propertiesMs),
    tilesMs: ms(summary.timings.tilesMs),
    bytes: summary.bytes,
    tiles: summary.tiles,
    glbs: summary.glbs,
    depth: summary.depth,
    triangles: summary.triangles,
    features: summary.features,
    checkErrors: issues.filter((issue) => issue.severity === 'error').length,
  };
}

const { values } = parseArgs({
  options: { 'max-triangles': { type: 'string' }, repeats: { type: 'string', default: '3' }, only: { type: 'string' } },
});
const options: IfcTilesOptions = values['max-triangles'] === undefined ? {} : { maxTriangles: Number(values['max-triangles']) };
const repeats = Math.max(1, Number(values.repeats));
const files = ifcFiles(join(DATA, 'ifc')).filter((path) => values.only === undefined || path.includes(values.only));
const lines: FileLine[] = [];
const failures: { file: string; error: string }[] = [];
for (const path of files) {
  process.stderr.write(`bench:ifc2tiles: ${relative(DATA, path)}\n`);
  try {
    const line = await measure(path, options, repeats);
    lines.push(line);
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } catch (error) {
    const message = error instanceof TilesError ? `${error.code}: ${error.message}` : String(error);
    failures.push({ file: relative(DATA, path), error: message });
    process.stdout.write(`${JSON.stringify({ file: relative(DATA, path), error: message })}\n`);
  }
}
const sum = (key: keyof FileLine) => lines.reduce((total, line) => total + (line[key] as number), 0);
process.stdout.write(
  `${JSON.stringify({
    summary: true,
    files: files.length,
    converted: lines.length,
    failed: failures.length,
    placedByHand: lines.filter((line) => line.placement.startsWith('manual')).length,
    maxTriangles: options.maxTriangles ?? null,
    totalMs: Math.round(sum('timeMs')),
    totalBytes: sum('bytes'),
    totalTriangles: sum('triangles'),
    bytesPerTriangle: Math.round((sum('bytes') / Math.max(1, sum('triangles'))) * 10) / 10,
    trianglesPerSecond: Math.round(sum('triangles') / Math.max(0.001, sum('timeMs') / 1000)),
    checkErrors: sum('checkErrors'),
  })}\n`,
);
