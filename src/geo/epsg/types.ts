/**
 * Domain types of "any CRS": a definition (EPSG code, WKT, PROJ string) resolved to what a user needs to know
 * about it, and the bundled EPSG definition set it is resolved from.
 */
import type { LocalizedText } from '../types';

/** The horizontal nature of a CRS; a compound CRS has the kind of its horizontal part. */
export type ResolvedCrsKind = 'geographic' | 'projected' | 'geocentric';

/**
 * Where a resolved definition came from:
 * - `sao`: one of Sao's checked CRSs (`getCrs`: WGS 84, its UTM zones, VN-2000 and its grids), run by Sao's own
 *   engine — VN-2000 keeps the parameters checked against PROJ;
 * - `epsg`: the bundled EPSG set (epsg-index), as PROJ defines it;
 * - `epsg-corrected`: the bundled set with PROJ's own string for a code where epsg-index's datum shift disagrees
 *   with PROJ's database (src/geo/epsg/README.md);
 * - `wkt`, `proj-string`: the text the caller gave.
 */
export type CrsSource = 'sao' | 'epsg' | 'epsg-corrected' | 'wkt' | 'proj-string';

/** What a CRS definition resolved to. Plain data: it can be shown, stored and compared. */
export interface ResolvedCrs {
  /** `EPSG:<n>` when the definition names an EPSG code (a WKT by its top-level identifier), otherwise null. */
  code: string | null;
  /** The EPSG or WKT name, e.g. `LUREF / Luxembourg TM + NG95 height`; a PROJ string names itself. */
  name: string;
  kind: ResolvedCrsKind;
  /** Metres per unit of the x, y axes (1, or 0.3048006096… for US survey feet); null for geographic CRSs. */
  linearUnitMetres: number | null;
  /** The vertical datum of a compound CRS, e.g. `Nivellement General du Luxembourg 1995`; null otherwise. */
  verticalDatum: string | null;
  /**
   * Metres per unit of z: 1, except for a compound CRS with heights in feet (`+vunits=us-ft`), whose z is in
   * that unit, as in PROJ.
   */
  verticalUnitMetres: number;
  source: CrsSource;
  /** The PROJ string proj4 runs for this CRS; null for Sao's checked CRSs, which run Sao's own engine. */
  proj: string | null;
  /** Where the transformation to WGS 84 is known to fall short (grid not bundled, no datum shift, heights). */
  accuracy?: LocalizedText;
}

/** The kind of a bundled EPSG entry: the resolvable kinds plus those that cannot place a point on their own. */
export type EpsgDefinitionKind = ResolvedCrsKind | 'vertical' | 'engineering';

/** One code of the bundled EPSG set, in the compact form the browser fetches. */
export interface EpsgDefinition {
  name: string;
  kind: EpsgDefinitionKind;
  /** PROJ string; absent for vertical and engineering CRSs. */
  proj?: string;
  /** True where `proj` carries PROJ's datum shift instead of epsg-index's, or is PROJ's where epsg-index has none. */
  corrected?: true;
  /** Vertical datum of a compound CRS. */
  verticalDatum?: string;
  /** Datum-shift grid epsg-index names that is not bundled (the transformation to WGS 84 falls back). */
  missingGrid?: string;
}

/** The bundled EPSG set: `/epsg/definitions.json` in the app, built from epsg-index and PROJ's corrections. */
export interface EpsgDefinitionSet {
  /** Provenance, e.g. `epsg-index 2.0.0; corrections from PROJ 9.1.1 (EPSG v10.076)`. */
  provenance: string;
  /** EPSG code (decimal string) → definition. */
  definitions: Record<string, EpsgDefinition>;
}

/** Loads the bundled set: a fetch in the browser and in workers, a file read in Node. Called at most once. */
export type EpsgDefinitionSource = () => Promise<EpsgDefinitionSet>;
