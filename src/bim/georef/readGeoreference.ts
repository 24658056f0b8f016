/**
 * The georeferencing an IFC file states, read as written (issue 3 §2), in order of trust:
 *  1. IfcMapConversion → IfcProjectedCRS (IFC4, IFC4X3), including IFC4.3's IfcMapConversionScaled and
 *     IfcRigidOperation → IfcGeographicCRS;
 *  2. the IFC2X3 convention of property sets ePSet_MapConversion and ePSet_ProjectedCRS (on IfcSite or IfcProject);
 *  3. IfcSite RefLatitude / RefLongitude / RefElevation, with TrueNorth from the 3D 'Model' context;
 *  4. none.
 * Attribute positions are IFC4.3's (unchanged since IFC4), read from web-ifc's raw lines: see stepValues.ts.
 */
import type { IfcAPI } from 'web-ifc';
import {
  IFCGEOGRAPHICCRS,
  IFCGEOMETRICREPRESENTATIONCONTEXT,
  IFCMAPCONVERSION,
  IFCMAPCONVERSIONSCALED,
  IFCPROJECTEDCRS,
  IFCPROPERTYSET,
  IFCRELDEFINESBYPROPERTIES,
  IFCRIGIDOPERATION,
  IFCSITE,
  IFCWELLKNOWNTEXT,
} from 'web-ifc';
import type { ModelGeoreference } from '../types';
import { readProjectUnits, unitFactor } from '../ifc/projectUnits';
import type { StepValue } from '../ifc/stepValues';
import {
  idsOfType,
  rawLine,
  rawLines,
  stepArgument,
  stepList,
  stepNumber,
  stepReference,
  stepReferences,
  stepString,
} from '../ifc/stepValues';
import { normaliseEpsgCode } from './normaliseEpsgCode';

type Georef = ModelGeoreference;

const EMPTY: Omit<Georef, 'method' | 'lengthUnitMetres' | keyof SiteFields> = {
  variant: null,
  crs: null,
  crsName: null,
  crsDefinition: null,
  crsKind: null,
  mapUnitMetres: null,
  eastings: null,
  northings: null,
  orthogonalHeight: null,
  xAxisAbscissa: null,
  xAxisOrdinate: null,
  scale: null,
  factors: null,
};

export interface ReadGeoreferenceOptions {
  /**
   * Whether the file may hold the ePSet convention. Finding it means reading every property set, which web-ifc
   * parses lazily: 1.3 s for the 67 000 sets of a 50 MB file. readIfcModel looks for the name in the bytes first.
   */
  propertySetConvention?: boolean;
}

export function readGeoreference(api: IfcAPI, modelId: number, options: ReadGeoreferenceOptions = {}): ModelGeoreference {
  const units = readProjectUnits(api, modelId);
  const base = { ...EMPTY, ...readSite(api, modelId), lengthUnitMetres: units.lengthMetres };
  return (
    readMapConversion(api, modelId, base) ??
    (options.propertySetConvention === false ? null : readPropertySetConvention(api, modelId, base)) ?? {
      ...base,
      method: base.refLatitude === null ? 'none' : 'IfcSite',
    }
  );
}

/** IfcMapConversion(SourceCRS, TargetCRS, Eastings, Northings, OrthogonalHeight, XAxisAbscissa, XAxisOrdinate, Scale[, FactorX, FactorY, FactorZ]) or IfcRigidOperation(SourceCRS, TargetCRS, FirstCoordinate, SecondCoordinate, Height). */
function readMapConversion(api: IfcAPI, modelId: number, base: Omit<Georef, 'method'>): Georef | null {
  const scaled = new Set(idsOfType(api, modelId, IFCMAPCONVERSIONSCALED));
  const candidates = [
    ...idsOfType(api, modelId, IFCMAPCONVERSION, true),
    ...scaled,
    ...idsOfType(api, modelId, IFCRIGIDOPERATION),
  ];
  const rigid = new Set(idsOfType(api, modelId, IFCRIGIDOPERATION));
  const modelContexts = new Set(idsOfType(api, modelId, IFCGEOMETRICREPRESENTATIONCONTEXT));
  // The operation whose source is a 3D model context; a file may also reference e.g. a 'Plan' context.
  const id = candidates.find((candidate) => modelContexts.has(stepReference(stepArgument(rawLine(api, modelId, candidate), 0)) ?? -1)) ?? candidates[0];
  if (id === undefined) return null;
  const line = rawLine(api, modelId, id);
  const crs = readCrs(api, modelId, stepReference(stepArgument(line, 1)));
  if (rigid.has(id)) {
    return {
      ...base,
      ...crs,
      method: 'IfcMapConversion',
      variant: 'IfcRigidOperation',
      // FirstCoordinate is the easting-like axis: for a geographic CRS we read it as longitude whatever the EPSG
      // axis order (EPSG:4258 is lat, lon), as buildingSMART's sample does: see resolvePlacement.ts.
      eastings: stepNumber(stepArgument(line, 2)),
      northings: stepNumber(stepArgument(line, 3)),
      orthogonalHeight: stepNumber(stepArgument(line, 4)),
    };
  }
  const factors = [8, 9, 10].map((index) => stepNumber(stepArgument(line, index)));
  return {
    ...base,
    ...crs,
    method: 'IfcMapConversion',
    variant: scaled.has(id) ? 'IfcMapConversionScaled' : null,
    eastings: stepNumber(stepArgument(line, 2)),
    northings: stepNumber(stepArgument(line, 3)),
    orthogonalHeight: stepNumber(stepArgument(line, 4)),
    xAxisAbscissa: stepNumber(stepArgument(line, 5)),
    xAxisOrdinate: stepNumber(stepArgument(line, 6)),
    scale: stepNumber(stepArgument(line, 7)),
    factors: scaled.has(id) ? [factors[0] ?? 1, factors[1] ?? 1, factors[2] ?? 1] : null,
  };
}

type CrsFields = Pick<Georef, 'crs' | 'crsName' | 'crsDefinition' | 'crsKind' | 'mapUnitMetres'>;

/**
 * IfcCoordinateReferenceSystem(Name, Description, GeodeticDatum, VerticalDatum, …); IfcProjectedCRS adds
 * MapProjection, MapZone, MapUnit [6]. A WKT may come as an IFC4.3 IfcWellKnownText(WellKnownText, CRS).
 */
function readCrs(api: IfcAPI, modelId: number, crsId: number | null): CrsFields {
  const line = crsId === null ? null : rawLine(api, modelId, crsId);
  const crsKind = line?.type === IFCGEOGRAPHICCRS ? 'geographic' : line?.type === IFCPROJECTEDCRS ? 'projected' : null;
  const name = stepString(stepArgument(line, 0));
  const description = stepString(stepArgument(line, 1));
  const wellKnownText = idsOfType(api, modelId, IFCWELLKNOWNTEXT)
    .map((id) => rawLine(api, modelId, id))
    .find((wkt) => stepReference(stepArgument(wkt, 1)) === crsId);
  const definition = stepString(stepArgument(wellKnownText ?? null, 0)) ?? asDefinition(name) ?? asDefinition(description);
  const mapUnit = crsKind === 'projected' ? stepReference(stepArgument(line, 6)) : null;
  return {
    crs: normaliseEpsgCode(name) ?? normaliseEpsgCode(description),
    crsName: name,
    crsDefinition: definition,
    crsKind,
    mapUnitMetres: mapUnit === null ? null : (unitFactor(api, modelId, mapUnit, 0)?.factor ?? null),
  };
}

/** A CRS name that is itself a WKT or PROJ string. */
function asDefinition(text: string | null): string | null {
  if (!text) return null;
  return /^\s*(\+proj=|(PROJ|GEOG|GEOD|COMPOUND|BOUND|VERT)(CS|CRS)\s*\[)/i.test(text) ? text.trim() : null;
}

/** IFC2X3: ePSet_MapConversion / ePSet_ProjectedCRS (buildingSMART's "User Guide for Geo-referencing in IFC", 2020). */
function readPropertySetConvention(api: IfcAPI, modelId: number, base: Omit<Georef, 'method'>): Georef | null {
  const sets = new Map<string, Map<string, StepValue>>();
  // Read every property set in one batch (large models have 10⁵), then only the two that matter in detail.
  const wanted = rawLines(api, modelId, idsOfType(api, modelId, IFCPROPERTYSET)).filter((line) => {
    const name = stepString(stepArgument(line, 2));
    return name === 'ePSet_MapConversion' || name === 'ePSet_ProjectedCRS';
  });
  if (wanted.length === 0) return null;
  const definedSets = new Set(rawLines(api, modelId, idsOfType(api, modelId, IFCRELDEFINESBYPROPERTIES)).map((rel) => stepReference(stepArgument(rel, 5))));
  for (const line of wanted) {
    if (!definedSets.has(line.ID)) continue;
    const properties = new Map<string, StepValue>();
    for (const property of rawLines(api, modelId, stepReferences(stepArgument(line, 4)))) {
      const propertyName = stepString(stepArgument(property, 0));
      if (propertyName) properties.set(propertyName, stepArgument(property, 2));
    }
    sets.set(stepString(stepArgument(line, 2))!, properties);
  }
  const conversion = sets.get('ePSet_MapConversion');
  if (!conversion) return null;
  const crsSet = sets.get('ePSet_ProjectedCRS');
  const number = (key: string) => stepNumber(conversion.get(key));
  const crsName = stepString(crsSet?.get('Name')) ?? null;
  const description = stepString(crsSet?.get('Description')) ?? null;
  return {
    ...base,
    method: 'ePSet_MapConversion',
    crs: normaliseEpsgCode(crsName) ?? normaliseEpsgCode(description),
    crsName,
    crsDefinition: asDefinition(crsName) ?? asDefinition(description),
    crsKind: 'projected',
    mapUnitMetres: null,
    eastings: number('Eastings'),
    northings: number('Northings'),
    orthogonalHeight: number('OrthogonalHeight'),
    xAxisAbscissa: number('XAxisAbscissa'),
    xAxisOrdinate: number('XAxisOrdinate'),
    scale: number('Scale'),
  };
}

type SiteFields = Pick<Georef, 'refLatitude' | 'refLongitude' | 'refElevation' | 'trueNorthDegrees'>;

/** IfcSite(…, RefLatitude [9], RefLongitude [10], RefElevation [11], …) with the 3D context's TrueNorth. */
function readSite(api: IfcAPI, modelId: number): SiteFields {
  for (const id of idsOfType(api, modelId, IFCSITE)) {
    const line = rawLine(api, modelId, id);
    const refLatitude = compoundAngle(stepArgument(line, 9));
    const refLongitude = compoundAngle(stepArgument(line, 10));
    if (refLatitude === null || refLongitude === null) continue;
    return {
      refLatitude,
      refLongitude,
      refElevation: stepNumber(stepArgument(line, 11)),
      trueNorthDegrees: readTrueNorth(api, modelId),
    };
  }
  return { refLatitude: null, refLongitude: null, refElevation: null, trueNorthDegrees: null };
}

/**
 * IfcCompoundPlaneAngleMeasure: degrees, minutes, seconds, millionths of a second, all with the same sign.
 * (0, 0, 0) is how many tools write "not set"; we read it as absent rather than place a model off Africa.
 */
function compoundAngle(value: StepValue): number | null {
  const parts = stepList(value).map((part) => stepNumber(part));
  if (parts.length < 3 || parts.some((part) => part === null)) return null;
  const [degrees, minutes, seconds, millionths = 0] = parts as number[];
  const angle = degrees! + minutes! / 60 + (seconds! + millionths / 1e6) / 3600;
  return angle === 0 || Math.abs(angle) > 180 ? null : angle;
}

/** TrueNorth of the 3D 'Model' context, as degrees counter-clockwise from the project's +y axis. */
function readTrueNorth(api: IfcAPI, modelId: number): number | null {
  for (const id of idsOfType(api, modelId, IFCGEOMETRICREPRESENTATIONCONTEXT)) {
    const context = rawLine(api, modelId, id);
    if (stepString(stepArgument(context, 1)) !== 'Model') continue;
    const direction = rawLine(api, modelId, stepReference(stepArgument(context, 5)) ?? 0);
    const [x, y] = stepList(stepArgument(direction, 0)).map((ratio) => stepNumber(ratio));
    if (x === null || y === null || x === undefined || y === undefined || (x === 0 && y === 0)) continue;
    // Rounded to 1e-9° (exporters write cos/sin pairs that leave −3.5e-15), and never −0.
    return Math.round((Math.atan2(-x, y) * 180e9) / Math.PI) / 1e9 + 0;
  }
  return null;
}

