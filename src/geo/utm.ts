import type { TransverseMercatorParameters } from './types';

/** Universal Transverse Mercator zone 1–60 (EPSG methods 9807/16001–16160): 6° zones, k0 = 0.9996. */
export function utmProjection(zone: number, south: boolean): TransverseMercatorParameters {
  return {
    centralMeridian: 6 * zone - 183,
    latitudeOfOrigin: 0,
    scaleFactor: 0.9996,
    falseEasting: 500_000,
    falseNorthing: south ? 10_000_000 : 0,
  };
}
