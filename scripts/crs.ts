/**
 * crs: transform coordinates between CRSs, a line at a time (src/geo does the work; see USAGE).
 *
 *   printf '105.8523 21.0285\n' | npm run --silent crs -- EPSG:4326 EPSG:5897
 */
import { createInterface } from 'node:readline';
import { CrsError, createTransform, getCrs } from '../src/geo/index';
import type { Coordinate3, PointTransform } from '../src/geo/index';

const USAGE = `Usage: npm run --silent crs -- <fromCRS> <toCRS>  < input > output

Transforms "x y [z]" lines from stdin to stdout, e.g. EPSG:4326 EPSG:5897 (WGS 84 to VN-2000 TM-3 zone 482).
CRS codes: EPSG:4326, 4978, 4756, 3405, 3406, 5896-5899, 9205-9218, 32601-32660, 32701-32760 (any case).

Input   x y [z], separated by spaces, tabs or commas. x is the easting or the longitude, whatever the EPSG
        axis order (EPSG:4326 and 4756 are latitude-first in EPSG; here they are longitude-first). z is the
        ellipsoidal height in metres (0 when absent); VN-2000 <-> WGS 84 changes it, like cs2cs --3d.
Output  one line for every input line, so input and output line up (paste, diff):
          a coordinate line  -> "x y" or "x y z" (z only when given); 9 decimals for degrees, 4 for metres
          a blank line or a line starting with # -> copied unchanged
          a malformed line, or a point the target projection cannot reach -> an empty line, and a message
          on stderr with the line number and the text; processing goes on
Exit    0 all lines transformed; 1 some lines were malformed or unreachable; 2 bad arguments or unknown CRS.
`;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The numbers of an "x y [z]" line, or undefined when it is not one. */
function parseCoordinates(line: string): number[] | undefined {
  const fields = line.trim().split(/[\s,]+/);
  if (fields.length < 2 || fields.length > 3 || !fields.every((field) => NUMBER.test(field))) return undefined;
  return fields.map(Number);
}

/** The output line, or why there is none. */
type LineResult = { text: string } | { problem: string };

/** Builds the line transformer for two codes; throws `CrsError` for unknown ones. */
function createLineTransform(from: string, to: string): (line: string) => LineResult {
  const transform: PointTransform = createTransform(from, to);
  const decimals = getCrs(to).unit === 'degree' ? 9 : 4;
  const result: Coordinate3 = [0, 0, 0];
  return (line) => {
    const input = parseCoordinates(line);
    if (!input) return { problem: 'not "x y [z]"' };
    const [x, y, z] = transform(input[0]!, input[1]!, input[2] ?? 0, result);
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) {
      return { problem: `outside what ${to} can represent` };
    }
    const horizontal = `${x.toFixed(decimals)} ${y.toFixed(decimals)}`;
    return { text: input.length === 3 ? `${horizontal} ${z.toFixed(4)}` : horizontal };
  };
}

/**
 * Transforms stdin to stdout line by line. The lines readline emits for one chunk of input are written
 * together on the next turn of the event loop: one write per chunk for large files, an immediate answer for a
 * line typed or sent by another program. When stdout is full, input pauses until it drains.
 */
function transformStdin(transformLine: (line: string) => LineResult): Promise<number> {
  return new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    let pending = '';
    let flushScheduled = false;
    let lineNumber = 0;
    let failures = 0;

    const flush = (): void => {
      flushScheduled = false;
      if (pending === '') return;
      const drained = process.stdout.write(pending);
      pending = '';
      if (!drained) {
        lines.pause();
        process.stdout.once('drain', () => lines.resume());
      }
    };

    lines.on('line', (line) => {
      lineNumber++;
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) {
        pending += `${line}\n`;
      } else {
        const output = transformLine(line);
        if ('problem' in output) {
          failures++;
          process.stderr.write(`crs: line ${lineNumber}: ${output.problem}: ${line}\n`);
        }
        pending += 'text' in output ? `${output.text}\n` : '\n';
      }
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    });
    lines.on('close', () => {
      flush();
      resolve(failures > 0 ? 1 : 0);
    });
  });
}

async function main(args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [from, to] = args;
  if (args.length !== 2 || from === undefined || to === undefined) {
    process.stderr.write(USAGE);
    return 2;
  }
  let transformLine: (line: string) => LineResult;
  try {
    transformLine = createLineTransform(from, to);
  } catch (error) {
    if (!(error instanceof CrsError)) throw error;
    process.stderr.write(`crs: ${error.userMessage.en}\ncrs: ${error.userMessage.vi}\n`);
    return 2;
  }

  return transformStdin(transformLine);
}

// A closed pipe downstream (`| head`) ends the run quietly, as for any Unix filter.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

process.exitCode = await main(process.argv.slice(2));
