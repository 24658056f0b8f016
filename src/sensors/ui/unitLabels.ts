/**
 * UCUM codes (what SensorThings and Sao keep) as people read them: a short symbol after numbers and a name for axis
 * titles and screen readers, in Vietnamese and English (issue 5 §3). A code Sao does not know shows as itself.
 */
import type { Lang } from '../../app/i18n';

interface UnitText {
  symbol: { vi: string; en: string };
  name: { vi: string; en: string };
}

const same = (symbol: string) => ({ vi: symbol, en: symbol });

const UNITS: Readonly<Record<string, UnitText>> = {
  m: { symbol: same('m'), name: { vi: 'mét', en: 'metres' } },
  cm: { symbol: same('cm'), name: { vi: 'xentimét', en: 'centimetres' } },
  mm: { symbol: same('mm'), name: { vi: 'milimét', en: 'millimetres' } },
  'mm/h': { symbol: { vi: 'mm/giờ', en: 'mm/h' }, name: { vi: 'milimét mỗi giờ', en: 'millimetres per hour' } },
  'm3/s': { symbol: { vi: 'm³/giây', en: 'm³/s' }, name: { vi: 'mét khối mỗi giây', en: 'cubic metres per second' } },
  'ug/m3': { symbol: same('µg/m³'), name: { vi: 'microgam trên mét khối', en: 'micrograms per cubic metre' } },
  'mg/m3': { symbol: same('mg/m³'), name: { vi: 'miligam trên mét khối', en: 'milligrams per cubic metre' } },
  '[ppm]': { symbol: same('ppm'), name: { vi: 'phần triệu', en: 'parts per million' } },
  '[ppb]': { symbol: same('ppb'), name: { vi: 'phần tỉ', en: 'parts per billion' } },
  Cel: { symbol: same('°C'), name: { vi: 'độ C', en: 'degrees Celsius' } },
  '%': { symbol: same('%'), name: { vi: 'phần trăm', en: 'per cent' } },
  hPa: { symbol: same('hPa'), name: { vi: 'hectopascal', en: 'hectopascals' } },
  'm/s': { symbol: { vi: 'm/giây', en: 'm/s' }, name: { vi: 'mét mỗi giây', en: 'metres per second' } },
  'km/h': { symbol: { vi: 'km/giờ', en: 'km/h' }, name: { vi: 'kilômét mỗi giờ', en: 'kilometres per hour' } },
  deg: { symbol: same('°'), name: { vi: 'độ', en: 'degrees' } },
  '{AQI}': { symbol: same('AQI'), name: { vi: 'chỉ số chất lượng không khí', en: 'air quality index' } },
  '{vehicle}': { symbol: { vi: 'xe', en: 'veh' }, name: { vi: 'xe', en: 'vehicles' } },
  '{vehicle}/h': { symbol: { vi: 'xe/giờ', en: 'veh/h' }, name: { vi: 'xe mỗi giờ', en: 'vehicles per hour' } },
  '1': { symbol: same(''), name: { vi: 'không thứ nguyên', en: 'dimensionless' } },
};

export function unitSymbol(ucum: string, lang: Lang): string {
  return UNITS[ucum]?.symbol[lang] ?? ucum;
}

export function unitName(ucum: string, lang: Lang): string {
  return UNITS[ucum]?.name[lang] ?? ucum;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** `0,42 m` in Vietnamese, `0.42 m` in English; precision by magnitude (sensors report 2–3 significant digits). */
export function formatValue(value: number, ucum: string, lang: Lang): string {
  if (!Number.isFinite(value)) return '—';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const key = `${lang}:${digits}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })));
  const symbol = unitSymbol(ucum, lang);
  return symbol ? `${format.format(value)} ${symbol}` : format.format(value);
}
