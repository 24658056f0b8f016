/**
 * `npm run build:sensors` — writes the embedded sensor replay (assets/demo/sensors) from the shared data folder:
 * - pm25-hanoi.json: the US Embassy Hà Nội hourly PM2.5 AQI (AirNow, public domain), one value per hour, null for
 *   hours AirNow marks Missing/Invalid, gives as "NA" or leaves out; an hour written twice (three US daylight-saving
 *   dates) keeps the later row;
 * - gauges.json: the demo district's simulated rain and water-level gauges (positions below, chosen by hand);
 * - storm-mqtt-mapping.json: the plain-MQTT mapping config for what `npm run sensors:sim` publishes.
 * Deterministic: a rebuild gives the same bytes.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { DemoGauge, DemoGaugeFile } from '../../src/sensors/replay/demoGauges';
import type { Pm25SeriesFile } from '../../src/sensors/replay/pm25Series';
import { stormMqttMapping } from './stormTopics';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const HOUR_MS = 3_600_000;

export function pm25File(csv: string): Pm25SeriesFile {
  const rows = csv.trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
  const readings = rows.map((f) => ({ time: Date.parse(f[2]!), aqi: Number(f[8]), valid: f[11] === 'Valid' && Number(f[8]) >= 0 }));
  const start = readings[0]!.time;
  const hours = Math.round((readings[readings.length - 1]!.time - start) / HOUR_MS) + 1;
  const aqi = new Array<number | null>(hours).fill(null);
  for (const r of readings) if (r.valid) aqi[Math.round((r.time - start) / HOUR_MS)] = r.aqi;
  return {
    attribution: 'AirNow, U.S. Embassy Hà Nội PM2.5 monitor (public domain)',
    // The monitor stands at the embassy compound, Láng Hạ, Ba Đình (approximate position).
    station: { name: 'ĐSQ Hoa Kỳ (Láng Hạ)', location: [105.819, 21.0218], area: 'Ba Đình' },
    start: new Date(start).toISOString(),
    intervalSeconds: 3600,
    aqi,
  };
}

const rain = (id: string, name: string, location: [number, number], rainFactor: number, lagMinutes: number): DemoGauge => ({
  id, kind: 'rainfall', name, location, area: 'Dịch Vọng Hậu', rainFactor, lagMinutes,
  rainGauge: null, riseMetresPerHourPerMmH: 0, drainMinutes: 0, drainageMmPerHour: 0,
});
const level = (id: string, name: string, location: [number, number], rainGauge: string, rise: number, drainMinutes: number, drainage: number): DemoGauge => ({
  id, kind: 'waterLevel', name, location, area: 'Dịch Vọng Hậu', rainFactor: 0, lagMinutes: 0,
  rainGauge, riseMetresPerHourPerMmH: rise, drainMinutes, drainageMmPerHour: drainage,
});

/**
 * Rain gauges on roofs across the campus, water-level gauges at the street low points of the flood scenario
 * (its gauges G1–G4, converted from EPSG:5897) and on Phan Văn Trường. All in phường Dịch Vọng Hậu (wards before
 * July 2025; approximate). Responses are tuned so the lanes pond past 0.3 m and the main road does not.
 */
export const DEMO_GAUGES: DemoGauge[] = [
  rain('RG-01', 'Trạm mưa Nhà điều hành ĐHQG', [105.781656, 21.037708], 0.95, 0),
  rain('RG-02', 'Trạm mưa Nhà Hiệu bộ ĐHQG', [105.783361, 21.037462], 1.0, 1),
  rain('RG-03', 'Trạm mưa THPT Chuyên Ngoại ngữ', [105.783058, 21.040227], 1.08, 2),
  rain('RG-04', 'Trạm mưa TH Nguyễn Tất Thành', [105.78512, 21.038689], 1.15, 3),
  level('WL-01', 'Mực nước Đường Xuân Thủy', [105.781103, 21.036817], 'RG-01', 0.0045, 25, 40),
  level('WL-02', 'Mực nước Ngõ 130 Xuân Thủy', [105.78532, 21.037548], 'RG-04', 0.008, 35, 30),
  level('WL-03', 'Mực nước Ngõ 199 Trần Quốc Hoàn', [105.784052, 21.041169], 'RG-03', 0.0075, 40, 30),
  level('WL-04', 'Mực nước Ngõ 243 Trần Quốc Hoàn', [105.782138, 21.041286], 'RG-03', 0.006, 30, 35),
  level('WL-05', 'Mực nước Phố Phan Văn Trường', [105.786125, 21.040316], 'RG-04', 0.0085, 30, 30),
];

export function gaugesFile(): DemoGaugeFile {
  return { attribution: 'Sao demo: simulated gauges, storm of TCVN 7957:2008 form (illustrative)', gauges: DEMO_GAUGES };
}

function main(): void {
  const { values } = parseArgs({ options: { out: { type: 'string' }, data: { type: 'string' } } });
  const outDir = resolve(values.out ?? resolve(repoRoot, 'assets/demo/sensors'));
  const dataDir = resolve(values.data ?? process.env.SAO_SHARED_DATA ?? resolve(repoRoot, '../shared/data'));
  const csv = readFileSync(resolve(dataDir, 'sensors/hanoi-usembassy-pm25/hanoi_pm25_aqi_hourly.csv'), 'utf8');
  mkdirSync(outDir, { recursive: true });
  const files: [string, unknown][] = [
    ['pm25-hanoi.json', pm25File(csv)],
    ['gauges.json', gaugesFile()],
    ['storm-mqtt-mapping.json', stormMqttMapping(DEMO_GAUGES)],
  ];
  for (const [name, json] of files) {
    const text = `${JSON.stringify(json, null, name === 'pm25-hanoi.json' ? 0 : 2)}\n`;
    writeFileSync(resolve(outDir, name), text);
    console.log(`${String(text.length).padStart(9)}  ${name}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
