/**
 * WKT 1 and 2 → a CRS engine. The projection is read by proj4's WKT reader; everything PROJ would decide from
 * identifiers is decided here, because proj4's reader guesses datum shifts from datum *names* (it gives DHDN
 * 597.1,71.4,… where PROJ uses 598.1,73.7,…) and reads WKT2's Coordinate Frame rotations as Position Vector.
 */
import type { ProjectionDefinition } from 'proj4';
import wktParser from 'wkt-parser';
import { CrsError } from '../CrsError';
import type { LocalizedText } from '../types';
import { datumShiftBorrowed, heightsOnVerticalDatum, joinNotes, noDatumShift } from './accuracyNotes';
import { projTerms, termValue } from './projString';
import { builtInCrs, builtInEngine, unsupportedKind } from './crsEngine';
import { linearUnitOf, proj4Projection } from './proj4Projection';
import type { CrsEngine } from './crsEngine';
import { readWktCrs } from './wktCrs';
import type { WktDatumShift } from './wktCrs';

type Proj4Definition = Record<string, unknown> & { projName?: string };

/** Sets the datum shift on proj4's reading of the WKT, replacing whatever it guessed. */
function withDatumShift(definition: Proj4Definition, shift: WktDatumShift | undefined): Proj4Definition {
  const { datum_params: _guessed, datumCode: _code, nadgrids: _grids, ...rest } = definition;
  // Sao's API is easting (longitude) first whatever order the WKT's axes declare.
  const result: Proj4Definition = { ...rest, datumCode: 'none', axis: 'enu' };
  if (shift?.towgs84) result.datum_params = shift.towgs84;
  if (shift?.nullGrid) result.nadgrids = '@null';
  return result;
}

/** The datum shift a bundled EPSG definition carries, as a WKT would state it. */
function shiftOfProj(proj: string): WktDatumShift | undefined {
  const terms = projTerms(proj);
  const towgs84 = termValue(terms, 'towgs84');
  if (towgs84) return { towgs84: towgs84.split(',').map(Number) };
  if (termValue(terms, 'datum')?.toUpperCase() === 'WGS84') return { towgs84: [0, 0, 0] };
  if (termValue(terms, 'nadgrids') === '@null') return { nullGrid: true };
  return undefined;
}

/**
 * Resolves a WKT. Identifiers decide as in PROJ: a CRS Sao checks itself (VN-2000, WGS 84) runs on Sao's
 * engine; a WKT without TOWGS84 or BOUNDCRS takes the datum shift of the EPSG code it names (its own, then its
 * base geographic CRS's). `epsgEngine` resolves such a code through the bundled set.
 */
export async function resolveWkt(text: string, epsgEngine: (code: number) => Promise<CrsEngine>): Promise<CrsEngine> {
  const wkt = readWktCrs(text);
  const label = wkt.code === undefined ? `"${wkt.name}"` : `EPSG:${wkt.code} (${wkt.name})`;
  if (wkt.kind === 'vertical' || wkt.kind === 'engineering') throw unsupportedKind(label, wkt.kind);
  const heights = wkt.verticalDatum ? [heightsOnVerticalDatum(wkt.verticalDatum)] : [];
  const checked = wkt.horizontalCode === undefined ? undefined : builtInCrs(wkt.horizontalCode);
  if (checked) {
    const { crs } = builtInEngine(checked);
    const accuracy = joinNotes(heights);
    const { name, verticalDatum, verticalUnitMetres } = wkt;
    return { crs: { ...crs, name, verticalDatum, verticalUnitMetres, ...(accuracy && { accuracy }) } };
  }

  const notes: LocalizedText[] = [];
  let shift = wkt.datumShift;
  if (!shift && !wkt.onWgs84) {
    for (const code of [wkt.horizontalCode, wkt.code, wkt.baseCode]) {
      if (code === undefined) continue;
      // A code the set lacks or cannot run lends nothing; a set that cannot load is the user's to know.
      const engine = await epsgEngine(code).catch((error: unknown) => {
        if (error instanceof CrsError && error.code === 'EPSG_SET_UNAVAILABLE') throw error;
        return undefined;
      });
      const borrowed = engine?.crs.proj ? shiftOfProj(engine.crs.proj) : undefined;
      if (borrowed) {
        shift = borrowed;
        notes.push(datumShiftBorrowed(`EPSG:${code}`));
        break;
      }
    }
  }
  if (!shift && !wkt.onWgs84) notes.push(noDatumShift(undefined));
  notes.push(...heights);

  let parsed: Proj4Definition;
  try {
    parsed = wktParser(wkt.horizontalWkt) as Proj4Definition;
  } catch (cause) {
    throw new CrsError(
      'UNPARSABLE_WKT',
      { vi: `Không đọc được phép chiếu của WKT ${label}.`, en: `Could not read the projection of the WKT ${label}.` },
      { cause },
    );
  }
  // proj4 takes its own reading of a WKT back as a definition object (typed there as a finished projection).
  const definition = withDatumShift(parsed, shift) as unknown as ProjectionDefinition;
  const projection = proj4Projection(definition, wkt.method ?? String(parsed.projName));
  const accuracy = joinNotes(notes);
  return {
    crs: {
      code: wkt.code === undefined ? null : `EPSG:${wkt.code}`,
      name: wkt.name,
      kind: wkt.kind,
      linearUnitMetres: linearUnitOf(projection, wkt.kind),
      verticalDatum: wkt.verticalDatum,
      verticalUnitMetres: wkt.verticalUnitMetres,
      source: 'wkt',
      proj: null,
      ...(accuracy && { accuracy }),
    },
    projection,
  };
}
