import proj4 from 'proj4';
import { CrsError } from '../CrsError';
import type { Projection } from './crsEngine';
import type { ResolvedCrs } from './types';

/**
 * A proj4 projection for a PROJ string or a parsed WKT. proj4 refuses projections it does not implement
 * (`+proj=labrd`, `+proj=imoll`, …): that becomes a `CrsError` naming the method.
 */
export function proj4Projection(definition: string | Parameters<typeof proj4.Proj>[0], method: string): Projection {
  try {
    return new proj4.Proj(definition);
  } catch (cause) {
    throw new CrsError(
      'UNSUPPORTED_PROJECTION',
      {
        vi: `Phép chiếu "${method}" chưa được hỗ trợ (proj4 không có phép chiếu này).`,
        en: `Unsupported projection "${method}" (proj4 does not implement it).`,
      },
      { cause },
    );
  }
}

/** Metres per unit of a projection's x, y (proj4's `to_meter`, from `+units` or `+to_meter`); null for degrees. */
export function linearUnitOf(projection: Projection, kind: ResolvedCrs['kind']): number | null {
  if (kind === 'geographic') return null;
  const toMeter = (projection as { to_meter?: number }).to_meter;
  return typeof toMeter === 'number' && Number.isFinite(toMeter) ? toMeter : 1;
}

