/**
 * `npm run bench:startup`: how fast the app starts compared with a bare Cesium Viewer showing the same tileset.
 *
 * Builds both pages, serves each with `vite preview`, and loads each RUNS times cold (a fresh browser, hence a fresh
 * profile and empty caches, per load; app and baseline alternate so that drift of the machine hits both alike) in
 * headless Chromium on SwiftShader. Per page it reports the medians of
 *   - firstFrameMs: the `sao:first-frame` mark (after Cesium's first rendered frame), ms since navigation start;
 *   - tilesLoadedMs: the `sao:tiles-loaded` mark (the buildings tileset first reported all tiles loaded);
 *   - initialJsGzipBytes: gzip size of the built JS files requested before the first frame (workers included);
 * and, from the build, bundleJsGzipBytes (all JS in the build, gzipped) and distBytes (everything in the build).
 * gzip sizes are zlib's default level on the files in the build, not bytes on the wire: `vite preview` does not
 * compress, and a deployment would.
 *
 * stdout carries only the JSON result (also written to bench-results/startup.json); progress goes to stderr.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Request } from 'playwright-core';
import { isLocal, launchChromium } from '../../tests/e2e/harness';
import { ROOT, build, preview, type BuildOptions, type PreviewServer } from '../../tests/e2e/server';

const RUNS = 3;
/** SwiftShader on two cores needs tens of seconds for the tileset; a page that takes longer is broken. */
const MARK_TIMEOUT_MS = 240_000;
const VIEWPORT = { width: 1280, height: 800 };
const RESULTS = join(ROOT, 'bench-results');

interface Subject {
  name: 'app' | 'bareCesium';
  build: BuildOptions;
}

const SUBJECTS: Subject[] = [
  { name: 'app', build: { outDir: join('bench-results', 'dist-app') } },
  {
    name: 'bareCesium',
    build: { config: join('scripts', 'bench', 'vite.bare.config.ts'), outDir: join('bench-results', 'dist-bare') },
  },
];

interface LoadSample {
  firstFrameMs: number;
  tilesLoadedMs: number;
  initialJsGzipBytes: number;
}

interface BuildSizes {
  bundleJsGzipBytes: number;
  distBytes: number;
}

const log = (message: string): void => void process.stderr.write(`[bench:startup] ${message}\n`);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const isJs = (path: string): boolean => /\.m?js$/.test(path);

/** gzip sizes are memoised per file: every run asks for the same Cesium chunks and workers. */
const gzipSizes = new Map<string, number>();
function gzipSize(file: string): number {
  let size = gzipSizes.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(file)).length;
    gzipSizes.set(file, size);
  }
  return size;
}

function buildSizes(distDir: string): BuildSizes {
  const files = filesUnder(distDir);
  return {
    bundleJsGzipBytes: files.filter(isJs).reduce((sum, file) => sum + gzipSize(file), 0),
    distBytes: files.reduce((sum, file) => sum + statSync(file).size, 0),
  };
}

/** The mark's start time, waiting for it to appear. */
async function waitForMark(page: Page, mark: string): Promise<number> {
  const handle = await page.waitForFunction(
    (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime,
    mark,
    { timeout: MARK_TIMEOUT_MS, polling: 100 },
  );
  return (await handle.jsonValue()) as number;
}

/** One cold load: fresh browser, fresh context, nothing cached. */
async function loadOnce(browser: Browser, url: string, distDir: string): Promise<LoadSample> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const requests: Request[] = [];
  const foreign: string[] = [];
  context.on('request', (request) => {
    requests.push(request);
    if (!isLocal(request.url())) foreign.push(request.url());
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url, { waitUntil: 'commit' });
  const firstFrameMs = await waitForMark(page, 'sao:first-frame');
  const tilesLoadedMs = await waitForMark(page, 'sao:tiles-loaded');
  // Playwright's request start times are epoch milliseconds; the marks count from the page's time origin.
  const timeOrigin = await page.evaluate(() => performance.timeOrigin);
  await context.close();
  if (foreign.length > 0) throw new Error(`${url} tried to leave the machine: ${foreign.join(', ')}`);
  if (errors.length > 0) throw new Error(`${url} threw: ${errors.join('; ')}`);

  const firstFrameEpoch = timeOrigin + firstFrameMs;
  const requestedJs = new Set<string>();
  for (const request of requests) {
    const { pathname, origin } = new URL(request.url());
    if (origin !== new URL(url).origin || !isJs(pathname)) continue;
    if (request.timing().startTime > firstFrameEpoch) continue;
    requestedJs.add(join(distDir, decodeURIComponent(pathname)));
  }
  const initialJsGzipBytes = [...requestedJs].reduce((sum, file) => sum + gzipSize(file), 0);
  return { firstFrameMs: Math.round(firstFrameMs), tilesLoadedMs: Math.round(tilesLoadedMs), initialJsGzipBytes };
}

/** What WebGL runs on, as a page sees it (e.g. SwiftShader through ANGLE); asked of a browser of its own. */
async function webglRenderer(): Promise<string> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    return await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return 'no WebGL 2';
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    });
  } finally {
    await browser.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function medians(samples: LoadSample[]): LoadSample {
  return {
    firstFrameMs: Math.round(median(samples.map((sample) => sample.firstFrameMs))),
    tilesLoadedMs: Math.round(median(samples.map((sample) => sample.tilesLoadedMs))),
    initialJsGzipBytes: median(samples.map((sample) => sample.initialJsGzipBytes)),
  };
}

function ratio<T extends Record<string, number>>(app: T, bare: T): Record<keyof T, number> {
  const entries = Object.keys(app).map((key) => [key, Math.round((app[key]! / bare[key]!) * 100) / 100]);
  return Object.fromEntries(entries) as Record<keyof T, number>;
}

async function main(): Promise<void> {
  const servers: Array<{ subject: Subject; server: PreviewServer }> = [];
  const samples = new Map<Subject['name'], LoadSample[]>(SUBJECTS.map((subject) => [subject.name, []]));
  let chromium = '';
  try {
    for (const subject of SUBJECTS) {
      log(`building ${subject.name} into ${subject.build.outDir}…`);
      build(subject.build);
      servers.push({ subject, server: await preview(subject.build) });
    }
    for (let run = 1; run <= RUNS; run++) {
      for (const { subject, server } of servers) {
        const browser = await launchChromium();
        chromium = browser.version();
        try {
          const sample = await loadOnce(browser, `${server.url}/`, join(ROOT, subject.build.outDir));
          log(`${subject.name} run ${run}/${RUNS}: ${JSON.stringify(sample)}`);
          samples.get(subject.name)!.push(sample);
        } finally {
          await browser.close();
        }
      }
    }
  } finally {
    await Promise.all(servers.map(({ server }) => server.close()));
  }

  const summary = (name: Subject['name']) => {
    const subject = SUBJECTS.find((candidate) => candidate.name === name)!;
    return { ...medians(samples.get(name)!), ...buildSizes(join(ROOT, subject.build.outDir)) };
  };
  const app = summary('app');
  const bareCesium = summary('bareCesium');
  const result = {
    app,
    bareCesium,
    ratio: ratio(app, bareCesium),
    runs: RUNS,
    chromium,
    renderer: await webglRenderer(),
    samples: Object.fromEntries(samples),
  };
  const json = JSON.stringify(result, null, 2);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'startup.json'), `${json}\n`);
  process.stdout.write(`${json}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:startup] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
