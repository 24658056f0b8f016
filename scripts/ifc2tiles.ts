/**
 * ifc2tiles: an IFC model → a georeferenced 3D Tiles 1.1 tileset on disk, with the app's converter
 * (src/tiles/ifc), checked after writing by src/tiles/check (see USAGE).
 *
 *   npm run --silent ifc2tiles -- ../shared/data/ifc/georef/Duplex_A_20110907_georeferenced.ifc /tmp/duplex
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { IfcLoadError } from '../src/bim/ifc/IfcLoadError';
import { sniffIfcFile } from '../src/bim/ifc/sniffIfcFile';
import type { ManualPlacementInput } from '../src/bim/georef';
import { TilesError } from '../src/tiles/TilesError';
import { checkTileset } from '../src/tiles/check';
import type { TileFile } from '../src/tiles/ifc';
import { createCli, readInputFile, runCli } from './lib/cli';

const USAGE = `Usage: npm run --silent ifc2tiles -- <model.ifc> <outDir> [--place lon,lat,headingDeg[,elevation]] [--max-triangles N]

Converts an IFC model (IFC2X3, IFC4, IFC4X3) into OGC 3D Tiles 1.1: <outDir>/tileset.json and one glb per tile
(content/N.glb) with a feature per IFC element (EXT_mesh_features) and its GlobalId, class, storey, name and key
properties (EXT_structural_metadata), placed on Earth by the file's georeferencing (IfcMapConversion,
ePSet_MapConversion or IfcSite). Prints a JSON summary: tiles, glbs, bytes, triangles, features, time.
Chuyển mô hình IFC thành 3D Tiles 1.1 đã định vị; in tóm tắt JSON.

--place lon,lat,headingDeg[,elevation]   Place the model by hand (WGS 84 degrees; heading clockwise from north
                                         to the project +y axis; elevation in metres, recorded only). Needed for
                                         a file without georeferencing; the tileset is marked unverified.
--max-triangles N                        Triangle budget of one tile's glb (default 100000); larger models are
                                         split into a tree of tiles.
-h, --help

Exit    0 written; 1 the written tileset fails a check (issues on stderr); 2 the file cannot be read, loaded or
        placed, or <outDir> holds something other than a tileset (the reason on stderr); 64 wrong usage.
`;

const EXIT_CHECK_FAILED = 1;

const { usageError, badInput, parse } = createCli('ifc2tiles', USAGE);

/** `lon,lat,heading[,elevation]` → a manual placement, or null when it is not three or four numbers on Earth. */
function parsePlacement(text: string): ManualPlacementInput | null {
  const numbers = text.split(',').map((part) => (part.trim() === '' ? NaN : Number(part)));
  if (numbers.length < 3 || numbers.length > 4 || !numbers.every(Number.isFinite)) return null;
  const [lon, lat, headingDegrees, elevation = 0] = numbers as [number, number, number, number?];
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return null;
  return { lon, lat, headingDegrees, elevation };
}

async function main(args: string[]): Promise<number> {
  const parsed = parse({
      args,
      allowPositionals: true,
      options: { place: { type: 'string' }, 'max-triangles': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [file, outDir, ...rest] = positionals;
  if (file === undefined || outDir === undefined) return usageError('give the IFC file and the output folder');
  if (rest.length > 0) return usageError(`one file at a time (also given: ${rest.join(' ')})`);
  const placeByHand = values.place === undefined ? undefined : parsePlacement(values.place);
  if (placeByHand === null) return usageError(`--place takes lon,lat,headingDeg[,elevation] in degrees and metres, got "${values.place}"`);
  const maxTriangles = values['max-triangles'] === undefined ? undefined : Number(values['max-triangles']);
  if (maxTriangles !== undefined && !(Number.isInteger(maxTriangles) && maxTriangles >= 1)) {
    return usageError(`--max-triangles takes a positive integer, got "${values['max-triangles']}"`);
  }

  const started = performance.now();
  const bytes = await readInputFile(file);
  if (!(bytes instanceof Uint8Array)) return badInput(file, bytes);
  const outProblem = await outputFolderProblem(outDir);
  if (outProblem) return badInput(outDir, outProblem);
  try {
    // web-ifc takes a second to import: a file that is not IFC at all is refused before that.
    sniffIfcFile(bytes);
    const { convertFile } = await import('./ifc2tiles/convertFile');
    const result = await convertFile(bytes, basename(file), { placeByHand, maxTriangles });
    await writeTileset(outDir, result.files);
    // What is on disk now, read back, passes the checks the official validator makes (src/tiles/check).
    const issues = await checkTileset(result.tileset, (uri) => readFile(join(outDir, uri)).then((buffer) => new Uint8Array(buffer), () => null));
    const errors = issues.filter((issue) => issue.severity === 'error');
    for (const issue of errors) process.stderr.write(`ifc2tiles: check ${issue.code} at ${issue.path}: ${issue.message}\n`);
    const summary = { ...result.summary, outDir, checkErrors: errors.length, timeMs: Math.round(performance.now() - started) };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return errors.length > 0 ? EXIT_CHECK_FAILED : 0;
  } catch (error) {
    if (error instanceof IfcLoadError || error instanceof TilesError) {
      const hint = error instanceof TilesError && error.code === 'NOT_GEOREFERENCED' ? { en: ' Use --place lon,lat,headingDeg.', vi: ' Dùng --place kinh_độ,vĩ_độ,hướng.' } : { en: '', vi: '' };
      return badInput(file, { en: error.userMessage.en + hint.en, vi: error.userMessage.vi + hint.vi });
    }
    throw error;
  }
}

/** tileset.json and content/: a content/ left by an earlier run goes first, so no stale glb stays. */
async function writeTileset(outDir: string, files: readonly TileFile[]): Promise<void> {
  await rm(join(outDir, 'content'), { recursive: true, force: true });
  for (const { path, bytes } of files) {
    await mkdir(dirname(join(outDir, path)), { recursive: true });
    await writeFile(join(outDir, path), bytes);
  }
}

/** An output folder must be new, empty, or hold a tileset written before (its content/ is replaced). */
async function outputFolderProblem(outDir: string): Promise<{ en: string; vi: string } | null> {
  let entries: string[];
  try {
    entries = await readdir(outDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ENOTDIR') return { en: 'this is a file, not a folder', vi: 'đây là tệp, không phải thư mục' };
    return { en: `cannot use the folder: ${(error as Error).message}`, vi: `không dùng được thư mục: ${(error as Error).message}` };
  }
  if (entries.length === 0 || entries.includes('tileset.json')) return null;
  return {
    en: 'the folder is not empty and holds no tileset.json: choose a new or empty folder (nothing was written)',
    vi: 'thư mục không trống và không chứa tileset.json: hãy chọn thư mục mới hoặc trống (chưa ghi gì)',
  };
}

await runCli(main);
