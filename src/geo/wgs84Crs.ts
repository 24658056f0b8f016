import { WGS84_DATUM } from './datums';
import { utmProjection } from './utm';
import type { GeocentricCrs, GeographicCrs, ProjectedCrs } from './types';

export const WGS84_GEOGRAPHIC: GeographicCrs = {
  kind: 'geographic',
  code: 'EPSG:4326',
  name: 'WGS 84',
  datum: WGS84_DATUM,
  epsgAxisOrder: ['Lat', 'Lon'],
  unit: 'degree',
};

export const WGS84_GEOCENTRIC: GeocentricCrs = {
  kind: 'geocentric',
  code: 'EPSG:4978',
  name: 'WGS 84',
  datum: WGS84_DATUM,
  epsgAxisOrder: ['X', 'Y', 'Z'],
  unit: 'metre',
};

/** WGS 84 / UTM zone 1N–60N (EPSG:32601–32660) and 1S–60S (EPSG:32701–32760); undefined for other codes. */
export function wgs84UtmCrs(epsg: number): ProjectedCrs | undefined {
  const zone = epsg % 100;
  const hemisphere = Math.floor(epsg / 100);
  if (zone < 1 || zone > 60 || (hemisphere !== 326 && hemisphere !== 327)) return undefined;
  const south = hemisphere === 327;
  return {
    kind: 'projected',
    code: `EPSG:${epsg}`,
    name: `WGS 84 / UTM zone ${zone}${south ? 'S' : 'N'}`,
    datum: WGS84_DATUM,
    epsgAxisOrder: ['E', 'N'],
    unit: 'metre',
    baseCrs: WGS84_GEOGRAPHIC.code,
    projection: utmProjection(zone, south),
  };
}
