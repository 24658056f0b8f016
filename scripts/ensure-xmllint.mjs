#!/usr/bin/env node
// The BCF tests validate every exported file against buildingSMART's BCF XSDs with libxml2's xmllint (Debian's
// `libxml2-utils`, never a downloaded build). Installs it with apt when it is missing.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

export const XMLLINT = process.env.SAO_XMLLINT ?? '/usr/bin/xmllint';

if (!existsSync(XMLLINT)) {
  console.error('[sao] installing Debian libxml2-utils (xmllint) for the BCF schema tests…');
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit', env });
  execSync(`${sudo}apt-get install -y -qq --no-install-recommends libxml2-utils`, { stdio: 'inherit', env });
}
