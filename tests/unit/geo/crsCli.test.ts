import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTransform } from '../../../src/geo/index';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TIMEOUT_MS = 60_000;

/** `npx tsx scripts/crs.ts …args` with `input` on stdin. */
function crs(args: string[], input = ''): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('npx', ['tsx', 'scripts/crs.ts', ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run crs (scripts/crs.ts)', () => {
  it(
    'transforms x y [z] lines, one output line per input line, 4 decimals for metres',
    () => {
      const input = '# Hoàn Kiếm, then VNU Cầu Giấy with a height\n105.8523 21.0285\n\n105.7835,21.0390,12\n';
      const { status, stdout } = crs(['EPSG:4326', 'epsg:5897'], input);
      expect(status).toBe(0);
      const lines = stdout.split('\n');
      expect(lines).toHaveLength(input.split('\n').length);
      expect(lines[0]).toBe('# Hoàn Kiếm, then VNU Cầu Giấy with a height');
      expect(lines[1]).toMatch(/^\d+\.\d{4} \d+\.\d{4}$/);
      expect(lines[2]).toBe('');
      expect(lines[3]).toMatch(/^\d+\.\d{4} \d+\.\d{4} \d+\.\d{4}$/);
      const [e, n, h] = createTransform('EPSG:4326', 'EPSG:5897')(105.7835, 21.039, 12);
      expect(lines[3]).toBe(`${e.toFixed(4)} ${n.toFixed(4)} ${h.toFixed(4)}`);
    },
    TIMEOUT_MS,
  );

  it(
    'writes 9 decimals for degrees and 4 for heights',
    () => {
      const input = '588394.4421 2326344.2562\n588394.4424 2326344.2560 24.7445\n';
      const { status, stdout } = crs(['EPSG:5897', 'EPSG:4326'], input);
      expect(status).toBe(0);
      expect(stdout).toMatch(/^105\.\d{9} 21\.\d{9}\n105\.\d{9} 21\.\d{9} -?\d+\.\d{4}\n$/);
    },
    TIMEOUT_MS,
  );

  it(
    'reports a malformed line with its number and text, leaves its line empty, goes on, and exits 1',
    () => {
      const input = '105.8523 21.0285\nHoàn Kiếm\n105 21 0 7\n106 21\n';
      const { status, stdout, stderr } = crs(['EPSG:4326', 'EPSG:5897'], input);
      expect(status).toBe(1);
      const lines = stdout.split('\n');
      expect(lines).toHaveLength(5);
      expect(lines[1]).toBe('');
      expect(lines[2]).toBe('');
      expect(lines[3]).toMatch(/^\d+\.\d{4} \d+\.\d{4}$/);
      expect(stderr).toContain('line 2: not "x y [z]": Hoàn Kiếm');
      expect(stderr).toContain('line 3: not "x y [z]": 105 21 0 7');
    },
    TIMEOUT_MS,
  );

  it(
    'exits 2 naming an unknown CRS, and on wrong arguments',
    () => {
      const unknown = crs(['EPSG:4326', 'EPSG:1234'], '105 21\n');
      expect(unknown.status).toBe(2);
      expect(unknown.stdout).toBe('');
      expect(unknown.stderr).toContain('Unsupported CRS EPSG:1234');
      expect(unknown.stderr).toContain('Hệ tọa độ EPSG:1234');
      expect(crs(['EPSG:4326']).status).toBe(2);
    },
    TIMEOUT_MS,
  );

  it(
    'prints its usage with --help',
    () => {
      const { status, stdout } = crs(['--help']);
      expect(status).toBe(0);
      expect(stdout).toContain('Usage: npm run --silent crs -- <fromCRS> <toCRS>');
      expect(stdout).toContain('an empty line');
    },
    TIMEOUT_MS,
  );

  it(
    'streams: answers a line before its input ends',
    async () => {
      const child = spawn('npx', ['tsx', 'scripts/crs.ts', 'EPSG:4326', 'EPSG:4756'], { cwd: ROOT });
      const firstLine = new Promise<string>((resolve) => {
        let text = '';
        child.stdout.on('data', (data: Buffer) => {
          text += data.toString();
          if (text.includes('\n')) resolve(text);
        });
      });
      child.stdin.write('105.8523 21.0285\n');
      expect(await firstLine).toMatch(/^105\.850417342 21\.029485968\n$/);
      child.stdin.end('106 21\n');
      const status = await new Promise((resolve) => child.on('close', resolve));
      expect(status).toBe(0);
    },
    TIMEOUT_MS,
  );
});
