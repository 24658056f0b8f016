import proj4 from 'proj4';
import { CrsError } from '../CrsError';
import type { Projection } from './crsEngine';
import type { ProjTerm } from './projString';
import { termValue } from './projString';
import type { ResolvedCrs } from './types';

/**
 * PROJ's ellipsoids (`cs2cs -le`, PROJ 9.1.1) that proj4 2.22 does not know: given `+ellps=WGS72`, proj4
 * silently uses WGS 84's axes (1.2 m off in UTM), so these are written out as `+a` and `+rf`.
 */
const ELLIPSOIDS_PROJ4_LACKS: Readonly<Record<string, readonly [a: string, rf: string]>> = {
  'APL4.9': ['6378137.0', '298.25'],
  danish: ['6377019.2563', '300.0'],
  GSK2011: ['6378136.5', '298.2564151'],
  PZ90: ['6378136.0', '298.25784'],
  WGS72: ['6378135.0', '298.26'],
};

/** The terms with an ellipsoid proj4 lacks written out as its axes. */
export function withProj4Ellipsoid(terms: readonly ProjTerm[]): ProjTerm[] {
  return terms.flatMap((term): ProjTerm[] => {
    const axes = term[0] === 'ellps' ? ELLIPSOIDS_PROJ4_LACKS[term[1]] : undefined;
    return axes ? [['a', axes[0]], ['rf', axes[1]]] : [term];
  });
}

/** Metres per unit of the heights of a PROJ string (`+vunits`, `+vto_meter`), by proj4's own unit table. */
export function verticalUnitOf(terms: readonly ProjTerm[]): number {
  const factor = termValue(terms, 'vto_meter');
  if (factor !== undefined) return Number(factor);
  const unit = termValue(terms, 'vunits');
  if (unit === undefined || unit === 'm') return 1;
  const toMeter = (new proj4.Proj(`+proj=longlat +units=${unit}`) as { to_meter?: number }).to_meter;
  if (toMeter === undefined) {
    throw new CrsError('UNSUPPORTED_PROJECTION', {
      vi: `Đơn vị độ cao "${unit}" chưa được hỗ trợ.`,
      en: `Unsupported height unit "${unit}".`,
    });
  }
  return toMeter;
}

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

