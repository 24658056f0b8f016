import type { CityCatalog } from './types';

/** A catalogue that does not have the shape the app needs; `message` names the offending field. */
export class CatalogError extends Error {
  override name = 'CatalogError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function require(condition: boolean, field: string, expected: string): asserts condition {
  if (!condition) throw new CatalogError(`${field}: expected ${expected}`);
}

function checkText(value: unknown, field: string): void {
  require(isRecord(value) && typeof value.vi === 'string' && typeof value.en === 'string', field, '{ vi, en } strings');
}

function checkLayer(value: unknown, index: number, seen: Set<string>): void {
  const field = `layers[${index}]`;
  require(isRecord(value), field, 'an object');
  require(typeof value.id === 'string' && /^[a-z0-9][a-z0-9_-]*$/i.test(value.id), `${field}.id`, 'a short id');
  require(!seen.has(value.id), `${field}.id`, `a unique id (“${value.id}” repeats)`);
  seen.add(value.id);
  require(value.kind === '3dtiles' || value.kind === 'geojson', `${field}.kind`, '"3dtiles" or "geojson"');
  require(typeof value.url === 'string' && value.url.length > 0, `${field}.url`, 'a URL');
  require(typeof value.visible === 'boolean', `${field}.visible`, 'a boolean');
  require(typeof value.opacity === 'number' && value.opacity >= 0 && value.opacity <= 1, `${field}.opacity`, 'a number in 0..1');
  checkText(value.title, `${field}.title`);
  if (value.kind === 'geojson') require(isRecord(value.style), `${field}.style`, 'a style object');
}

/** Checks a parsed `city.json` against the `CityCatalog` shape; throws a `CatalogError` naming the field. */
export function parseCatalog(json: unknown): CityCatalog {
  require(isRecord(json), 'catalogue', 'a JSON object');
  require(typeof json.id === 'string', 'id', 'a string');
  checkText(json.name, 'name');
  const extent = json.extent;
  require(
    isRecord(extent) && ['west', 'south', 'east', 'north'].every((k) => typeof extent[k] === 'number'),
    'extent',
    '{ west, south, east, north } in degrees',
  );
  const province = json.province;
  require(isRecord(province) && typeof province.vn2000 === 'string', 'province.vn2000', 'an EPSG code');
  require(Array.isArray(json.layers), 'layers', 'an array');
  const seen = new Set<string>();
  json.layers.forEach((layer, i) => checkLayer(layer, i, seen));
  require(Array.isArray(json.attribution), 'attribution', 'an array of strings');
  return json as unknown as CityCatalog;
}

