/**
 * Builds a Vite app and serves the build with `vite preview`, for the end-to-end tests and the start-up benchmark.
 *
 * Each caller builds into its own ignored folder (never `dist/`): other people build the app in the same checkout
 * at the same time, and two builds writing one folder would serve a half-written bundle.
 */
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

export interface BuildOptions {
  /** Vite config file, relative to the repository root; the repository's `vite.config.ts` when absent. */
  config?: string;
  /** Output folder, relative to the repository root (Vite itself would resolve it against the config's `root`). */
  outDir: string;
}

export interface PreviewServer {
  /** Origin of the server, without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

function viteArgs(command: 'build' | 'preview', options: BuildOptions): string[] {
  const args = [VITE, command, '--outDir', join(ROOT, options.outDir)];
  if (options.config) args.push('--config', options.config);
  return args;
}

/**
 * Runs `vite build`; its output goes to stderr so that a caller's stdout stays clean (the bench prints JSON).
 * NODE_ENV is forced to production: vitest sets it to `test`, and Vite keeps an inherited NODE_ENV, which would
 * ship React's development build (StrictMode double effects, dev warnings) instead of what users get.
 */
export function build(options: BuildOptions): void {
  execFileSync(process.execPath, [...viteArgs('build', options), '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', process.stderr, process.stderr],
  });
}

/** A TCP port nobody listens on right now (the OS picks it; `--strictPort` makes vite fail rather than drift). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number, exited: () => string | null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const exit = exited();
    if (exit) throw new Error(`vite preview exited before serving ${url}: ${exit}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Serves `options.outDir` with `vite preview` (SPA fallback and COOP/COEP headers from the config). */
export async function preview(options: BuildOptions): Promise<PreviewServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [...viteArgs('preview', options), '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  let exit: string | null = null;
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      exit = `code ${code ?? signal}; output:\n${log}`;
      resolve();
    }),
  );
  try {
    await waitForHttp(`${url}/`, 60_000, () => exit);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    url,
    async close() {
      if (exit === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
