/**
 * Coordinate text for the status bar. Numbers are locale-neutral (`toFixed`: '.' decimal point, no grouping),
 * so the text pastes unchanged into `npm run crs` and into spreadsheets in any locale.
 */

const NO_VALUE = '—';

/** DMS is shown to 0.01″ (≈ 0.3 m), as survey documents quote it. */
const HUNDREDTHS_OF_ARCSECOND_PER_DEGREE = 360_000;

/**
 * One angle as degrees, minutes, seconds with a hemisphere letter, e.g. `105°51′08.28″ E`. Rounds once, in
 * hundredths of an arc-second, so 59.999″ carries into the minutes instead of printing as 60.00″.
 */
export function formatDms(degrees: number, positive: 'E' | 'N', negative: 'W' | 'S'): string {
  if (!Number.isFinite(degrees)) return NO_VALUE;
  const total = Math.round(Math.abs(degrees) * HUNDREDTHS_OF_ARCSECOND_PER_DEGREE);
  const wholeDegrees = Math.floor(total / HUNDREDTHS_OF_ARCSECOND_PER_DEGREE);
  const minutes = Math.floor(total / 6000) % 60;
  const seconds = (total % 6000) / 100;
  const hemisphere = degrees < 0 && total > 0 ? negative : positive;
  const paddedMinutes = String(minutes).padStart(2, '0');
  return `${wholeDegrees}°${paddedMinutes}′${seconds.toFixed(2).padStart(5, '0')}″ ${hemisphere}`;
}

/**
 * Longitude, latitude in decimal degrees to 6 decimals (≈ 0.1 m), longitude first as everywhere in Sao:
 * `105.852300, 21.028500`; with `dms`, followed by `(105°51′08.28″ E, 21°01′42.60″ N)`.
 */
export function formatLonLat(lon: number, lat: number, options: { dms?: boolean } = {}): string {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return NO_VALUE;
  const decimal = `${lon.toFixed(6)}, ${lat.toFixed(6)}`;
  return options.dms ? `${decimal} (${formatDms(lon, 'E', 'W')}, ${formatDms(lat, 'N', 'S')})` : decimal;
}

/**
 * Easting, northing in metres to 3 decimals: `E 510437.340 m, N 2326112.121 m`. Labelled E and N because
 * Vietnamese survey documents call the northing x and the easting y (the Gauss–Krüger habit).
 */
export function formatProjected(easting: number, northing: number): string {
  if (!Number.isFinite(easting) || !Number.isFinite(northing)) return NO_VALUE;
  return `E ${easting.toFixed(3)} m, N ${northing.toFixed(3)} m`;
}
