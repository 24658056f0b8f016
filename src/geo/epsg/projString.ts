/**
 * PROJ strings as terms: `+proj=tmerc +k=1 +no_defs` ⇄ [['proj', 'tmerc'], ['k', '1'], ['no_defs', '']].
 * The datum-shift terms are what epsg-index and PROJ disagree on (README.md), so they are named here once.
 */

export type ProjTerm = readonly [key: string, value: string];

/** The terms that carry a datum's relation to WGS 84 in a PROJ string. */
export const DATUM_SHIFT_KEYS: readonly string[] = ['datum', 'towgs84', 'nadgrids'];

/** Terms of a PROJ string, in order; a flag (`+no_defs`) has the value ''. */
export function projTerms(proj: string): ProjTerm[] {
  return proj
    .trim()
    .split(/\s+/)
    .filter((token) => token !== '')
    .map((token) => {
      const body = token.startsWith('+') ? token.slice(1) : token;
      const equals = body.indexOf('=');
      return equals < 0 ? [body, ''] : [body.slice(0, equals), body.slice(equals + 1)];
    });
}

export function projString(terms: readonly ProjTerm[]): string {
  return terms.map(([key, value]) => (value === '' ? `+${key}` : `+${key}=${value}`)).join(' ');
}

export function termValue(terms: readonly ProjTerm[], key: string): string | undefined {
  return terms.find(([name]) => name === key)?.[1];
}

/** The datum-shift terms, in a canonical order, e.g. `towgs84=598.1,73.7,…`; '' when there are none. */
export function datumShiftOf(terms: readonly ProjTerm[]): string {
  return DATUM_SHIFT_KEYS.map((key) => termValue(terms, key))
    .map((value, i) => (value === undefined ? '' : `${DATUM_SHIFT_KEYS[i]}=${value}`))
    .filter((term) => term !== '')
    .join(' ');
}

/**
 * Datum-shift grids a PROJ string needs and Sao does not bundle: every `+nadgrids` name except PROJ's `@null`
 * (no shift); an optional grid (`@name`) counts too, as it would be skipped.
 */
export function missingGrids(terms: readonly ProjTerm[]): string[] {
  const grids = termValue(terms, 'nadgrids');
  if (grids === undefined) return [];
  return grids
    .split(',')
    .map((grid) => grid.replace(/^@/, ''))
    .filter((grid) => grid !== '' && grid !== 'null');
}

/** Terms PROJ writes after the datum shift: units, then flags. */
const AFTER_DATUM_SHIFT = ['units', 'to_meter', 'vunits', 'vto_meter', 'geoidgrids', 'geoid_crs', 'wktext', 'no_defs', 'type'];

/**
 * The terms with their datum shift replaced by `shift` (canonical, as `datumShiftOf` writes it; '' for none),
 * placed where PROJ writes it: before the units. A `+datum` brings its own ellipsoid, so an `+ellps` beside
 * it goes, as in PROJ's strings.
 */
export function replaceDatumShift(terms: readonly ProjTerm[], shift: string): ProjTerm[] {
  const shiftTerms = shift === '' ? [] : projTerms(shift);
  const hasDatum = shiftTerms.some(([key]) => key === 'datum');
  const kept = terms.filter(([key]) => !DATUM_SHIFT_KEYS.includes(key) && !(hasDatum && key === 'ellps'));
  const at = kept.findIndex(([key]) => AFTER_DATUM_SHIFT.includes(key));
  const index = at < 0 ? kept.length : at;
  return [...kept.slice(0, index), ...shiftTerms, ...kept.slice(index)];
}
