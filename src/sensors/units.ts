/**
 * Units of measurement by their UCUM code (https://ucum.org), the code SensorThings carries and Sao keeps: the
 * display symbol is derived, the code is never rewritten. NGSI-LD states units as UN/CEFACT common codes
 * (`unitCode`), mapped here to UCUM.
 */
import type { UnitOfMeasurement } from './types';

const UCUM_SYMBOLS: Readonly<Record<string, string>> = {
  m: 'm',
  cm: 'cm',
  mm: 'mm',
  'mm/h': 'mm/h',
  'm3/s': 'm³/s',
  'ug/m3': 'µg/m³',
  'mg/m3': 'mg/m³',
  '[ppm]': 'ppm',
  '[ppb]': 'ppb',
  Cel: '°C',
  '%': '%',
  '1': '',
  hPa: 'hPa',
  'm/s': 'm/s',
  'km/h': 'km/h',
  deg: '°',
  '{AQI}': 'AQI',
  '{vehicle}': 'veh',
  '{vehicle}/h': 'veh/h',
};

/** UN/CEFACT Recommendation 20 codes used by the FIWARE smart data models → UCUM. */
const CEFACT_TO_UCUM: Readonly<Record<string, string>> = {
  MTR: 'm',
  CMT: 'cm',
  MMT: 'mm',
  H67: 'mm/h',
  MQS: 'm3/s',
  GQ: 'ug/m3',
  GP: 'mg/m3',
  '59': '[ppm]',
  '61': '[ppb]',
  CEL: 'Cel',
  P1: '%',
  C62: '1',
  A97: 'hPa',
  MTS: 'm/s',
  KMH: 'km/h',
  DD: 'deg',
  E50: '{vehicle}',
};

export function ucumUnit(ucum: string, name: string | null = null): UnitOfMeasurement {
  return { ucum, symbol: UCUM_SYMBOLS[ucum] ?? ucum, name };
}

/** The UCUM code of a UN/CEFACT code, or null when Sao does not know it. */
export function ucumOfCefact(code: string): string | null {
  return CEFACT_TO_UCUM[code] ?? null;
}

/**
 * The UCUM code a SensorThings unitOfMeasurement names: from its `definition` when that is a UCUM URI
 * (`http://www.opengis.net/def/uom/UCUM/mm/h`), else its `symbol` (a display symbol Sao knows becomes its code).
 */
export function ucumOfSensorThingsUnit(unit: { symbol?: unknown; definition?: unknown }): string {
  const definition = typeof unit.definition === 'string' ? unit.definition : '';
  const fromUri = /\/uom\/UCUM\/(.+)$/i.exec(definition)?.[1];
  if (fromUri) return decodeURIComponent(fromUri);
  if (typeof unit.symbol !== 'string' || unit.symbol.length === 0) return '1';
  return UCUM_OF_SYMBOL.get(unit.symbol) ?? unit.symbol;
}

/** Display symbols back to UCUM (the spec's own examples write `"symbol": "°C"`). */
const UCUM_OF_SYMBOL = new Map(Object.entries(UCUM_SYMBOLS).filter(([code, symbol]) => symbol !== '' && symbol !== code).map(([code, symbol]) => [symbol, code]));
