/**
 * flood: runs a scenario headless and prints one JSON summary on stdout (progress on stderr).
 *
 *   npm run --silent flood -- tests/fixtures/flood/merewether.scenario.json --out /tmp/merewether
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ScenarioError } from '../src/sim/flood/ScenarioError';
import { nodeScenarioFiles } from '../src/sim/flood/node/scenarioFiles';
import { resultFiles, summarize } from '../src/sim/flood/outputs';
import { parseScenario } from '../src/sim/flood/parseScenario';
import { prepareScenario } from '../src/sim/flood/prepare';
import { runFlood, runSetupOf } from '../src/sim/flood/simulate';
import type { Scenario } from '../src/sim/flood/types';
import { NODE_THREADS, spawnNodeWorker } from '../workers/flood/nodePool';
import { createPoolRunner } from '../workers/flood/pool';
import { createInProcessRunner } from '../workers/flood/runner';
import { loadFloodWasmModule } from '../workers/flood/wasmNode';

const USAGE = `Usage: npm run --silent flood -- <scenario.json> [--out dir] [--backend wasm|webgpu] [--threads n]

Runs the flood scenario (src/sim/flood/scenario.schema.json; paths relative to the file) with the WASM
kernel on n threads (default: all cores) and prints a JSON summary. With --out it also writes final-depth.asc,
max-depth.asc, max-depth.tif, hazard.tif, gauges.csv and scenario.json (the run, reproducible from there).
Exit 0 done; 1 the scenario is invalid or a file is missing; 2 bad arguments.`;

function fail(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function parseArgs(argv: string[]): { scenario: string; out?: string; threads: number } {
  let scenario: string | undefined;
  let out: string | undefined;
  let threads = NODE_THREADS;
  for (let a = 0; a < argv.length; a++) {
    const arg = argv[a]!;
    if (arg === '--out') out = argv[++a] ?? fail(2, USAGE);
    else if (arg === '--threads') threads = Number(argv[++a]);
    else if (arg === '--backend') {
      const backend = argv[++a];
      if (backend === 'webgpu') fail(2, 'WebGPU runs in the browser (the app picks it when an adapter exists); the CLI runs the WASM backend.');
      if (backend !== 'wasm') fail(2, `unknown backend "${backend}"\n${USAGE}`);
    } else if (arg === '--help' || arg === '-h') fail(0, USAGE);
    else if (!scenario && !arg.startsWith('--')) scenario = arg;
    else fail(2, `unexpected argument "${arg}"\n${USAGE}`);
  }
  if (!scenario || !Number.isInteger(threads) || threads < 1) fail(2, USAGE);
  return { scenario, ...(out ? { out } : {}), threads };
}

/** The scenario with its paths rewritten relative to `outDir`, so the saved copy runs from there. */
function relocate(scenario: Scenario, from: string, outDir: string): Scenario {
  const move = (path: string): string => relative(outDir, resolve(from, path));
  return {
    ...scenario,
    dem: move(scenario.dem),
    ...(scenario.initialStage ? { initialStage: move(scenario.initialStage) } : {}),
    manning: { ...scenario.manning, zones: scenario.manning.zones?.map((z) => ({ ...z, polygon: move(z.polygon) })) ?? [] },
    ...(scenario.buildings ? { buildings: { ...scenario.buildings, polygons: scenario.buildings.polygons.map(move) } } : {}),
    ...(scenario.rain ? { rain: { ...scenario.rain, ...(scenario.rain.csv ? { csv: move(scenario.rain.csv) } : {}), zones: scenario.rain.zones?.map((z) => ({ ...z, polygon: move(z.polygon) })) ?? [] } } : {}),
    ...(scenario.drainage ? { drainage: { ...scenario.drainage, zones: scenario.drainage.zones?.map((z) => ({ ...z, polygon: move(z.polygon) })) ?? [] } } : {}),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const folder = dirname(resolve(args.scenario));
  const scenario = parseScenario(JSON.parse(readFileSync(args.scenario, 'utf8')));
  const model = await prepareScenario(scenario, nodeScenarioFiles(folder));
  const setup = runSetupOf(model);
  const module = loadFloodWasmModule();
  const runner = args.threads > 1
    ? await createPoolRunner(setup, model, module, args.threads, spawnNodeWorker)
    : createInProcessRunner(setup, model, 'wasm', module);
  const started = performance.now();
  try {
    const results = await runFlood(model, runner, {
      onProgress: (t, total) => process.stderr.write(`\r[flood] ${t.toFixed(0)} / ${total} s`),
    });
    const wallSeconds = (performance.now() - started) / 1000;
    process.stderr.write('\n');
    process.stdout.write(`${JSON.stringify(summarize(results, 'wasm', wallSeconds))}\n`);
    if (args.out) {
      mkdirSync(args.out, { recursive: true });
      for (const file of resultFiles(results)) writeFileSync(join(args.out, file.name), file.content);
      writeFileSync(join(args.out, 'scenario.json'), `${JSON.stringify(relocate(scenario, folder, resolve(args.out)), null, 2)}\n`);
    }
  } finally {
    runner.dispose();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ScenarioError) fail(1, `scenario error at ${error.field}: ${error.message}`);
  if (error instanceof SyntaxError) fail(1, `scenario is not valid JSON: ${error.message}`);
  fail(1, error instanceof Error ? error.message : String(error));
});
