import type proj4 from 'proj4';
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

/** `EPSG:2169`, `epsg:2169`, `urn:ogc:def:crs:EPSG::2169`, `http://www.opengis.net/def/crs/EPSG/0/2169` → 2169. */
const EPSG_CODE = [
  /^\s*epsg\s*:\s*(\d+)\s*$/i,
  /^\s*urn:ogc:def:crs:epsg:[\d.]*:(\d+)\s*$/i,
  /^\s*https?:\/\/www\.opengis\.net\/def\/crs\/epsg\/[\d.]+\/(\d+)\s*$/i,
];

export function epsgCodeNumber(definition: string): number | undefined {
  for (const pattern of EPSG_CODE) {
    const match = pattern.exec(definition);
    if (match) return Number(match[1]);
  }
  return undefined;
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
      verticalUnitMetres: 1,
      source: 'sao',
      proj: null,
    },
  };
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
