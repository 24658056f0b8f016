/**
 * ESRI ASCII grid (`.asc`): a header (`ncols`, `nrows`, `xllcorner|xllcenter`, `yllcorner|yllcenter`,
 * `cellsize`, optional `NODATA_value`) then `nrows` rows of values, the first row north.
 */
import { ScenarioError } from './ScenarioError';
import type { Grid, Raster } from './types';

const HEADER_KEYS = new Set(['ncols', 'nrows', 'xllcorner', 'yllcorner', 'xllcenter', 'yllcenter', 'cellsize', 'nodata_value']);

/** Parses an ASCII grid; NODATA cells become NaN. `field` names the scenario field in errors. */
export function parseAsciiGrid(text: string, field = 'dem'): Raster {
  const header = new Map<string, number>();
  let at = 0;
  for (;;) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end < 0 ? text.length : end).trim();
    const [key, value] = line.split(/\s+/);
    if (!key || !HEADER_KEYS.has(key.toLowerCase())) break;
    header.set(key.toLowerCase(), Number(value));
    at = end < 0 ? text.length : end + 1;
  }
  const need = (key: string): number => {
    const value = header.get(key);
    if (value === undefined || !Number.isFinite(value)) throw new ScenarioError(field, `ASCII grid header lacks "${key}"`);
    return value;
  };
  const nx = need('ncols');
  const ny = need('nrows');
  const dx = need('cellsize');
  const centre = header.has('xllcenter') ? 0.5 * dx : 0;
  const x0 = (header.get('xllcorner') ?? need('xllcenter')) - centre;
  const y0 = (header.get('yllcorner') ?? need('yllcenter')) - centre;
  const nodata = header.get('nodata_value') ?? -9999;
  const values = new Float32Array(nx * ny);
  const tokens = text.slice(at).split(/\s+/).filter((token) => token.length > 0);
  if (tokens.length !== nx * ny) {
    throw new ScenarioError(field, `ASCII grid has ${tokens.length} values, expected ncols × nrows = ${nx * ny}`);
  }
  for (let k = 0; k < tokens.length; k++) {
    const value = Number(tokens[k]);
    values[k] = value === nodata || !Number.isFinite(value) ? NaN : value;
  }
  return { nx, ny, dx, x0, yTop: y0 + ny * dx, crs: null, values, nodata };
}

/** Formats values on a grid as an ASCII grid; NaN is written as NODATA. */
export function formatAsciiGrid(grid: Grid, values: Float32Array, nodata = -9999, decimals = 4): string {
  const lines = [
    `ncols         ${grid.nx}`,
    `nrows         ${grid.ny}`,
    `xllcorner     ${grid.x0}`,
    `yllcorner     ${grid.yTop - grid.ny * grid.dx}`,
    `cellsize      ${grid.dx}`,
    `NODATA_value  ${nodata}`,
  ];
  for (let j = 0; j < grid.ny; j++) {
    const row: string[] = [];
    for (let i = 0; i < grid.nx; i++) {
      const value = values[j * grid.nx + i]!;
      row.push(Number.isNaN(value) ? String(nodata) : value.toFixed(decimals));
    }
    lines.push(row.join(' '));
  }
  return `${lines.join('\n')}\n`;
}
