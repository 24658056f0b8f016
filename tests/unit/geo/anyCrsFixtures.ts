import { readFileSync } from 'node:fs';
import type { Coordinate3 } from '../../../src/geo/index';

/** One line of tests/fixtures/epsg/cs2cs.txt (scripts/gen-epsg-fixtures.sh): cs2cs --3d on PROJ strings. */
export interface AnyCrsCase {
  /** `EPSG:<code>` or `file:<name>` (a WKT or PROJ string in tests/fixtures/epsg). */
  from: string;
  to: string;
  input: Coordinate3;
  expected: Coordinate3;
  label: string;
}

const FOLDER = new URL('../../fixtures/epsg/', import.meta.url);

export function readAnyCrsCases(): AnyCrsCase[] {
  return readFileSync(new URL('cs2cs.txt', FOLDER), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [from = '', to = '', x0, y0, z0, x1, y1, z1, label = ''] = line.split(' ');
      return { from, to, input: [Number(x0), Number(y0), Number(z0)], expected: [Number(x1), Number(y1), Number(z1)], label };
    });
}

/** The definition text of a fixture column: the code itself, or the content of `file:<name>`. */
export function definitionOf(column: string): string {
  return column.startsWith('file:') ? readFileSync(new URL(column.slice(5), FOLDER), 'utf8') : column;
}

/** Cases grouped by "from → to", in file order. */
export function byPair(cases: readonly AnyCrsCase[]): [string, AnyCrsCase[]][] {
  const groups = new Map<string, AnyCrsCase[]>();
  for (const item of cases) {
    const key = `${item.from} → ${item.to}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups];
}
