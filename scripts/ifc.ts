/**
 * ifc: facts about an IFC file from the command line, with the app's own loader (see USAGE).
 *
 *   npm run --silent ifc -- info ../shared/data/ifc/georef/Duplex_A_20110907_georeferenced.ifc --json
 */
import { basename } from 'node:path';
import { IfcLoadError } from '../src/bim/ifc/IfcLoadError';
import { sniffIfcFile } from '../src/bim/ifc/sniffIfcFile';
import { formatIfcInfo } from './ifc/formatIfcInfo';
import { createCli, readInputFile, runCli } from './lib/cli';

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

const { usageError, badInput, parse } = createCli('ifc', USAGE);

async function main(args: string[]): Promise<number> {
  const parsed = parse({ args, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [command, file, ...rest] = positionals;
  if (command !== 'info') return usageError(command === undefined ? 'no command given' : `unknown command "${command}"`);
  if (file === undefined) return usageError('info needs a file');
  if (rest.length > 0) return usageError(`one file at a time (also given: ${rest.join(' ')})`);

  const bytes = await readInputFile(file);
  if (!(bytes instanceof Uint8Array)) return badInput(file, bytes);
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

await runCli(main);
