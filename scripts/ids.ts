/**
 * ids: checks an IFC model against an IDS 1.0 file with Sao's own checker (see USAGE).
 *
 *   npm run --silent ids -- assets/demo/bim/AC20-FZK-Haus.vn2000.ifc assets/demo/bim/handover.ids
 */
import { basename } from 'node:path';
import { IdsError, readIds } from '../src/bim/ids';
import type { IdsDocument } from '../src/bim/ids';
import { IfcLoadError } from '../src/bim/ifc/IfcLoadError';
import { sniffIfcFile } from '../src/bim/ifc/sniffIfcFile';
import { formatIdsReport } from './ids/formatIdsReport';
import { createCli, readInputFile, runCli } from './lib/cli';

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

const { usageError, badInput, parse } = createCli('ids', USAGE);

async function main(args: string[]): Promise<number> {
  const parsed = parse({ args, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [modelFile, idsFile, ...rest] = positionals;
  if (modelFile === undefined || idsFile === undefined) return usageError('needs a model (.ifc) and an IDS file (.ids)');
  if (rest.length > 0) return usageError(`one model and one IDS file at a time (also given: ${rest.join(' ')})`);

  const idsBytes = await readInputFile(idsFile);
  if (!(idsBytes instanceof Uint8Array)) return badInput(idsFile, idsBytes);
  let document: IdsDocument;
  try {
    document = readIds(new TextDecoder().decode(idsBytes));
  } catch (error) {
    if (error instanceof IdsError) return badInput(idsFile, error.failure.message);
    throw error;
  }
  const modelBytes = await readInputFile(modelFile);
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

await runCli(main);
