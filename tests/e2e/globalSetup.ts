/**
 * Once per `vitest run --project e2e`: makes sure Chromium is installed, builds the app, serves the build with
 * `vite preview` and hands its URL to the tests (`inject('baseUrl')`). The build is always fresh: proving an
 * existing one current would mean hashing every input Vite reads, and a build takes well under a minute.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { SCREENSHOT_DIR } from './harness';
import { ROOT, build, preview } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the served build, e.g. `http://127.0.0.1:41234`. */
    baseUrl: string;
  }
}

/** Ignored by git (test-results/); one folder per run: not `dist/`, nor another e2e run's build, which may be
 * rebuilt while these tests still load lazy chunks from it. */
const OUT_DIR = join('test-results', `e2e-dist-${process.pid}`);

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'ensure-debian.mjs'), 'chromium'], { cwd: ROOT, stdio: 'inherit' });
  console.log(`[sao e2e] building the app into ${OUT_DIR}…`);
  build({ outDir: OUT_DIR });
  const server = await preview({ outDir: OUT_DIR });
  project.provide('baseUrl', server.url);
  console.log(`[sao e2e] serving ${OUT_DIR} at ${server.url}; screenshots go to ${SCREENSHOT_DIR}`);
  return async () => {
    await server.close();
    rmSync(join(ROOT, OUT_DIR), { recursive: true, force: true });
  };
}
