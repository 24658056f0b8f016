/**
 * The files of a run (issue: `final-depth.asc`, `max-depth.asc`, `max-depth.tif`, `hazard.tif`, `gauges.csv`) and
 * the one-line JSON summary the CLI prints.
 */
import { formatAsciiGrid } from './asciiGrid';
import { writeGeoTiff } from './geoTiff';
import type { FloodResults } from './types';

export interface OutputFile {
  name: string;
  content: string | Uint8Array;
}

export interface RunSummary {
  backend: string;
  cells: number;
  steps: number;
  simSeconds: number;
  wallSeconds: number;
  cellUpdatesPerSecond: number;
  maxDepth: number;
  volumeErrorRelative: number;
  gauges: { id: string; peakStage: number; peakDepth: number; timeOfPeak: number }[];
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

export function summarize(results: FloodResults, backend: string, wallSeconds: number): RunSummary {
  const cells = results.grid.nx * results.grid.ny;
  let maxDepth = 0;
  for (const d of results.maxDepth) if (d > maxDepth) maxDepth = d;
  return {
    backend,
    cells,
    steps: results.steps,
    simSeconds: results.simSeconds,
    wallSeconds: round(wallSeconds, 3),
    cellUpdatesPerSecond: Math.round((cells * results.steps) / wallSeconds),
    maxDepth: round(maxDepth, 4),
    volumeErrorRelative: Number(results.volume.errorRelative.toPrecision(3)),
    gauges: results.gauges.map((g) => ({ id: g.id, peakStage: round(g.peakStage, 4), peakDepth: round(g.peakDepth, 4), timeOfPeak: round(g.timeOfPeak, 2) })),
  };
}

/** `t,<id> stage,<id> depth,…` at every output time. */
/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled (gauge ids are free text). */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatGaugesCsv(results: FloodResults): string {
  const header = ['t_s', ...results.gauges.flatMap((g) => [`${g.id}_stage_m`, `${g.id}_depth_m`])].map(csvField);
  const lines = [header.join(',')];
  const samples = results.gauges[0]?.series.length ?? 0;
  for (let s = 0; s < samples; s++) {
    const row = [String(results.gauges[0]!.series[s]!.t)];
    for (const g of results.gauges) row.push(g.series[s]!.stage.toFixed(4), g.series[s]!.depth.toFixed(4));
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function resultFiles(results: FloodResults): OutputFile[] {
  const { grid } = results;
  return [
    { name: 'final-depth.asc', content: formatAsciiGrid(grid, results.finalDepth) },
    { name: 'max-depth.asc', content: formatAsciiGrid(grid, results.maxDepth) },
    { name: 'max-depth.tif', content: new Uint8Array(writeGeoTiff(grid, results.maxDepth)) },
    { name: 'hazard.tif', content: new Uint8Array(writeGeoTiff(grid, results.maxHazard)) },
    { name: 'gauges.csv', content: formatGaugesCsv(results) },
  ];
}
