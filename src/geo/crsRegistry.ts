import { CrsError } from './CrsError';
import { VN2000_GEOGRAPHIC, VN2000_PROJECTED } from './vn2000Crs';
import { WGS84_GEOCENTRIC, WGS84_GEOGRAPHIC, wgs84UtmCrs } from './wgs84Crs';
import type { Crs } from './types';

const LISTED: ReadonlyMap<string, Crs> = new Map(
  [WGS84_GEOGRAPHIC, WGS84_GEOCENTRIC, VN2000_GEOGRAPHIC, ...VN2000_PROJECTED].map((crs) => [crs.code, crs]),
);

const SUPPORTED_LIST = 'EPSG:4326, 4978, 4756, 3405, 3406, 5896–5899, 9205–9218, 32601–32660, 32701–32760';

/** `EPSG:5897`, `epsg:5897`, ` EPSG : 5897 ` → 5897. */
const CODE_PATTERN = /^\s*epsg\s*:\s*(\d{1,6})\s*$/i;

/**
 * The CRS a code names, case-insensitively (`EPSG:5897`, `epsg:5897`). Throws a `CrsError` for a malformed code
 * (`INVALID_CRS_CODE`) or one this module does not support (`UNKNOWN_CRS`): a coordinate is never silently
 * wrong because its CRS was not understood.
 */
export function getCrs(code: string): Crs {
  const match = CODE_PATTERN.exec(code);
  if (!match) {
    throw new CrsError('INVALID_CRS_CODE', {
      vi: `Mã hệ tọa độ không hợp lệ: "${code}" (cần dạng EPSG:5897).`,
      en: `Invalid CRS code "${code}" (expected the form EPSG:5897).`,
    });
  }
  const epsg = Number(match[1]);
  const crs = LISTED.get(`EPSG:${epsg}`) ?? wgs84UtmCrs(epsg);
  if (!crs) {
    throw new CrsError('UNKNOWN_CRS', {
      vi: `Hệ tọa độ EPSG:${epsg} chưa được hỗ trợ (hỗ trợ: ${SUPPORTED_LIST}).`,
      en: `Unsupported CRS EPSG:${epsg} (supported: ${SUPPORTED_LIST}).`,
    });
  }
  return crs;
}

/**
 * The CRSs a picker offers: WGS 84 geographic and geocentric, VN-2000 geographic and every VN-2000 grid. The 120
 * WGS 84 UTM zones are accepted by `getCrs` but not listed.
 */
export function listCrs(): readonly Crs[] {
  return [...LISTED.values()];
}
