import { VN2000_DATUM } from './datums';
import { utmProjection } from './utm';
import type { GeographicCrs, ProjectedCrs, TransverseMercatorParameters } from './types';

export const VN2000_GEOGRAPHIC: GeographicCrs = {
  kind: 'geographic',
  code: 'EPSG:4756',
  name: 'VN-2000',
  datum: VN2000_DATUM,
  epsgAxisOrder: ['Lat', 'Lon'],
  unit: 'degree',
};

/**
 * The TM-3 zones (3° wide, k0 = 0.9999; Circular 973/2001/TT-TCĐC): EPSG code, EPSG name, central meridian in
 * degrees, as in PROJ 9.1 / EPSG v10.076 (shared/data/crs/vn2000_epsg_proj4_from_PROJ-9.1.1_EPSG-v10.076.txt).
 * EPSG:6956–6959 are deprecated duplicates of 5896–5899 and are not listed.
 */
const TM3_ZONES: ReadonlyArray<readonly [epsg: number, name: string, centralMeridian: number]> = [
  [5896, 'VN-2000 / TM-3 zone 481', 102],
  [5897, 'VN-2000 / TM-3 zone 482', 105],
  [5898, 'VN-2000 / TM-3 zone 491', 108],
  [5899, 'VN-2000 / TM-3 107-45', 107.75],
  [9205, 'VN-2000 / TM-3 103-00', 103],
  [9206, 'VN-2000 / TM-3 104-00', 104],
  [9207, 'VN-2000 / TM-3 104-30', 104.5],
  [9208, 'VN-2000 / TM-3 104-45', 104.75],
  [9209, 'VN-2000 / TM-3 105-30', 105.5],
  [9210, 'VN-2000 / TM-3 105-45', 105.75],
  [9211, 'VN-2000 / TM-3 106-00', 106],
  [9212, 'VN-2000 / TM-3 106-15', 106.25],
  [9213, 'VN-2000 / TM-3 106-30', 106.5],
  [9214, 'VN-2000 / TM-3 107-00', 107],
  [9215, 'VN-2000 / TM-3 107-15', 107.25],
  [9216, 'VN-2000 / TM-3 107-30', 107.5],
  [9217, 'VN-2000 / TM-3 108-15', 108.25],
  [9218, 'VN-2000 / TM-3 108-30', 108.5],
];

function tm3Projection(centralMeridian: number): TransverseMercatorParameters {
  return { centralMeridian, latitudeOfOrigin: 0, scaleFactor: 0.9999, falseEasting: 500_000, falseNorthing: 0 };
}

function vn2000Projected(epsg: number, name: string, projection: TransverseMercatorParameters): ProjectedCrs {
  return {
    kind: 'projected',
    code: `EPSG:${epsg}`,
    name,
    datum: VN2000_DATUM,
    epsgAxisOrder: ['E', 'N'],
    unit: 'metre',
    baseCrs: VN2000_GEOGRAPHIC.code,
    projection,
  };
}

/** Every VN-2000 grid: UTM zones 48N and 49N (EPSG:3405, 3406), then the TM-3 zones. */
export const VN2000_PROJECTED: readonly ProjectedCrs[] = [
  vn2000Projected(3405, 'VN-2000 / UTM zone 48N', utmProjection(48, false)),
  vn2000Projected(3406, 'VN-2000 / UTM zone 49N', utmProjection(49, false)),
  ...TM3_ZONES.map(([epsg, name, centralMeridian]) => vn2000Projected(epsg, name, tm3Projection(centralMeridian))),
];
