#!/usr/bin/env node
// Installs npm dependencies when node_modules is missing or older than package-lock.json,
// so `npm start` and `npm test` work on a fresh clone. Uses only Node built-ins: it runs before any install.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lock = join(root, 'package-lock.json');
const marker = join(root, 'node_modules', '.package-lock.json');

const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs);
if (stale) {
  console.error('[sao] installing npm dependencies…');
  const cmd = existsSync(lock) ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund';
  execSync(cmd, { cwd: root, stdio: 'inherit' });
}

// Generated code the app and tests need: the flood kernel's WASM (AssemblyScript, compiled offline).
const { buildWasm } = await import('./build-wasm.mjs');
buildWasm();

// The demo BIM submission's IFC (assets/demo/bim, gitignored: derived from ../shared/data by
// scripts/build-demo/demoSubmission.ts): rebuilt when missing or when it differs from the sha256 that the
// committed submission.json records.
const submission = JSON.parse(readFileSync(join(root, 'assets/demo/bim/submission.json'), 'utf8'));
const derivedIfc = join(root, 'assets', submission.file.url);
const current = existsSync(derivedIfc) && createHash('sha256').update(readFileSync(derivedIfc)).digest('hex') === submission.file.sha256;
if (!current) {
  const source = join(process.env.SAO_SHARED_DATA ?? join(root, '../shared/data'), submission.file.derivedFrom);
  if (existsSync(source)) {
    console.error(`[sao] deriving the demo BIM submission ${submission.file.url}…`);
    execSync('npx tsx scripts/build-demo/demoSubmission.ts', { cwd: root, stdio: 'inherit' });
  } else {
    console.error(`[sao] ${source} not found: the demo BIM submission (${submission.file.url}) cannot be derived and the ` +
      'Thẩm định BIM demo will not open. Put the shared data folder beside the repository or set SAO_SHARED_DATA.');
  }
}
