/**
 * Opens the WebGPU flood page (entry.ts) in Debian's Chromium, for the parity test and the benchmark.
 *
 * WebGPU without a GPU: Chromium 156 exposes `navigator.gpu` only in a secure context (http://127.0.0.1 is one,
 * data: URLs are not) and, headless on Linux, only with `--enable-unsafe-webgpu`; it then offers Dawn's
 * SwiftShader (Vulkan on the CPU) as a fallback adapter — no other flag is needed (`--use-webgpu-adapter=swiftshader`,
 * `--enable-features=Vulkan` change nothing here). The bundle is built in memory with Vite's build API (which
 * understands the `?raw` WGSL imports) and answered by `page.route` on the given origin, so nothing is written
 * into the folder the e2e server serves while other tests use it.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Rollup } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../harness';
import type { CellArrays } from '../../../workers/flood/state';
import type { FloodPageApi } from './protocol';
import { encodeCells } from './protocol';

export const WEBGPU_ARGS = [...CHROMIUM_ARGS, '--enable-unsafe-webgpu'];

const ENTRY = fileURLToPath(new URL('./entry.ts', import.meta.url));
const PATH = '/__sao-flood-webgpu';

export function launchWebGpuChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: WEBGPU_ARGS });
}

let bundled: Promise<string> | null = null;

/** entry.ts and everything it imports as one ES module (built once per process). */
export function bundleFloodPage(): Promise<string> {
  bundled ??= build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: ENTRY, formats: ['es'], fileName: 'flood' },
    },
  }).then((result) => {
    const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
    const chunk = outputs.flatMap((o) => o.output).find((o): o is Rollup.OutputChunk => o.type === 'chunk' && o.isEntry);
    if (!chunk) throw new Error('bundling tests/e2e/flood/entry.ts produced no entry chunk');
    return chunk.code;
  });
  return bundled;
}

export interface FloodPage {
  readonly page: Page;
  /** Errors the page threw or logged, one line each. */
  readonly problems: string[];
  /** Serves `cells` (protocol.ts `encodeCells`) on the page's origin; returns the URL for a request's `cellsUrl`. */
  serveCells(cells: CellArrays): string;
  call<K extends keyof FloodPageApi>(method: K, ...args: Parameters<FloodPageApi[K]>): Promise<Awaited<ReturnType<FloodPageApi[K]>>>;
  close(): Promise<void>;
}

/** A page at `${origin}${PATH}/` running entry.ts; `origin` must be http://127.0.0.1:port or localhost. */
export async function openFloodPage(browser: Browser, origin: string): Promise<FloodPage> {
  const code = await bundleFloodPage();
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  const served = new Map<string, Uint8Array>();
  await page.route(`${origin}${PATH}/**`, (route) => {
    const url = route.request().url();
    const cells = served.get(url);
    if (cells) return route.fulfill({ contentType: 'application/octet-stream', body: Buffer.from(cells.buffer, cells.byteOffset, cells.byteLength) });
    const js = url.endsWith('.js');
    return route.fulfill({
      contentType: js ? 'text/javascript' : 'text/html',
      body: js ? code : `<!doctype html><meta charset="utf-8"><title>Sao flood WebGPU</title><script type="module" src="${PATH}/flood.js"></script>`,
    });
  });
  await page.goto(`${origin}${PATH}/`);
  await page.waitForFunction(() => 'saoFlood' in window);
  return {
    page,
    problems,
    serveCells(cells) {
      const url = `${origin}${PATH}/cells/${served.size}`;
      served.set(url, encodeCells(cells));
      return url;
    },
    call: (method, ...args) =>
      page.evaluate(
        ([name, params]) => (window as unknown as { saoFlood: Record<string, (...a: unknown[]) => unknown> }).saoFlood[name]!(...params),
        [method, args] as const,
      ) as never,
    close: () => context.close(),
  };
}
