/**
 * A property or quantity value as the inspector shows it: text with SI units applied ("3.2 m", "12.5 m²",
 * "90°", "TRUE"), and the IFC measure type it came as. Lengths, areas, volumes and angles are converted from the
 * project's units (or the property's own unit when it names one); other measures are shown as written.
 */
import type { IfcAPI } from 'web-ifc';
import type { ProjectUnits } from './projectUnits';
import type { StepValue } from './stepValues';

type Dimension = 'length' | 'area' | 'volume' | 'angle';

const MEASURE_DIMENSION: Readonly<Record<string, Dimension>> = {
  IfcLengthMeasure: 'length',
  IfcPositiveLengthMeasure: 'length',
  IfcNonNegativeLengthMeasure: 'length',
  IfcAreaMeasure: 'area',
  IfcVolumeMeasure: 'volume',
  IfcPlaneAngleMeasure: 'angle',
  IfcPositivePlaneAngleMeasure: 'angle',
};

/** Units for measures we show but do not convert (IFC states them in SI by default). */
const MEASURE_SYMBOL: Readonly<Record<string, string>> = {
  IfcMassMeasure: 'kg',
  IfcThermalTransmittanceMeasure: 'W/(m²·K)',
  IfcThermodynamicTemperatureMeasure: 'K',
  IfcTimeMeasure: 's',
  IfcMassDensityMeasure: 'kg/m³',
  IfcPowerMeasure: 'W',
  IfcVolumetricFlowRateMeasure: 'm³/s',
};

const SYMBOL: Readonly<Record<Dimension, string>> = { length: ' m', area: ' m²', volume: ' m³', angle: '°' };

export interface FormattedValue {
  value: string;
  type: string | null;
}

/**
 * `explicitFactor`: the SI factor of a unit the property names itself (IfcPropertySingleValue.Unit), which
 * overrides the project's. `measure` names the measure when the value does not carry it (quantities).
 */
export function formatStepValue(
  api: IfcAPI,
  raw: StepValue,
  units: ProjectUnits,
  explicitFactor: number | null = null,
  measure: string | null = null,
): FormattedValue {
  if (raw === null || raw === undefined) return { value: '', type: measure };
  if (Array.isArray(raw)) {
    const parts = raw.map((item) => formatStepValue(api, item, units, explicitFactor, measure));
    return { value: parts.map((part) => part.value).join(', '), type: parts[0]?.type ?? measure };
  }
  const type = raw.typecode === undefined ? measure : api.GetNameFromTypeCode(raw.typecode);
  const value = raw.value;
  if (typeof value === 'boolean') return { value: value ? 'TRUE' : 'FALSE', type };
  if (raw.type === 3 && typeof value === 'string') return { value: logical(value), type };
  const number = typeof value === 'number' ? value : raw.type === 4 || raw.type === 10 || (raw.type === 2 && isNumeric(value)) ? Number(value) : NaN;
  if (!Number.isFinite(number)) return { value: String(value ?? ''), type };
  const dimension = type ? MEASURE_DIMENSION[type] : undefined;
  if (dimension) {
    const factor = explicitFactor ?? projectFactor(units, dimension);
    const si = dimension === 'angle' ? (number * factor * 180) / Math.PI : number * factor;
    return { value: `${formatNumber(si)}${SYMBOL[dimension]}`, type };
  }
  const symbol = type ? MEASURE_SYMBOL[type] : undefined;
  return { value: symbol ? `${formatNumber(number)} ${symbol}` : formatNumber(number), type };
}

function projectFactor(units: ProjectUnits, dimension: Dimension): number {
  switch (dimension) {
    case 'length':
      return units.lengthMetres;
    case 'area':
      return units.areaSquareMetres;
    case 'volume':
      return units.volumeCubicMetres;
    case 'angle':
      return units.planeAngleRadians;
  }
}

function logical(value: string): string {
  if (value === 'T') return 'TRUE';
  if (value === 'F') return 'FALSE';
  return value === 'U' ? 'UNKNOWN' : value;
}

function isNumeric(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));
}

/** Up to 4 decimals, no trailing zeros, no exponent for everyday magnitudes. */
export function formatNumber(value: number): string {
  if (value !== 0 && (Math.abs(value) >= 1e12 || Math.abs(value) < 1e-4)) return value.toPrecision(6);
  return String(Number(value.toFixed(4)));
}
