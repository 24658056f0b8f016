/** Angle units and longitude wrapping. Every kernel in this module works in radians, as PROJ's do. */

export const DEGREES_TO_RADIANS = Math.PI / 180;
export const RADIANS_TO_DEGREES = 180 / Math.PI;
/** Helmert rotations are published in arc-seconds (EPSG unit 9104). */
export const ARCSECONDS_TO_RADIANS = DEGREES_TO_RADIANS / 3600;

const TWO_PI = 2 * Math.PI;

/** Brings a longitude into [−π, π], as PROJ's `adjlon` does before and after a projection. */
export function wrapLongitude(lambda: number): number {
  if (Math.abs(lambda) <= Math.PI) return lambda;
  const shifted = lambda + Math.PI;
  return shifted - TWO_PI * Math.floor(shifted / TWO_PI) - Math.PI;
}
