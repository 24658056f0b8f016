/**
 * What a WKT CRS says, read from its tree: name, EPSG identifiers, kind, the vertical datum of a compound CRS,
 * and an explicit datum shift (WKT1 TOWGS84, WKT2 BOUNDCRS) in PROJ's `+towgs84` convention.
 */
import type { EpsgDefinitionKind } from './types';
import { childNode, childNodes, epsgCodeOf, formatWkt, nodeName, nodeNumbers, parseWkt } from './wktTree';
import type { WktNode } from './wktTree';

/** A datum shift to WGS 84: `towgs84` as PROJ's +towgs84 (Position Vector, m, ″, ppm) or PROJ's null grid. */
export interface WktDatumShift {
  towgs84?: number[];
  nullGrid?: true;
}

export interface WktCrs {
  name: string;
  /** The EPSG code of the whole definition (a compound CRS's own). */
  code: number | undefined;
  kind: EpsgDefinitionKind;
  verticalDatum: string | null;
  /** Metres per unit of the vertical CS of a compound CRS (its LENGTHUNIT or UNIT), else 1. */
  verticalUnitMetres: number;
  /** The horizontal CRS, written back as WKT, for proj4's reader. */
  horizontalWkt: string;
  /** EPSG codes of the horizontal CRS and of its base geographic CRS: where a missing datum shift is looked up. */
  horizontalCode: number | undefined;
  baseCode: number | undefined;
  /** The projection method, e.g. `Transverse Mercator`; undefined for a geographic or geocentric CRS. */
  method: string | undefined;
  datumShift: WktDatumShift | undefined;
  /** True when the datum is WGS 84 (or its ellipsoid with no other datum): no shift is needed. */
  onWgs84: boolean;
}

const PROJECTED = ['PROJCS', 'PROJCRS', 'PROJECTEDCRS'];
const GEOGRAPHIC = ['GEOGCS', 'GEOGCRS', 'GEOGRAPHICCRS'];
/** WKT2 geodetic CRSs: geographic with an ellipsoidal CS, geocentric with a Cartesian one. */
const GEODETIC = ['GEODCRS', 'GEODETICCRS', 'GEOCCS'];
const VERTICAL = ['VERT_CS', 'VERTCRS', 'VERTICALCRS'];
const COMPOUND = ['COMPD_CS', 'COMPOUNDCRS'];
const BOUND = ['BOUNDCRS'];
const HORIZONTAL = [...PROJECTED, ...GEOGRAPHIC, ...GEODETIC, ...BOUND];

/** Arc-second in radians: the unit of +towgs84 rotations. */
const ARC_SECOND = Math.PI / (180 * 3600);

function kindOf(node: WktNode): EpsgDefinitionKind {
  if (PROJECTED.includes(node.keyword)) return 'projected';
  if (GEOGRAPHIC.includes(node.keyword)) return 'geographic';
  if (node.keyword === 'GEOCCS') return 'geocentric';
  if (GEODETIC.includes(node.keyword)) {
    const cs = childNode(node, 'CS')?.values[0];
    return cs?.type === 'word' && cs.text.toLowerCase() === 'cartesian' ? 'geocentric' : 'geographic';
  }
  return VERTICAL.includes(node.keyword) ? 'vertical' : 'engineering';
}

/** Depth-first search for the first node with one of the keywords. */
function findNode(node: WktNode, keywords: readonly string[]): WktNode | undefined {
  for (const value of node.values) {
    if (value.type !== 'node') continue;
    if (keywords.includes(value.keyword)) return value;
    const found = findNode(value, keywords);
    if (found) return found;
  }
  return undefined;
}

/** A parameter's value in the given base unit: its own unit node's factor when it has one, else `fallback`. */
function parameterIn(parameter: WktNode, base: number, fallback: number): number {
  const [value = Number.NaN] = nodeNumbers(parameter);
  const unit = childNode(parameter, 'ANGLEUNIT', 'LENGTHUNIT', 'SCALEUNIT', 'UNIT');
  const factor = unit ? nodeNumbers(unit)[0] : undefined;
  return (value * (factor ?? fallback)) / base;
}

/**
 * A BOUNDCRS's ABRIDGEDTRANSFORMATION (ISO 19162 §18.3) as +towgs84. Coordinate Frame rotations are the
 * Position Vector ones with the sign turned (EPSG Guidance Note 7-2, methods 9606 and 9607). Scale: PROJ
 * writes a unitless factor (1.0000004598); others write parts per million.
 */
function abridgedTowgs84(transformation: WktNode): number[] | undefined {
  const method = nodeName(childNode(transformation, 'METHOD') ?? transformation).toLowerCase();
  const parameters = childNodes(transformation, 'PARAMETER');
  const byId = (id: number): WktNode | undefined => parameters.find((parameter) => epsgCodeOf(parameter) === id);
  const translation = [8605, 8606, 8607].map((id) => byId(id));
  if (translation.some((parameter) => !parameter)) return undefined;
  const [tx, ty, tz] = translation.map((parameter) => parameterIn(parameter!, 1, 1));
  if (method.includes('geocentric translation')) return [tx!, ty!, tz!];
  const sign = method.includes('coordinate frame') ? -1 : 1;
  if (!method.includes('position vector') && sign === 1) return undefined;
  const rotation = [8608, 8609, 8610].map((id) => byId(id));
  const scale = byId(8611);
  if (rotation.some((parameter) => !parameter) || !scale) return undefined;
  const [rx, ry, rz] = rotation.map((parameter) => sign * parameterIn(parameter!, ARC_SECOND, ARC_SECOND));
  const ratio = parameterIn(scale, 1, 1);
  const ppm = Math.abs(ratio - 1) < 0.01 ? (ratio - 1) * 1e6 : ratio;
  return [tx!, ty!, tz!, rx!, ry!, rz!, ppm];
}

function explicitShift(bound: WktNode | undefined, horizontal: WktNode): WktDatumShift | undefined {
  const abridged = bound && childNode(bound, 'ABRIDGEDTRANSFORMATION');
  const towgs84 = abridged ? abridgedTowgs84(abridged) : undefined;
  if (towgs84) return { towgs84 };
  const wkt1 = findNode(horizontal, ['TOWGS84']);
  return wkt1 ? { towgs84: nodeNumbers(wkt1) } : undefined;
}

function isWgs84(horizontal: WktNode): boolean {
  const datum = findNode(horizontal, ['DATUM', 'GEODETICDATUM', 'TRF', 'ENSEMBLE']);
  const name = datum ? nodeName(datum).toLowerCase().replace(/[^a-z0-9]/g, '') : '';
  return name.startsWith('wgs84') || name.startsWith('worldgeodeticsystem1984');
}

/** Reads a WKT CRS; throws `CrsError('UNPARSABLE_WKT')` where the text is not WKT. */
export function readWktCrs(text: string): WktCrs {
  const root = parseWkt(text);
  const compound = COMPOUND.includes(root.keyword) ? root : undefined;
  let horizontal = compound ? (childNodes(compound, ...HORIZONTAL)[0] ?? root) : root;
  const bound = BOUND.includes(horizontal.keyword) ? horizontal : undefined;
  if (bound) horizontal = childNode(bound, 'SOURCECRS')?.values.find((value) => value.type === 'node') ?? bound;
  const vertical = compound && findNode(compound, VERTICAL);
  const verticalDatum = vertical && childNode(vertical, 'VERT_DATUM', 'VDATUM', 'VERTICALDATUM');
  const verticalUnit = vertical && findNode(vertical, ['LENGTHUNIT', 'UNIT']);
  const base = childNode(horizontal, 'GEOGCS', 'BASEGEOGCRS', 'BASEGEODCRS');
  const method = childNode(horizontal, 'PROJECTION') ?? childNode(childNode(horizontal, 'CONVERSION') ?? horizontal, 'METHOD');
  const explicit = explicitShift(bound, horizontal);
  return {
    name: nodeName(compound ?? horizontal),
    code: epsgCodeOf(compound ?? horizontal),
    kind: kindOf(horizontal),
    verticalDatum: verticalDatum ? nodeName(verticalDatum) : null,
    verticalUnitMetres: (verticalUnit && nodeNumbers(verticalUnit)[0]) ?? 1,
    horizontalWkt: formatWkt(horizontal),
    horizontalCode: epsgCodeOf(horizontal),
    baseCode: base && epsgCodeOf(base),
    method: method && nodeName(method),
    datumShift: explicit,
    onWgs84: isWgs84(horizontal),
  };
}
