/**
 * Sao's flood engine (issue 4): the local-inertial shallow-water scheme of SCHEME.md on a raster, with a
 * TypeScript reference and a WASM SIMD kernel (workers/flood), scenario files, inputs and outputs.
 *
 * ```ts
 * const scenario = parseScenario(JSON.parse(text));          // ScenarioError names the bad field
 * const model = await prepareScenario(scenario, files);      // DEM, buildings, Manning, rain, inflows, gauges
 * const runner = createInProcessRunner(runSetupOf(model), model, 'wasm', module); // or createPoolRunner(…)
 * const results = await runFlood(model, runner, { onProgress, signal });
 * resultFiles(results); summarize(results, 'wasm', seconds);
 * ```
 */
export type {
  BoundarySpec, DesignStormSpec, Edge, FloodModel, FloodResults, GaugeResult, Grid, InflowSpec, NumericsSpec,
  RainSpec, Raster, Scenario, VolumeBalance,
} from './types';
export { ScenarioError } from './ScenarioError';
export { parseScenario } from './parseScenario';
export { prepareScenario } from './prepare';
export type { ScenarioFiles } from './prepare';
export { DEFAULT_NUMERICS, buildModel, cellAt } from './model';
export type { ModelInput } from './model';
export { outputTimes, runFlood, runSetupOf } from './simulate';
export type { RunOptions } from './simulate';
export { formatAsciiGrid, parseAsciiGrid } from './asciiGrid';
export { readGeoTiff, writeGeoTiff } from './geoTiff';
export { burnPolygon, parsePolygonCsv, parsePolygonGeoJson } from './polygons';
export { alternatingBlockStorm, parseHyetographCsv } from './rain';
export { debrisFactor, hazardClass, hazardRating } from './hazard';
export type { HazardClass } from './hazard';
export { formatGaugesCsv, resultFiles, summarize } from './outputs';
export type { OutputFile, RunSummary } from './outputs';
