import { CrsError } from '../CrsError';
import type { LocalizedText } from '../types';
import { gridReplacedByHelmert, heightsOnVerticalDatum, joinNotes, noDatumShift } from './accuracyNotes';
import { loadEpsgDefinitions } from './definitionSource';
import { projKind } from './definitionSet';
import { missingGrids, projString, projTerms, termValue } from './projString';
import type { ProjTerm } from './projString';
import { builtInCrs, builtInEngine, epsgCodeNumber, unsupportedKind } from './crsEngine';
import { linearUnitOf, proj4Projection, verticalUnitOf, withProj4Ellipsoid } from './proj4Projection';
import type { CrsEngine } from './crsEngine';
import { resolveWkt } from './resolveWkt';
import type { EpsgDefinition } from './types';

/** A WKT starts with a keyword and a bracket: `PROJCS[`, `GEOGCRS[`, `COMPOUNDCRS(`. */
const WKT_START = /^\s*[A-Za-z_][A-Za-z0-9_]*\s*[[(]/;

/**
 * Prepares a PROJ string for proj4: grids Sao does not bundle are dropped (proj4 would fail on every point),
 * and so is a geoid grid (heights then stay ellipsoidal). Returns the string and the accuracy notes;
 * `replacedGrid` is a grid epsg-index named where PROJ's string now stands (EpsgDefinition.missingGrid).
 */
function runnableProj(
  proj: string,
  verticalDatum: string | null,
  replacedGrid?: string,
): { proj: string; notes: LocalizedText[] } {
  const terms = projTerms(proj);
  const grids = missingGrids(terms);
  // +datum=NAD27 stands for PROJ's NADCON/NTv2 grids; keep its ellipsoid, lose the grids.
  const nad27 = termValue(terms, 'datum')?.toUpperCase() === 'NAD27';
  if (nad27) grids.push('conus');
  const kept = withProj4Ellipsoid(
    terms
      .filter(([key]) => !(key === 'nadgrids' && grids.length > 0) && key !== 'geoidgrids')
      .map(([key, value]): ProjTerm => (key === 'datum' && nad27 ? ['ellps', 'clrk66'] : [key, value])),
  );
  const notes: LocalizedText[] = [];
  const helmert = termValue(kept, 'towgs84') !== undefined;
  const shifted = helmert || termValue(kept, 'datum') !== undefined || termValue(kept, 'nadgrids') === '@null';
  if (helmert && replacedGrid) notes.push(gridReplacedByHelmert(replacedGrid));
  if (!shifted && !isWgs84Ellipsoid(kept)) {
    const lost = [replacedGrid, ...grids].filter((grid) => grid !== undefined);
    notes.push(noDatumShift(lost.length > 0 ? lost.join(',') : undefined));
  }
  const geoid = termValue(terms, 'geoidgrids');
  if (verticalDatum || geoid) notes.push(heightsOnVerticalDatum(verticalDatum ?? geoid!));
  return { proj: projString(kept), notes };
}

/** A CRS on the WGS 84 ellipsoid without a datum shift is WGS 84 as far as PROJ is concerned. */
function isWgs84Ellipsoid(terms: readonly ProjTerm[]): boolean {
  return termValue(terms, 'ellps') === 'WGS84';
}

async function epsgEngine(code: number): Promise<CrsEngine> {
  const builtIn = builtInCrs(code);
  if (builtIn) return builtInEngine(builtIn);
  const set = await loadEpsgDefinitions();
  const definition = set.definitions[String(code)];
  if (!definition) {
    throw new CrsError('UNKNOWN_CRS', {
      vi: `Không có mã EPSG:${code} trong bộ định nghĩa EPSG đi kèm (${set.provenance}).`,
      en: `EPSG:${code} is not in the bundled EPSG definition set (${set.provenance}).`,
    });
  }
  return bundledEngine(code, definition);
}

function bundledEngine(code: number, definition: EpsgDefinition): CrsEngine {
  const label = `EPSG:${code} (${definition.name})`;
  if (definition.kind === 'vertical' || definition.kind === 'engineering') throw unsupportedKind(label, definition.kind);
  if (!definition.proj) {
    throw new CrsError('UNSUPPORTED_PROJECTION', {
      vi: `EPSG không cho ${label} một định nghĩa PROJ nên chưa chuyển đổi được.`,
      en: `EPSG gives ${label} no PROJ definition, so it cannot be transformed.`,
    });
  }
  const verticalDatum = definition.verticalDatum ?? null;
  const { proj, notes } = runnableProj(definition.proj, verticalDatum, definition.missingGrid);
  const projection = proj4Projection(proj, termValue(projTerms(proj), 'proj') ?? proj);
  const kind = definition.kind;
  const accuracy = joinNotes(notes);
  return {
    crs: {
      code: `EPSG:${code}`,
      name: definition.name,
      kind,
      linearUnitMetres: linearUnitOf(projection, kind),
      verticalDatum,
      verticalUnitMetres: verticalUnitOf(projTerms(proj)),
      source: definition.corrected ? 'epsg-corrected' : 'epsg',
      proj,
      ...(accuracy && { accuracy }),
    },
    projection,
  };
}

function projStringEngine(text: string): CrsEngine {
  const { proj, notes } = runnableProj(text.trim(), null);
  const method = termValue(projTerms(proj), 'proj');
  if (!method) {
    throw new CrsError('INVALID_CRS_DEFINITION', {
      vi: `Chuỗi PROJ thiếu +proj=…: "${text}".`,
      en: `The PROJ string has no +proj=…: "${text}".`,
    });
  }
  const projection = proj4Projection(proj, method);
  const kind = projKind(proj);
  const accuracy = joinNotes(notes);
  return {
    crs: {
      code: null,
      name: proj,
      kind,
      linearUnitMetres: linearUnitOf(projection, kind),
      verticalDatum: null,
      verticalUnitMetres: verticalUnitOf(projTerms(proj)),
      source: 'proj-string',
      proj,
      ...(accuracy && { accuracy }),
    },
    projection,
  };
}

/** Resolves a definition to its engine; `resolveCrs` and `loadTransform` share it. */
export async function resolveEngine(definition: string): Promise<CrsEngine> {
  const code = epsgCodeNumber(definition);
  if (code !== undefined) return epsgEngine(code);
  if (definition.trimStart().startsWith('+')) return projStringEngine(definition);
  if (WKT_START.test(definition)) return resolveWkt(definition, epsgEngine);
  throw new CrsError('INVALID_CRS_DEFINITION', {
    vi: `Không nhận ra định nghĩa hệ tọa độ "${definition.slice(0, 80)}" (cần EPSG:mã, WKT hoặc chuỗi PROJ +proj=…).`,
    en: `Unrecognised CRS definition "${definition.slice(0, 80)}" (expected EPSG:code, WKT or a PROJ string +proj=…).`,
  });
}
