/**
 * What a datastream measures, guessed from its observed property and unit when the source does not say it in Sao's
 * terms (SensorThings and plain MQTT leave it to the publisher's wording; NGSI-LD models say it by attribute).
 */
import type { SensorKind } from './types';

const KIND_WORDS: readonly [SensorKind, RegExp][] = [
  ['pm25', /pm\s*2[._,]?5/i],
  ['waterLevel', /water\s*level|water\s*height|gauge\s*height|stage|mực\s*nước|muc\s*nuoc/i],
  ['rainfall', /rain|precipitation|lượng\s*mưa|mưa/i],
  ['trafficFlow', /traffic|vehicle|intensity|lưu\s*lượng\s*xe/i],
  ['airQuality', /air\s*quality|aqi|pm\s*10|no2|nitrogen|ozone|o3|so2|co2?\b/i],
  ['weather', /temperature|humidity|wind|pressure|nhiệt\s*độ|độ\s*ẩm/i],
];

export function kindOf(text: string, ucum: string): SensorKind {
  for (const [kind, words] of KIND_WORDS) if (words.test(text)) return kind;
  if (ucum === 'mm/h') return 'rainfall';
  if (ucum === 'ug/m3') return 'airQuality';
  return 'other';
}

export const SENSOR_KINDS: readonly SensorKind[] = ['waterLevel', 'rainfall', 'pm25', 'airQuality', 'weather', 'trafficFlow', 'other'];
