/**
 * The project's units (IfcProject.UnitsInContext → IfcUnitAssignment), as factors to SI. web-ifc scales geometry
 * to metres itself; we need the factors for the georeferencing (IfcMapConversion values are in the map unit,
 * the model in its own) and to show property values in SI units.
 */
import type { IfcAPI } from 'web-ifc';
import { IFCPROJECT, IFCSIUNIT } from 'web-ifc';
import { idsOfType, rawLine, stepArgument, stepNumber, stepReference, stepReferences, stepString } from './stepValues';

export interface ProjectUnits {
  /** Metres per project length unit (0.001 for millimetres). */
  lengthMetres: number;
  areaSquareMetres: number;
  volumeCubicMetres: number;
  /** Radians per project plane angle unit (π/180 for degrees). */
  planeAngleRadians: number;
}

const SI_PREFIX: Readonly<Record<string, number>> = {
  EXA: 1e18, PETA: 1e15, TERA: 1e12, GIGA: 1e9, MEGA: 1e6, KILO: 1e3, HECTO: 1e2, DECA: 1e1,
  DECI: 1e-1, CENTI: 1e-2, MILLI: 1e-3, MICRO: 1e-6, NANO: 1e-9, PICO: 1e-12, FEMTO: 1e-15, ATTO: 1e-18,
};

/** The power the prefix is raised to: a square millimetre is (10⁻³)² m². */
const UNIT_POWER: Readonly<Record<string, number>> = { LENGTHUNIT: 1, AREAUNIT: 2, VOLUMEUNIT: 3, PLANEANGLEUNIT: 1 };

export const SI_UNITS: ProjectUnits = { lengthMetres: 1, areaSquareMetres: 1, volumeCubicMetres: 1, planeAngleRadians: 1 };

export function readProjectUnits(api: IfcAPI, modelId: number): ProjectUnits {
  const project = rawLine(api, modelId, idsOfType(api, modelId, IFCPROJECT)[0] ?? 0);
  const assignment = rawLine(api, modelId, stepReference(stepArgument(project, 8)) ?? 0);
  const factors = new Map<string, number>();
  for (const unitId of stepReferences(stepArgument(assignment, 0))) {
    const unit = unitFactor(api, modelId, unitId, 0);
    if (unit && !factors.has(unit.unitType)) factors.set(unit.unitType, unit.factor);
  }
  return {
    lengthMetres: factors.get('LENGTHUNIT') ?? 1,
    areaSquareMetres: factors.get('AREAUNIT') ?? 1,
    volumeCubicMetres: factors.get('VOLUMEUNIT') ?? 1,
    planeAngleRadians: factors.get('PLANEANGLEUNIT') ?? 1,
  };
}

/**
 * One named unit as a factor to SI: IfcSIUnit (UnitType, Prefix, Name — web-ifc leaves out the derived
 * Dimensions `*`, so they are read from the end) or IfcConversionBasedUnit (Dimensions, UnitType, Name,
 * ConversionFactor → IfcMeasureWithUnit(value, unit)). Depth-limited: a unit defined through itself in a
 * corrupt file must not recurse forever.
 */
export function unitFactor(api: IfcAPI, modelId: number, unitId: number, depth: number): { unitType: string; factor: number } | null {
  const line = rawLine(api, modelId, unitId);
  if (!line || depth > 4) return null;
  if (line.type === IFCSIUNIT) {
    const count = line.arguments.length;
    const unitType = stepString(stepArgument(line, count - 3));
    if (!unitType) return null;
    const prefix = SI_PREFIX[stepString(stepArgument(line, count - 2)) ?? ''] ?? 1;
    return { unitType, factor: prefix ** (UNIT_POWER[unitType] ?? 1) };
  }
  const unitType = stepString(stepArgument(line, 1));
  const conversion = rawLine(api, modelId, stepReference(stepArgument(line, 3)) ?? 0);
  if (!unitType || !conversion) return null;
  const value = stepNumber(stepArgument(conversion, 0));
  const base = unitFactor(api, modelId, stepReference(stepArgument(conversion, 1)) ?? 0, depth + 1);
  return value === null ? null : { unitType, factor: value * (base?.factor ?? 1) };
}
