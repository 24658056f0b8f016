/**
 * ifc: facts about an IFC file from the command line, with the app's own loader (see USAGE).
 *
 *   npm run --silent ifc -- info ../shared/data/ifc/georef/Duplex_A_20110907_georeferenced.ifc --json
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { IfcLoadError } from '../src/bim/ifc/IfcLoadError';
import { sniffIfcFile } from '../src/bim/ifc/sniffIfcFile';
import { formatIfcInfo } from './ifc/formatIfcInfo';

const USAGE = `Usage: npm run --silent ifc -- info <file.ifc> [--json]

info    Loads the file with Sao's IFC loader (web-ifc: parse, spatial structure, georeferencing, all geometry)
        and prints its schema, element and triangle counts, and where its georeferencing puts it:
        the method (IfcMapConversion, ePSet_MapConversion, IfcSite or none), the CRS, the map conversion
        values and originWgs84, the WGS 84 longitude, latitude [and ellipsoidal height] of the model's
        local origin.
        Tải tệp bằng bộ đọc IFC của Sao và in lược đồ, số cấu kiện, số tam giác và vị trí định vị của mô hình.

--json  One JSON object on stdout instead of the summary (Vietnamese / English) for people.
-h, --help

Exit    0 done; 2 the file cannot be read or loaded (the reason on stderr, e.g. empty, not IFC, cut off,
        unsupported schema, too large); 64 wrong usage (this text on stderr).
`;

/** sysexits.h EX_USAGE; 2 for input that cannot be loaded, as `npm run crs` uses it for bad arguments. */
const EXIT_USAGE = 64;
const EXIT_BAD_INPUT = 2;

const READ_ERRORS: Record<string, { vi: string; en: string }> = {
  ENOENT: { en: 'no such file', vi: 'không có tệp này' },
  EISDIR: { en: 'this is a folder, not a file', vi: 'đây là thư mục, không phải tệp' },
  EACCES: { en: 'permission denied', vi: 'không có quyền đọc tệp' },
};

function usageError(problem: string): number {
  process.stderr.write(`ifc: ${problem}\n\n${USAGE}`);
  return EXIT_USAGE;
}

function badInput(file: string, message: { vi: string; en: string }): number {
  process.stderr.write(`ifc: ${file}: ${message.en}\nifc: ${file}: ${message.vi}\n`);
  return EXIT_BAD_INPUT;
}

async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [command, file, ...rest] = positionals;
  if (command !== 'info') return usageError(command === undefined ? 'no command given' : `unknown command "${command}"`);
  if (file === undefined) return usageError('info needs a file');
  if (rest.length > 0) return usageError(`one file at a time (also given: ${rest.join(' ')})`);

  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const detail = (error as Error).message;
    return badInput(file, READ_ERRORS[code] ?? { en: `cannot read the file: ${detail}`, vi: `không đọc được tệp: ${detail}` });
  }
  try {
    // web-ifc takes a second to import: a file that is not IFC at all is refused before that.
    sniffIfcFile(bytes);
    const { readIfcInfo } = await import('./ifc/ifcInfo');
    const info = await readIfcInfo(bytes, basename(file));
    process.stdout.write(values.json ? `${JSON.stringify(info, null, 2)}\n` : formatIfcInfo(info));
    return 0;
  } catch (error) {
    if (error instanceof IfcLoadError) return badInput(file, error.userMessage);
    throw error;
  }
}

// A closed pipe downstream (`| head`) ends the run quietly, as for any Unix filter.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

process.exitCode = await main(process.argv.slice(2));
