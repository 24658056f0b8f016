import proj4 from 'proj4';
import { CrsError } from '../CrsError';
import { getCrs } from '../crsRegistry';
import type { Crs } from '../types';
import type { ResolvedCrs } from './types';

export type Projection = InstanceType<typeof proj4.Proj>;

/** A resolved CRS and what runs it: Sao's checked engine (`projection` absent) or a proj4 projection. */
export interface CrsEngine {
  crs: ResolvedCrs;
  projection?: Projection;
}

/** Sao's checked CRS for a code, if it is one (WGS 84 and its UTM zones, VN-2000 and its grids). */
export function builtInCrs(code: number): Crs | undefined {
  try {
    return getCrs(`EPSG:${code}`);
  } catch {
    return undefined;
  }
}

export function builtInEngine(crs: Crs): CrsEngine {
  return {
    crs: {
      code: crs.code,
      name: crs.name,
      kind: crs.kind,
      linearUnitMetres: crs.kind === 'geographic' ? null : 1,
      verticalDatum: null,
      source: 'sao',
      proj: null,
    },
  };
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

export function unsupportedKind(label: string, kind: 'vertical' | 'engineering'): CrsError {
  const what =
    kind === 'vertical'
      ? { vi: 'là hệ độ cao: chỉ cho độ cao, không cho vị trí', en: 'is a vertical CRS: it gives heights, not positions' }
      : { vi: 'là hệ tọa độ công trình cục bộ, không gắn với Trái Đất', en: 'is a local engineering CRS, not tied to the Earth' };
  return new CrsError('UNSUPPORTED_CRS_KIND', {
    vi: `${label} ${what.vi}, nên không đặt được mô hình theo nó.`,
    en: `${label} ${what.en}, so nothing can be placed by it.`,
  });
}


/** Metres per unit of a projection's x, y (proj4's `to_meter`, from `+units` or `+to_meter`); null for degrees. */
export function linearUnitOf(projection: Projection, kind: ResolvedCrs['kind']): number | null {
  if (kind === 'geographic') return null;
  const toMeter = (projection as { to_meter?: number }).to_meter;
  return typeof toMeter === 'number' && Number.isFinite(toMeter) ? toMeter : 1;
}

