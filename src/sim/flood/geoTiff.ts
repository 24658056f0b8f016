/** Single-band GeoTIFF read/write (north-up rasters) through the `geotiff` package. */
import { fromArrayBuffer, writeArrayBuffer } from 'geotiff';
import { ScenarioError } from './ScenarioError';
import type { Grid, Raster } from './types';

const NODATA = -9999;

/** Reads band 1 of a north-up GeoTIFF with square pixels; NODATA becomes NaN, the EPSG code the CRS. */
export async function readGeoTiff(bytes: ArrayBuffer, field = 'dem'): Promise<Raster> {
  const tiff = await fromArrayBuffer(bytes);
  const image = await tiff.getImage();
  const [resX, resY] = image.getResolution();
  const [x0, yTop] = image.getOrigin();
  if (resX === undefined || resY === undefined || x0 === undefined || yTop === undefined) {
    throw new ScenarioError(field, 'GeoTIFF has no georeferencing');
  }
  if (resY >= 0 || Math.abs(resX + resY) > 1e-9 * resX) {
    throw new ScenarioError(field, `GeoTIFF pixels must be square and north-up (got ${resX} × ${resY})`);
  }
  const [band] = (await image.readRasters({ samples: [0] })) as unknown as ArrayLike<number>[];
  if (!band) throw new ScenarioError(field, 'GeoTIFF has no band');
  const nodata = image.getGDALNoData() ?? NODATA;
  const values = Float32Array.from(band, (v) => (v === nodata || !Number.isFinite(v) ? NaN : v));
  const keys = image.getGeoKeys() as { ProjectedCSTypeGeoKey?: number; GeographicTypeGeoKey?: number } | null;
  const epsg = keys?.ProjectedCSTypeGeoKey ?? keys?.GeographicTypeGeoKey;
  return { nx: image.getWidth(), ny: image.getHeight(), dx: resX, x0, yTop, crs: epsg ? `EPSG:${epsg}` : null, values, nodata };
}

/** Writes a Float32 single-band GeoTIFF on a grid (NaN → NODATA −9999), with its EPSG code when known. */
export function writeGeoTiff(grid: Grid, values: Float32Array): ArrayBuffer {
  const data = Float32Array.from(values, (v) => (Number.isNaN(v) ? NODATA : v));
  const epsg = grid.crs ? Number(/EPSG:(\d+)/i.exec(grid.crs)?.[1]) : NaN;
  const georeferencing = Number.isFinite(epsg)
    ? epsg === 4326 || epsg === 4756
      ? { GeographicTypeGeoKey: epsg, GTModelTypeGeoKey: 2 }
      : { ProjectedCSTypeGeoKey: epsg, GTModelTypeGeoKey: 1 }
    : { ProjectedCSTypeGeoKey: 32767, GTModelTypeGeoKey: 1 };
  return writeArrayBuffer(data, {
    width: grid.nx,
    height: grid.ny,
    ModelPixelScale: [grid.dx, grid.dx, 0],
    ModelTiepoint: [0, 0, 0, grid.x0, grid.yTop, 0],
    GTRasterTypeGeoKey: 1,
    GDAL_NODATA: String(NODATA),
    ...georeferencing,
  });
}
