/**
 * ids: checks an IFC model against an IDS 1.0 file with Sao's own checker (see USAGE).
 *
 *   npm run --silent ids -- assets/demo/bim/AC20-FZK-Haus.vn2000.ifc assets/demo/bim/handover.ids
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { IdsError, readIds } from '../src/bim/ids';
import type { IdsDocument } from '../src/bim/ids';
import { IfcLoadError } from '../src/bim/ifc/IfcLoadError';
import { sniffIfcFile } from '../src/bim/ifc/sniffIfcFile';
import { formatIdsReport } from './ids/formatIdsReport';

const USAGE = `Usage: npm run --silent ids -- <model.ifc> <spec.ids> [--json]

Checks the model against every specification of the IDS 1.0 file (buildingSMART Information Delivery
Specification) and prints, per specification and requirement, the elements that fail: GlobalId, class, name
and the reason. A specification for other IFC schemas than the model's is reported as a schema mismatch.
Kiểm tra mô hình IFC theo tệp IDS 1.0 và in các phần tử không đạt theo từng đặc tả và yêu cầu.

--json  The whole report as one JSON object on stdout.
-h, --help

Exit    0 every specification passes; 1 at least one fails (or names other IFC schemas than the model's);
        2 the IDS or the IFC cannot be read (the reason on stderr: the XML or ids.xsd error with its line, or
        the IFC load error); 64 wrong usage (this text on stderr).
`;

const EXIT_FAILED = 1;
const EXIT_BAD_INPUT = 2;
const EXIT_USAGE = 64;

function usageError(problem: string): number {
  process.stderr.write(`ids: ${problem}\n\n${USAGE}`);
  return EXIT_USAGE;
}

function badInput(file: string, message: { vi: string; en: string }): number {
  process.stderr.write(`ids: ${file}: ${message.en}\nids: ${file}: ${message.vi}\n`);
  return EXIT_BAD_INPUT;
}

async function read(file: string): Promise<Uint8Array | { vi: string; en: string }> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { en: 'no such file', vi: 'không có tệp này' };
    if (code === 'EISDIR') return { en: 'this is a folder, not a file', vi: 'đây là thư mục, không phải tệp' };
    const detail = (error as Error).message;
    return { en: `cannot read the file: ${detail}`, vi: `không đọc được tệp: ${detail}` };
  }
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
  const [modelFile, idsFile, ...rest] = positionals;
  if (modelFile === undefined || idsFile === undefined) return usageError('needs a model (.ifc) and an IDS file (.ids)');
  if (rest.length > 0) return usageError(`one model and one IDS file at a time (also given: ${rest.join(' ')})`);

  const idsBytes = await read(idsFile);
  if (!(idsBytes instanceof Uint8Array)) return badInput(idsFile, idsBytes);
  let document: IdsDocument;
  try {
    document = readIds(new TextDecoder().decode(idsBytes));
  } catch (error) {
    if (error instanceof IdsError) return badInput(idsFile, error.failure.message);
    throw error;
  }
  const modelBytes = await read(modelFile);
  if (!(modelBytes instanceof Uint8Array)) return badInput(modelFile, modelBytes);
  try {
    // web-ifc takes a second to import: a file that is not IFC at all is refused before that.
    sniffIfcFile(modelBytes);
    const { checkIfcBytes } = await import('./ids/checkIfcBytes');
    const report = await checkIfcBytes(modelBytes, document);
    const files = { model: basename(modelFile), ids: basename(idsFile) };
    process.stdout.write(values.json ? `${JSON.stringify({ ...files, ...report }, null, 2)}\n` : formatIdsReport(report, files));
    return report.passed ? 0 : EXIT_FAILED;
  } catch (error) {
    if (error instanceof IfcLoadError) return badInput(modelFile, error.userMessage);
    throw error;
  }
}

// A closed pipe downstream (`| head`) ends the run quietly, as for any Unix filter.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

process.exitCode = await main(process.argv.slice(2));
