/**
 * Debian's mosquitto for tests, the benchmark and `sensors:sim --start-broker`: a generated config with an MQTT over
 * WebSocket listener on a free localhost port and persistence on, all in a temp dir. `kill` and `restart` keep the
 * port and the persistence file, so a test can take the broker away mid-stream and bring it back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const MOSQUITTO = process.env.SAO_MOSQUITTO ?? '/usr/sbin/mosquitto';

export interface Mosquitto {
  /** `ws://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** Kills the broker (SIGTERM: it writes its persistence file first; SIGKILL: only what autosave wrote). */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port with the same persistence file. */
  restart(): Promise<void>;
  /** Kills it and removes the temp dir. */
  stop(): Promise<void>;
  /** The broker's log, for a failing test's message. */
  log(): string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function configOf(port: number, tcpPort: number, dir: string, persistence: boolean): string {
  return [
    // mosquitto 2.0 will not start with a WebSocket listener alone (eclipse-mosquitto/mosquitto#2284): a plain
    // MQTT listener on loopback keeps it company.
    `listener ${tcpPort} 127.0.0.1`,
    `listener ${port} 127.0.0.1`,
    'protocol websockets',
    'allow_anonymous true',
    // Stay the invoking user (as root, mosquitto would switch to `mosquitto`, who cannot write the temp dir).
    `user ${userInfo().username}`,
    `persistence ${persistence}`,
    `persistence_location ${dir}/`,
    'autosave_interval 1',
    // Queue without bound for sessions that are away (defaults: 1000 messages, then drop): loss is what tests count.
    'max_queued_messages 0',
    'max_inflight_messages 0',
    'set_tcp_nodelay true',
    `log_dest file ${join(dir, 'mosquitto.log')}`,
    'log_type error',
    'log_type warning',
    'log_type notice',
    '',
  ].join('\n');
}

export async function startMosquitto(options: { persistence?: boolean } = {}): Promise<Mosquitto> {
  if (!existsSync(MOSQUITTO)) throw new Error(`${MOSQUITTO} is missing: run \`node scripts/ensure-debian.mjs mosquitto\` (apt-get install mosquitto)`);
  const dir = mkdtempSync(join(tmpdir(), 'sao-mosquitto-'));
  const port = await freePort();
  const tcpPort = await freePort();
  const configPath = join(dir, 'mosquitto.conf');
  writeFileSync(configPath, configOf(port, tcpPort, dir, options.persistence ?? true));
  const logPath = join(dir, 'mosquitto.log');
  let child: ChildProcess | null = null;

  async function launch(): Promise<void> {
    const started = spawn(MOSQUITTO, ['-c', configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    started.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child = started;
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (started.exitCode !== null) throw new Error(`mosquitto exited (${started.exitCode}): ${stderr}${existsSync(logPath) ? readFileSync(logPath, 'utf8') : ''}`);
      if (await canConnect(port)) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`mosquitto did not listen on ${port} within 10 s`);
  }

  async function kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill(signal);
    await exited;
  }

  await launch();
  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    dir,
    kill,
    restart: launch,
    async stop() {
      await kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
    log: () => (existsSync(logPath) ? readFileSync(logPath, 'utf8') : ''),
  };
}
