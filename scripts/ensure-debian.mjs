#!/usr/bin/env node
// `node scripts/ensure-debian.mjs chromium mosquitto xmllint`: installs with apt the Debian packages the tests and
// benchmarks drive (never downloaded builds) when their program is missing.
//   chromium   end-to-end tests and the start-up benchmark (Debian's Chromium, with a font for Vietnamese)
//   mosquitto  the sensor tests and `npm run bench:sensors` (a real MQTT broker)
//   xmllint    the BCF tests validate every exported file against buildingSMART's XSDs (libxml2-utils)
//   poppler-utils  the review report tests read the PDF back (pdftotext, pdfimages)
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const TOOLS = {
  chromium: { program: process.env.SAO_CHROMIUM ?? '/usr/bin/chromium', packages: 'chromium fonts-noto-core' },
  mosquitto: { program: process.env.SAO_MOSQUITTO ?? '/usr/sbin/mosquitto', packages: '--no-install-recommends mosquitto' },
  xmllint: { program: process.env.SAO_XMLLINT ?? '/usr/bin/xmllint', packages: '--no-install-recommends libxml2-utils' },
  'poppler-utils': { program: process.env.SAO_PDFTOTEXT ?? '/usr/bin/pdftotext', packages: '--no-install-recommends poppler-utils' },
};

const names = process.argv.slice(2);
const unknown = names.filter((name) => !(name in TOOLS));
if (names.length === 0 || unknown.length > 0) {
  console.error(`usage: node scripts/ensure-debian.mjs ${Object.keys(TOOLS).join('|')} …${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`);
  process.exit(64);
}
const missing = names.filter((name) => !existsSync(TOOLS[name].program));
if (missing.length > 0) {
  console.error(`[sao] installing Debian ${missing.join(', ')} with apt…`);
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit', env });
  for (const name of missing) execSync(`${sudo}apt-get install -y -qq ${TOOLS[name].packages}`, { stdio: 'inherit', env });
}
