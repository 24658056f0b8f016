/**
 * bench:ifc — loading every IFC file of ../shared/data/ifc (web-ifc/ and georef/, recursively) with Sao's loader
 * and with That Open's (@thatopen/fragments IfcImporter + FragmentsModels, see bench/ifc/thatOpen.ts), in the same
 * run: time to first geometry, time to complete, triangles, peak memory, and the ratios ours / theirs.
 *
 *   npm run bench:ifc [-- --repeats 3] [--only <part of a path>]
 *
 * Every (stack, file) load runs in a fresh Node process (bench/ifc/runOnce.ts), so maxRSS is that load's own;
 * the two stacks alternate, `repeats` times per file, and the median of each figure is kept. Prints one JSON line
 * per file on stdout (progress on stderr); the last line is the summary with `geomeanTimeRatio` (complete time)
 * and `geomeanMemoryRatio` (maxRSS), ours / theirs, plus the CPU-time ratio (all threads: steadier than the wall
 * clock when other work shares the cores) and the ratio of memory taken by the load itself (maxRSS above the RSS
 * after module imports). A file that fails or yields no triangles in either stack is
 * reported and left out of the geometric means.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { STACKS } from './ifc/stack';
import type { LoadMeasure, StackName } from './ifc/stack';

const REPO = resolve(import.meta.dirname, '../..');
const DATA = resolve(process.env.SAO_SHARED_DATA ?? join(REPO, '../shared/data'));
const RUN_ONCE = join(import.meta.dirname, 'ifc/runOnce.ts');
const RUN_TIMEOUT_MS = 180_000;

interface RunResult extends Partial<LoadMeasure> {
  error?: string;
  cpuMs?: number;
  maxRssKiB: number;
  baselineRssKiB: number;
  wasmHeapBytes: number;
}

interface StackSummary {
  firstGeometryMs: number | null;
  completeMs: number;
  cpuMs: number;
  triangles: number;
  maxRssKiB: number;
  baselineRssKiB: number;
  wasmHeapBytes: number;
  extra?: Record<string, number | string | null>;
}

interface FileLine {
  file: string;
  bytes: number;
  ours: StackSummary | { error: string };
  thatopen: StackSummary | { error: string };
  timeRatio: number | null;
  firstGeometryRatio: number | null;
  /** CPU time (all threads) ours / theirs. */
  cpuRatio: number | null;
  memoryRatio: number | null;
  /** (maxRSS − RSS after imports) ours / theirs: the memory the load itself took. */
  loadMemoryRatio: number | null;
  excluded?: string;
}

function ifcFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.toLowerCase().endsWith('.ifc') ? [join(dir, entry.name)] : [],
    );
  return ['web-ifc', 'georef'].flatMap((folder) => walk(join(DATA, 'ifc', folder))).sort();
}

function runOnce(stack: StackName, file: string): Promise<RunResult> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', RUN_ONCE, stack, file], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        done(JSON.parse(line) as RunResult);
      } catch {
        const why = signal ? `killed by ${signal}${signal === 'SIGKILL' ? ` (over ${RUN_TIMEOUT_MS / 1000} s?)` : ''}` : `exit code ${code}`;
        done({ error: `${why}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`, maxRssKiB: 0, baselineRssKiB: 0, wasmHeapBytes: 0 });
      }
    });
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

function summarise(runs: readonly RunResult[]): StackSummary | { error: string } {
  const failed = runs.find((run) => run.error !== undefined);
  if (failed) return { error: failed.error! };
  const firstGeometry = runs.map((run) => run.firstGeometryMs).filter((ms): ms is number => typeof ms === 'number');
  return {
    firstGeometryMs: firstGeometry.length === runs.length ? round(median(firstGeometry)) : null,
    completeMs: round(median(runs.map((run) => run.completeMs!))),
    cpuMs: round(median(runs.map((run) => run.cpuMs!))),
    triangles: runs[0]!.triangles!,
    maxRssKiB: median(runs.map((run) => run.maxRssKiB)),
    baselineRssKiB: median(runs.map((run) => run.baselineRssKiB)),
    wasmHeapBytes: Math.max(...runs.map((run) => run.wasmHeapBytes)),
    ...(runs[0]!.extra ? { extra: runs[0]!.extra } : {}),
  };
}

function compare(file: string, bytes: number, ours: FileLine['ours'], thatopen: FileLine['thatopen']): FileLine {
  const line: FileLine = { file, bytes, ours, thatopen, timeRatio: null, firstGeometryRatio: null, cpuRatio: null, memoryRatio: null, loadMemoryRatio: null };
  if ('error' in ours || 'error' in thatopen) return { ...line, excluded: `failed in ${'error' in ours ? 'ours' : 'thatopen'}` };
  const ratio = (a: number | null, b: number | null): number | null => (a !== null && b !== null && b > 0 ? round(a / b, 3) : null);
  const measured = {
    ...line,
    timeRatio: ratio(ours.completeMs, thatopen.completeMs),
    firstGeometryRatio: ratio(ours.firstGeometryMs, thatopen.firstGeometryMs),
    cpuRatio: ratio(ours.cpuMs, thatopen.cpuMs),
    memoryRatio: ratio(ours.maxRssKiB, thatopen.maxRssKiB),
    loadMemoryRatio: ratio(ours.maxRssKiB - ours.baselineRssKiB, thatopen.maxRssKiB - thatopen.baselineRssKiB),
  };
  if (ours.triangles === 0 || thatopen.triangles === 0) {
    return { ...measured, excluded: `no triangles in ${ours.triangles === 0 ? 'ours' : 'thatopen'}` };
  }
  return measured;
}

function geomean(values: readonly number[]): number | null {
  return values.length ? round(Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length), 3) : null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { repeats: { type: 'string', default: '3' }, only: { type: 'string' } } });
  const repeats = Math.max(1, Number(values.repeats));
  const files = ifcFiles().filter((file) => !values.only || file.includes(values.only));
  if (files.length === 0) throw new Error(`no .ifc files under ${join(DATA, 'ifc')}: set SAO_SHARED_DATA`);
  const started = performance.now();
  const lines: FileLine[] = [];
  for (const file of files) {
    const name = relative(join(DATA, 'ifc'), file);
    const runs: Record<StackName, RunResult[]> = { ours: [], thatopen: [] };
    for (let repeat = 0; repeat < repeats; repeat++) {
      // Alternate which stack goes first, so neither always inherits the other's warm page cache.
      for (const stack of repeat % 2 ? [...STACKS].reverse() : STACKS) runs[stack].push(await runOnce(stack, file));
    }
    const line = compare(name, statSync(file).size, summarise(runs.ours), summarise(runs.thatopen));
    lines.push(line);
    process.stdout.write(`${JSON.stringify(line)}\n`);
    process.stderr.write(`bench:ifc ${name}: time ratio ${line.timeRatio ?? '-'}, memory ratio ${line.memoryRatio ?? '-'}${line.excluded ? ` (left out: ${line.excluded})` : ''}\n`);
  }
  const counted = lines.filter((line) => !line.excluded);
  const summary = {
    summary: 'bench:ifc',
    geomeanTimeRatio: geomean(counted.map((line) => line.timeRatio!)),
    geomeanFirstGeometryRatio: geomean(counted.flatMap((line) => (line.firstGeometryRatio === null ? [] : [line.firstGeometryRatio]))),
    geomeanCpuRatio: geomean(counted.map((line) => line.cpuRatio!)),
    geomeanMemoryRatio: geomean(counted.map((line) => line.memoryRatio!)),
    geomeanLoadMemoryRatio: geomean(counted.flatMap((line) => (line.loadMemoryRatio && line.loadMemoryRatio > 0 ? [line.loadMemoryRatio] : []))),
    filesCounted: counted.length,
    excluded: lines.filter((line) => line.excluded).map((line) => ({ file: line.file, why: line.excluded })),
    repeats,
    cpus: cpus().length,
    loadAverage: loadavg().map((load) => round(load, 2)),
    wallSeconds: round((performance.now() - started) / 1000),
    table: lines.map((line) => ({
      file: line.file,
      oursCompleteMs: 'error' in line.ours ? null : line.ours.completeMs,
      thatopenCompleteMs: 'error' in line.thatopen ? null : line.thatopen.completeMs,
      oursFirstGeometryMs: 'error' in line.ours ? null : line.ours.firstGeometryMs,
      thatopenFirstGeometryMs: 'error' in line.thatopen ? null : line.thatopen.firstGeometryMs,
      oursTriangles: 'error' in line.ours ? null : line.ours.triangles,
      thatopenTriangles: 'error' in line.thatopen ? null : line.thatopen.triangles,
      oursMaxRssMiB: 'error' in line.ours ? null : round(line.ours.maxRssKiB / 1024),
      thatopenMaxRssMiB: 'error' in line.thatopen ? null : round(line.thatopen.maxRssKiB / 1024),
      oursCpuMs: 'error' in line.ours ? null : line.ours.cpuMs,
      thatopenCpuMs: 'error' in line.thatopen ? null : line.thatopen.cpuMs,
      timeRatio: line.timeRatio,
      cpuRatio: line.cpuRatio,
      memoryRatio: line.memoryRatio,
      loadMemoryRatio: line.loadMemoryRatio,
    })),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

await main();
