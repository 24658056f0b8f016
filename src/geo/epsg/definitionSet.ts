/**
 * Builds the compact bundled EPSG set from epsg-index's `all.json` and the committed PROJ corrections. Pure:
 * the vite plugin (scripts/vite/epsgDefinitions.ts) and the Node source read the files and call this, so the
 * browser and Node resolve every code the same way.
 */
import { missingGrids, projString, projTerms, replaceDatumShift, termValue } from './projString.js';
import type { EpsgDefinition, EpsgDefinitionKind, EpsgDefinitionSet } from './types';

/** One record of epsg-index's all.json (the fields used here). */
export interface EpsgIndexEntry {
  code: string;
  /** `CRS-PROJCRS`, `CRS-GEOGCRS`, `CRS-GEOG3DCRS`, `CRS-GCENCRS`, `CRS-COMPOUNDCRS`, `CRS-VERTCRS`, … */
  kind: string;
  name: string;
  /** WKT1 (GDAL flavour). */
  wkt: string | null;
  proj4: string | null;
}

/** src/geo/epsg/corrections.json, written by scripts/gen-epsg-corrections.ts. */
export interface EpsgCorrections {
  provenance: string;
  /**
   * EPSG code → the datum-shift terms of PROJ's string (`projinfo -o PROJ -q EPSG:<code>`), as `datumShiftOf`
   * writes them ('' for none), for every code where they differ from epsg-index's.
   */
  datumShift: Record<string, string>;
  /** EPSG code → PROJ's whole string, for the few codes epsg-index gives none for. */
  proj: Record<string, string>;
}

const KINDS: Readonly<Record<string, EpsgDefinitionKind>> = {
  'CRS-PROJCRS': 'projected',
  'CRS-GEOGCRS': 'geographic',
  'CRS-GEOG3DCRS': 'geographic',
  'CRS-GCENCRS': 'geocentric',
  'CRS-VERTCRS': 'vertical',
  'CRS-ENGCRS': 'engineering',
  // The four derived CRSs of EPSG are seismic bin grids: local grids without a PROJ string.
  'CRS-DRVDCRS': 'engineering',
};

/** The kind a PROJ string gives its horizontal part (for compound CRSs, whose kind epsg-index leaves open). */
export function projKind(proj: string): 'geographic' | 'projected' | 'geocentric' {
  const name = termValue(projTerms(proj), 'proj');
  if (name === 'longlat' || name === 'latlong' || name === 'lonlat' || name === 'latlon') return 'geographic';
  return name === 'geocent' ? 'geocentric' : 'projected';
}

function definitionOf(entry: EpsgIndexEntry, corrections: EpsgCorrections): EpsgDefinition {
  const original = entry.proj4 ?? undefined;
  const correction = corrections.datumShift[entry.code];
  const added = original ? undefined : corrections.proj[entry.code];
  const proj =
    original && correction !== undefined ? projString(replaceDatumShift(projTerms(original), correction)) : (original ?? added);
  const definition: EpsgDefinition = {
    name: entry.name,
    kind: KINDS[entry.kind] ?? (proj ? projKind(proj) : 'engineering'),
  };
  if (proj) definition.proj = proj;
  if ((original && correction !== undefined) || added) definition.corrected = true;
  if (entry.kind === 'CRS-COMPOUNDCRS') {
    const verticalDatum = /VERT_DATUM\["([^"]+)"/.exec(entry.wkt ?? '')?.[1];
    if (verticalDatum) definition.verticalDatum = verticalDatum;
  }
  // A grid epsg-index names but PROJ's string replaced (with a Helmert, or with nothing): say what was lost.
  const replacedGrids = original && correction !== undefined ? missingGrids(projTerms(original)) : [];
  if (replacedGrids.length > 0) definition.missingGrid = replacedGrids.join(',');
  return definition;
}

export function buildEpsgDefinitionSet(
  index: Readonly<Record<string, EpsgIndexEntry>>,
  corrections: EpsgCorrections,
  epsgIndexVersion: string,
): EpsgDefinitionSet {
  const definitions: Record<string, EpsgDefinition> = {};
  for (const [code, entry] of Object.entries(index)) definitions[code] = definitionOf(entry, corrections);
  return { provenance: `epsg-index ${epsgIndexVersion}; ${corrections.provenance}`, definitions };
}
