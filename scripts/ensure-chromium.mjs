#!/usr/bin/env node
// End-to-end tests and benchmarks drive Debian's own Chromium (never a downloaded browser build).
// Installs the `chromium` package with apt when it is missing.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

export const CHROMIUM = process.env.SAO_CHROMIUM ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  console.error('[sao] installing Debian chromium for end-to-end tests…');
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit', env });
  execSync(`${sudo}apt-get install -y -qq chromium fonts-noto-core`, { stdio: 'inherit', env });
}
