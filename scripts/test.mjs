#!/usr/bin/env node
// `npm test`: type check, unit tests (the sensor ones against Debian's mosquitto, the BCF ones validating with Debian's
// xmllint, the review report ones reading PDFs with poppler-utils, all installed with apt when missing), then
// end-to-end tests in Debian's Chromium (installed with apt when missing). Each stage runs even if an earlier one
// failed, so one run reports everything; the exit code is non-zero when any stage failed.
import { spawnSync } from 'node:child_process';

const stages = [
  ['type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['mosquitto, xmllint, poppler-utils', 'node', ['scripts/ensure-debian.mjs', 'mosquitto', 'xmllint', 'poppler-utils']],
  ['unit tests', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['chromium', 'node', ['scripts/ensure-debian.mjs', 'chromium']],
  ['end-to-end tests', 'npx', ['vitest', 'run', '--project', 'e2e']],
];

const failed = [];
for (const [name, cmd, args] of stages) {
  console.log(`\n[sao] ── ${name} ──`);
  const { status } = spawnSync(cmd, args, { stdio: 'inherit' });
  if (status !== 0) failed.push(name);
}
console.log(failed.length ? `\n[sao] failed: ${failed.join(', ')}` : '\n[sao] all stages passed');
process.exit(failed.length ? 1 : 0);
