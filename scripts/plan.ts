/**
 * plan: checks an IFC model against a zoning plan (see USAGE).
 *
 *   npm run --silent plan -- assets/demo/bim/AC20-FZK-Haus.vn2000.ifc assets/demo/plan/sample-plan.geojson
 */
import { basename } from 'node:path';
import { IfcLoadError } from '../src/bim/ifc/IfcLoadError';
import { sniffIfcFile } from '../src/bim/ifc/sniffIfcFile';
import { PlanError, parsePlanText } from '../src/bim/plan';
import type { ZoningPlan } from '../src/bim/plan';
import { createCli, readInputFile, runCli } from './lib/cli';
import { formatPlanReport } from './plan/formatPlanReport';

const USAGE = `Usage: npm run --silent plan -- <model.ifc> <plan.geojson> [--parcel ID] [--json]

Places the model by its georeferencing and checks it against the parcel of the zoning plan it stands on:
height above ground, storeys above ground, footprint inside the parcel, setback from the parcel boundary,
site coverage and floor-area ratio, each measured on the model's geometry, with the plan's limit and the result.
Đặt mô hình theo thông tin định vị và kiểm tra theo thửa đất của quy hoạch: chiều cao, số tầng, nằm trong thửa,
khoảng lùi, mật độ xây dựng, hệ số sử dụng đất.

--parcel ID  Check against this parcel (its "id" property) instead of the one under the model.
--json       The whole report as one JSON object on stdout (with the geometry the scene draws).
-h, --help

Exit    0 every check passes (or does not apply); 1 a check fails; 2 the IFC or the plan cannot be used
        (the reason on stderr: the plan's parcel and field at fault, an IFC load error, a model without
        georeferencing or on no parcel of the plan); 64 wrong usage (this text on stderr).
`;

const EXIT_FAILED = 1;

const { usageError, badInput, parse } = createCli('plan', USAGE);

async function main(args: string[]): Promise<number> {
  const parsed = parse({ args, allowPositionals: true, options: { parcel: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [modelFile, planFile, ...rest] = positionals;
  if (modelFile === undefined || planFile === undefined) return usageError('needs a model (.ifc) and a plan (.geojson)');
  if (rest.length > 0) return usageError(`one model and one plan at a time (also given: ${rest.join(' ')})`);

  const planBytes = await readInputFile(planFile);
  if (!(planBytes instanceof Uint8Array)) return badInput(planFile, planBytes);
  let plan: ZoningPlan;
  try {
    plan = parsePlanText(new TextDecoder().decode(planBytes));
  } catch (error) {
    if (error instanceof PlanError) return badInput(planFile, error.userMessage);
    throw error;
  }
  const modelBytes = await readInputFile(modelFile);
  if (!(modelBytes instanceof Uint8Array)) return badInput(modelFile, modelBytes);
  try {
    // web-ifc takes a second to import: a file that is not IFC at all is refused before that.
    sniffIfcFile(modelBytes);
    const { checkIfcPlan } = await import('./plan/checkIfcPlan');
    const result = await checkIfcPlan(modelBytes, basename(modelFile), plan, values.parcel === undefined ? {} : { parcelId: values.parcel });
    const files = { model: basename(modelFile), plan: basename(planFile) };
    process.stdout.write(values.json ? `${JSON.stringify({ ...files, ...result }, null, 2)}\n` : formatPlanReport(result, files));
    return result.report.passed ? 0 : EXIT_FAILED;
  } catch (error) {
    if (error instanceof IfcLoadError) return badInput(modelFile, error.userMessage);
    // The plan was readable, but not for this model: a CRS it cannot use, no parcel under the model, …
    if (error instanceof PlanError) return badInput(error.subject === 'model' ? modelFile : planFile, error.userMessage);
    throw error;
  }
}

await runCli(main);
