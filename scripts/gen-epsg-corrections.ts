/**
 * Regenerates src/geo/epsg/corrections.json: for every code of epsg-index whose datum shift (+datum, +towgs84,
 * +nadgrids) differs from the one in PROJ's string for the code (`projinfo -o PROJ -q EPSG:<code>`), PROJ's
 * terms; for the few codes epsg-index has no string for, PROJ's whole string. Prints a JSON summary of what differs, by kind, and checks that the built set now carries PROJ's
 * datum shift for every code PROJ can write.
 *
 *   npx tsx scripts/gen-epsg-corrections.ts     # needs projinfo; installs Debian's proj-bin when missing
 *
 * Takes about 6 minutes (8112 projinfo runs, two at a time).
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { buildEpsgDefinitionSet } from '../src/geo/epsg/definitionSet';
import type { EpsgCorrections, EpsgIndexEntry } from '../src/geo/epsg/definitionSet';
import { datumShiftOf, missingGrids, projTerms } from '../src/geo/epsg/projString';

const OUTPUT = new URL('../src/geo/epsg/corrections.json', import.meta.url);
const CONCURRENCY = 2;
const run = promisify(execFile);
const require = createRequire(import.meta.url);

function ensureProjinfo(): void {
  if (!spawnSync('projinfo', ['EPSG:4326'], { stdio: 'ignore' }).error) return;
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  execFileSync('sh', ['-c', `${sudo}apt-get update && ${sudo}apt-get install -y proj-bin`], { stdio: 'inherit' });
}

/** `PROJ 9.1.1 (EPSG v10.076)`, read from PROJ's database when sqlite3 is there. */
function projRelease(): string {
  const release = /Rel\. ([\d.]+)/.exec(spawnSync('projinfo', [], { encoding: 'utf8' }).stderr)?.[1] ?? '?';
  try {
    const searchPaths = execFileSync('projinfo', ['--searchpaths'], { encoding: 'utf8' }).trim().split('\n');
    for (const path of searchPaths) {
      const query = "select value from metadata where key = 'EPSG.VERSION'";
      const epsg = spawnSync('sqlite3', [`${path}/proj.db`, query], { encoding: 'utf8' }).stdout?.trim();
      if (epsg) return `PROJ ${release} (EPSG ${epsg})`;
    }
  } catch {
    // No sqlite3: the PROJ release alone still dates the corrections.
  }
  return `PROJ ${release}`;
}

/** PROJ's string for each code, or undefined where PROJ cannot write one (ESRI codes, some methods). */
async function projStrings(codes: readonly string[]): Promise<Map<string, string | undefined>> {
  const result = new Map<string, string | undefined>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < codes.length) {
      const code = codes[next++]!;
      const { stdout } = await run('projinfo', ['-o', 'PROJ', '-q', `EPSG:${code}`]).catch(() => ({ stdout: '' }));
      result.set(code, stdout.trim().startsWith('+') ? stdout.trim() : undefined);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return result;
}

/** A short name for how epsg-index's datum shift differs from PROJ's, for the summary. */
function difference(epsgIndex: string, proj: string): string {
  const name = (shift: string): string => {
    if (shift === '') return 'none';
    if (missingGrids(projTerms(shift)).length > 0) return 'grid';
    return shift.split('=')[0]!;
  };
  return `${name(epsgIndex)} → ${name(proj)}`;
}

async function main(): Promise<void> {
  ensureProjinfo();
  const index = JSON.parse(readFileSync(require.resolve('epsg-index/all.json'), 'utf8')) as Record<string, EpsgIndexEntry>;
  const { version } = JSON.parse(readFileSync(require.resolve('epsg-index/package.json'), 'utf8')) as { version: string };
  const codes = Object.keys(index);
  const proj = await projStrings(codes);

  const datumShift: Record<string, string> = {};
  const added: Record<string, string> = {};
  const summary: Record<string, number> = {};
  const count = (key: string): void => void (summary[key] = (summary[key] ?? 0) + 1);
  for (const code of codes) {
    const theirs = index[code]!.proj4;
    const ours = proj.get(code);
    if (!ours) count(theirs ? 'PROJ writes no string (epsg-index kept)' : 'no string in either');
    if (ours && !theirs) {
      added[code] = ours;
      count("epsg-index writes no string (PROJ's added)");
    }
    if (!ours || !theirs) continue;
    const [before, after] = [datumShiftOf(projTerms(theirs)), datumShiftOf(projTerms(ours))];
    if (before === after) {
      count('same datum shift');
      continue;
    }
    datumShift[code] = after;
    count(`corrected: ${difference(before, after)}`);
  }

  const corrections: EpsgCorrections = {
    provenance: `datum shifts from ${projRelease()} where epsg-index ${version}'s differ`,
    datumShift,
    proj: added,
  };
  // One code a line, so a regeneration reads as a diff.
  const entries = (record: Record<string, string>): string =>
    Object.entries(record)
      .map(([code, value]) => `    ${JSON.stringify(code)}: ${JSON.stringify(value)}`)
      .join(',\n');
  const json = `{\n  "provenance": ${JSON.stringify(corrections.provenance)},\n  "datumShift": {\n${entries(datumShift)}\n  },\n  "proj": {\n${entries(added)}\n  }\n}\n`;
  writeFileSync(OUTPUT, json);

  // The built set must now carry PROJ's datum shift wherever PROJ writes a string.
  const { definitions } = buildEpsgDefinitionSet(index, corrections, version);
  for (const [code, ours] of proj) {
    const built = definitions[code]?.proj;
    if (ours && datumShiftOf(projTerms(built ?? '')) !== datumShiftOf(projTerms(ours))) {
      throw new Error(`EPSG:${code}: built ${built} but PROJ says ${ours}`);
    }
  }
  const corrected = Object.keys(datumShift).length + Object.keys(added).length;
  console.log(JSON.stringify({ codes: codes.length, corrected, summary }, null, 2));
}

await main();
