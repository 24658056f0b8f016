/**
 * The FIWARE smart data models Sao reads (smart-data-models: dataModel.Environment WaterObserved and
 * AirQualityObserved, dataModel.Weather WeatherObserved, dataModel.Transportation TrafficFlowObserved): which
 * numeric attribute is which kind of datastream, and its unit when the entity states no `unitCode` (the units the
 * models' specifications document).
 */
import type { SensorKind } from '../../types';

export interface ModelAttribute {
  kind: SensorKind;
  /** UCUM code of the model's documented unit. */
  ucum: string;
}

export type SmartDataModel = 'WaterObserved' | 'AirQualityObserved' | 'WeatherObserved' | 'TrafficFlowObserved';

const weather = (ucum: string): ModelAttribute => ({ kind: 'weather', ucum });
const air = (ucum: string): ModelAttribute => ({ kind: 'airQuality', ucum });
const traffic = (ucum: string): ModelAttribute => ({ kind: 'trafficFlow', ucum });

export const SMART_DATA_MODELS: Readonly<Record<SmartDataModel, Readonly<Record<string, ModelAttribute>>>> = {
  // WaterObserved: height "Height of the water level … Units: meters", flow in m³/s.
  WaterObserved: { height: { kind: 'waterLevel', ucum: 'm' }, flow: { kind: 'other', ucum: 'm3/s' }, temperature: { kind: 'other', ucum: 'Cel' } },
  // AirQualityObserved: gas and particle concentrations in µg/m³ (CO in mg/m³), relative humidity as a fraction 0–1.
  AirQualityObserved: {
    pm25: { kind: 'pm25', ucum: 'ug/m3' },
    pm10: air('ug/m3'),
    no2: air('ug/m3'),
    o3: air('ug/m3'),
    so2: air('ug/m3'),
    co: air('mg/m3'),
    airQualityIndex: air('{AQI}'),
    temperature: weather('Cel'),
    relativeHumidity: weather('1'),
  },
  // WeatherObserved: precipitation in litres per m² (= mm), wind in m/s, pressure in hPa, humidity 0–1.
  WeatherObserved: {
    precipitation: { kind: 'rainfall', ucum: 'mm' },
    temperature: weather('Cel'),
    relativeHumidity: weather('1'),
    windSpeed: weather('m/s'),
    windDirection: weather('deg'),
    atmosphericPressure: weather('hPa'),
  },
  // TrafficFlowObserved: intensity = vehicles counted over [dateObservedFrom, dateObservedTo]; speed in km/h;
  // occupancy a fraction 0–1.
  TrafficFlowObserved: { intensity: traffic('{vehicle}'), averageVehicleSpeed: traffic('km/h'), occupancy: traffic('1') },
};

/** The model of an entity type, compacted (`WaterObserved`) or expanded (`https://…/WaterObserved`). */
export function modelOf(type: string): SmartDataModel | null {
  const short = type.slice(Math.max(type.lastIndexOf('/'), type.lastIndexOf('#'), type.lastIndexOf(':')) + 1);
  return short in SMART_DATA_MODELS ? (short as SmartDataModel) : null;
}
