/**
 * `npm run build:demo [-- --out <dir>] [--data <dir>]` — builds the embedded demo city (assets/demo) from the
 * shared data folder (`../shared/data` beside the repository, or $SAO_SHARED_DATA). See README.md here.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDemo } from './buildDemo';
import { DemoBuildError } from './errors';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, data: { type: 'string' } } });
  const outDir = resolve(values.out ?? resolve(repoRoot, 'assets/demo'));
  const dataDir = resolve(values.data ?? process.env.SAO_SHARED_DATA ?? resolve(repoRoot, '../shared/data'));
  const report = await buildDemo({ dataDir, outDir });
  for (const file of report.files) console.log(`${String(file.bytes).padStart(9)}  ${file.path}`);
  const sources = Object.entries(report.heightSources).map(([source, count]) => `${source} ${count}`).join(', ');
  console.log(`${report.buildingCount} buildings (heights: ${sources}) → ${outDir}`);
  for (const warning of report.warnings) console.warn(`warning: ${warning}`);
}

main().catch((error: unknown) => {
  if (error instanceof DemoBuildError) {
    console.error(`build:demo: ${error.message}\n           ${error.messageVi}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
