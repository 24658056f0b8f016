/**
 * Building heights from OSM tags, in this order (OSM wiki "Key:height", "Key:building:levels"):
 *   1. `height` — metres above ground to the top of the roof ("12", "12 m", "12.5m", "12,5"; feet as "40'" or
 *      "40 ft" are converted);
 *   2. `building:levels` × {@link STOREY_HEIGHT_M} — above-ground storeys; roof levels are not counted, the roof
 *      is drawn flat;
 *   3. a default per `building` value ({@link DEFAULT_HEIGHT_BY_TYPE}).
 * The source of each height is recorded, so the app can say which buildings are estimates.
 */

/**
 * 3.3 m a storey: a typical floor-to-floor height (slab included) of Vietnamese homes and offices, which run
 * 3.0–3.6 m; university teaching blocks are taller, which their own default below reflects.
 */
export const STOREY_HEIGHT_M = 3.3;

/**
 * Heights used when a building has neither `height` nor `building:levels`, by its `building` value. Chosen for
 * Hà Nội's building stock, in storeys × ~3.3 m: the VNU Cầu Giấy campus is mostly 4–7-storey teaching blocks
 * and 5–6-storey dormitories; the city's houses are 3–5-storey tube houses (nhà ống). Unlisted values use `yes`.
 */
export const DEFAULT_HEIGHT_BY_TYPE: Readonly<Record<string, number>> = {
  yes: 9, // unspecified: a 3-storey tube house, the commonest building in Hà Nội
  house: 9, // 3 storeys
  detached: 9,
  semidetached_house: 9,
  terrace: 12, // rows of 4-storey tube houses
  residential: 12,
  apartments: 30, // 9-storey mid-rise; towers should carry building:levels
  dormitory: 18, // 5–6-storey student blocks
  hotel: 24,
  commercial: 15,
  retail: 8,
  office: 24,
  university: 18, // 5 storeys at ~3.6 m (taller teaching floors)
  college: 18,
  school: 12, // 3–4-storey school blocks
  kindergarten: 7,
  hospital: 18,
  government: 15,
  public: 12,
  civic: 12,
  train_station: 12,
  transportation: 8,
  grandstand: 8, // stadium stands are low and open
  sports_hall: 12,
  religious: 10,
  temple: 8,
  pagoda: 10,
  church: 15,
  industrial: 8,
  warehouse: 8,
  garage: 3,
  garages: 3,
  kiosk: 3,
  shed: 3,
  roof: 4, // a canopy on posts
  construction: 3,
};

export type HeightSource = 'osmHeight' | 'osmLevels' | 'typeDefault';

export interface BuildingHeight {
  heightMeters: number;
  source: HeightSource;
  /** Above-ground storeys from `building:levels`; 0 when not tagged. */
  levels: number;
}

const FEET_TO_METRES = 0.3048;

/** Parses an OSM `height` value to metres; `undefined` when it is not a positive length. */
export function parseHeightTag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim().toLowerCase().replace(',', '.');
  const metric = /^(\d+(?:\.\d+)?)\s*(?:m|metres?|meters?)?$/.exec(text);
  const imperial = /^(\d+(?:\.\d+)?)\s*(?:'|ft|feet)$/.exec(text);
  const metres = metric ? Number(metric[1]) : imperial ? Number(imperial[1]) * FEET_TO_METRES : NaN;
  return metres > 0 && Number.isFinite(metres) ? metres : undefined;
}

/** Parses `building:levels` to a whole number of storeys; `undefined` when absent or not a positive number. */
export function parseLevelsTag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const levels = Number(value.trim().replace(',', '.'));
  return Number.isFinite(levels) && levels >= 1 && levels < 1000 ? Math.round(levels) : undefined;
}

export function buildingHeight(tags: Readonly<Record<string, string>>): BuildingHeight {
  const levels = parseLevelsTag(tags['building:levels']) ?? 0;
  const height = parseHeightTag(tags.height);
  if (height !== undefined) return { heightMeters: height, source: 'osmHeight', levels };
  if (levels > 0) return { heightMeters: roundCentimetres(levels * STOREY_HEIGHT_M), source: 'osmLevels', levels };
  const type = tags.building ?? 'yes';
  const fallback = DEFAULT_HEIGHT_BY_TYPE[type] ?? DEFAULT_HEIGHT_BY_TYPE.yes!;
  return { heightMeters: fallback, source: 'typeDefault', levels };
}

function roundCentimetres(metres: number): number {
  return Math.round(metres * 100) / 100;
}
