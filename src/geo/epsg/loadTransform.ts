import proj4 from 'proj4';
import { createTransform } from '../createTransform';
import type { PointTransform } from '../createTransform';
import type { Coordinate3 } from '../types';
import type { CrsEngine, Projection } from './crsEngine';
import { resolveEngine } from './resolveCrs';

const WGS84_CODE = 'EPSG:4326';

/** One direction between a CRS and WGS 84 geographic (longitude, latitude, ellipsoidal height). */
type Step = (x: number, y: number, z: number, result: Coordinate3) => Coordinate3;

const NOWHERE = [Number.NaN, Number.NaN, Number.NaN];

/**
 * A proj4 converter as a step from (`toWgs84`) or to a CRS. proj4 applies `+axis` (south-orientated grids)
 * only when asked to enforce axes, and ignores `+vunits`; PROJ does both. Points it cannot reach (it returns
 * Infinity, or throws outside a grid) become NaN, as in `createTransform`; so does a latitude beyond ±90°,
 * which proj4 would fold over the pole.
 */
function proj4Step(engine: CrsEngine, projection: Projection, toWgs84: boolean): Step {
  const converter = proj4(projection, proj4.WGS84);
  const fromGeographic = !toWgs84 || engine.crs.kind === 'geographic';
  const heightUnit = engine.crs.verticalUnitMetres;
  return (x, y, z, result) => {
    let point: number[];
    try {
      if (fromGeographic && Math.abs(y) > 90) point = NOWHERE;
      else if (toWgs84) point = converter.forward([x, y, z * heightUnit], true);
      else point = converter.inverse([x, y, z], true);
    } catch {
      point = NOWHERE;
    }
    if (!toWgs84) point = [point[0]!, point[1]!, point[2]! / heightUnit];
    for (let i = 0; i < 3; i++) result[i] = Number.isFinite(point[i]) ? point[i]! : Number.NaN;
    return result;
  };
}

function checkedStep(from: string, to: string): Step {
  const transform = createTransform(from, to);
  return (x, y, z, result) => transform(x, y, z, result);
}

function toWgs84(engine: CrsEngine): Step | undefined {
  if (!engine.projection) return engine.crs.code === WGS84_CODE ? undefined : checkedStep(engine.crs.code!, WGS84_CODE);
  return proj4Step(engine, engine.projection, true);
}

function fromWgs84(engine: CrsEngine): Step | undefined {
  if (!engine.projection) return engine.crs.code === WGS84_CODE ? undefined : checkedStep(WGS84_CODE, engine.crs.code!);
  return proj4Step(engine, engine.projection, false);
}

/** `loadTransform` (index.ts) once a side needs proj4. */
export async function loadTransform(from: string, to: string): Promise<PointTransform> {
  const [source, target] = await Promise.all([resolveEngine(from), resolveEngine(to)]);
  if (!source.projection && !target.projection) return createTransform(source.crs.code!, target.crs.code!);
  const steps = [toWgs84(source), fromWgs84(target)].filter((step): step is Step => step !== undefined);
  return (x, y, z = 0, result = [0, 0, 0]) => {
    result[0] = x;
    result[1] = y;
    result[2] = z;
    for (const step of steps) step(result[0], result[1], result[2], result);
    return result;
  };
}
