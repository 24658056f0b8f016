/**
 * Where a model grid lies on the globe. The grid is north-up in its projected CRS (VN-2000 / TM-3 for Hà Nội),
 * which is rotated against the lon/lat graticule (grid convergence, ~0.3° at the demo district). The water is
 * therefore drawn on the grid's own geometry — a mesh whose vertices are grid points transformed exactly to
 * WGS 84, textured with one texel per cell — rather than resampled onto a lon/lat rectangle: no interpolation of
 * depths, each cell where the model put it, and a frame costs a texture upload only.
 */
import { createTransform } from '../../geo';
import type { Grid } from '../../sim/flood/types';

/** Mesh vertices per side: TM distortion over a few km is far below a centimetre between vertices. */
export const MESH_DIVISIONS = 8;

export interface GridMesh {
  /** Longitude, latitude (degrees) of each vertex, row by row from the north-west corner. */
  lonLat: Float64Array;
  /** Texture coordinates (s east, t north) of each vertex. */
  st: Float32Array;
  indices: Uint16Array;
}

export function gridMesh(grid: Grid, divisions = MESH_DIVISIONS): GridMesh {
  if (!grid.crs) throw new Error('the model grid has no CRS: it cannot be placed on the map');
  const toWgs84 = createTransform(grid.crs, 'EPSG:4326');
  const n = divisions + 1;
  const lonLat = new Float64Array(n * n * 2);
  const st = new Float32Array(n * n * 2);
  const width = grid.nx * grid.dx;
  const height = grid.ny * grid.dx;
  for (let b = 0; b < n; b++) {
    for (let a = 0; a < n; a++) {
      const v = b * n + a;
      const [lon, lat] = toWgs84(grid.x0 + (a / divisions) * width, grid.yTop - (b / divisions) * height);
      lonLat[2 * v] = lon;
      lonLat[2 * v + 1] = lat;
      // Cesium's Image material samples fract(st): keep the far edges just inside 1.
      st[2 * v] = Math.min(a / divisions, 0.99999);
      st[2 * v + 1] = Math.min(1 - b / divisions, 0.99999);
    }
  }
  const indices = new Uint16Array(divisions * divisions * 6);
  let i = 0;
  for (let b = 0; b < divisions; b++) {
    for (let a = 0; a < divisions; a++) {
      const v = b * n + a;
      indices.set([v, v + n, v + 1, v + 1, v + n, v + n + 1], i);
      i += 6;
    }
  }
  return { lonLat, st, indices };
}

/** The cell under a WGS 84 point, or −1 outside the grid. */
export function cellAtLonLat(grid: Grid, lon: number, lat: number): number {
  if (!grid.crs) return -1;
  const [x, y] = createTransform('EPSG:4326', grid.crs)(lon, lat);
  const i = Math.floor((x - grid.x0) / grid.dx);
  const j = Math.floor((grid.yTop - y) / grid.dx);
  return i >= 0 && i < grid.nx && j >= 0 && j < grid.ny ? j * grid.nx + i : -1;
}

/** WGS 84 longitude, latitude of a cell's centre. */
export function cellCentre(grid: Grid, cell: number): [number, number] {
  if (!grid.crs) return [NaN, NaN];
  const i = cell % grid.nx;
  const j = (cell - i) / grid.nx;
  const [lon, lat] = createTransform(grid.crs, 'EPSG:4326')(grid.x0 + (i + 0.5) * grid.dx, grid.yTop - (j + 0.5) * grid.dx);
  return [lon, lat];
}
