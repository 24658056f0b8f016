#!/usr/bin/env node
// The sensor tests and `npm run bench:sensors` run a real MQTT broker: Debian's mosquitto (never a downloaded build).
// Installs the `mosquitto` package with apt when it is missing.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

export const MOSQUITTO = process.env.SAO_MOSQUITTO ?? '/usr/sbin/mosquitto';

if (!existsSync(MOSQUITTO)) {
  console.error('[sao] installing Debian mosquitto for the sensor tests…');
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit', env });
  execSync(`${sudo}apt-get install -y -qq --no-install-recommends mosquitto`, { stdio: 'inherit', env });
}
