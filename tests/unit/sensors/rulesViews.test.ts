/** What the operators' sensor views compute: units in Vietnamese, the chart's window and decimation, observed rain. */
import { describe, expect, it } from 'vitest';
import { lowerBound, niceTicks, seriesPath, timeTicks, valueRange } from '../../../src/sensors/ui/chartGeometry';
import { observedRain } from '../../../src/sensors/ui/observedRain';
import { formatValue, unitName, unitSymbol } from '../../../src/sensors/ui/unitLabels';
import { parseHyetographCsv } from '../../../src/sim/flood/rain';

describe('units', () => {
  it('reads UCUM codes in Vietnamese first', () => {
    expect(unitName('m', 'vi')).toBe('mét');
    expect(unitSymbol('mm/h', 'vi')).toBe('mm/giờ');
    expect(unitSymbol('mm/h', 'en')).toBe('mm/h');
    expect(unitSymbol('ug/m3', 'vi')).toBe('µg/m³');
    expect(unitSymbol('{vehicle}/h', 'vi')).toBe('xe/giờ');
    expect(unitSymbol('furlong', 'vi')).toBe('furlong');
  });

  it('formats values with the language’s decimal mark', () => {
    expect(formatValue(0.4249, 'm', 'vi')).toBe('0,42 m');
    expect(formatValue(0.4249, 'm', 'en')).toBe('0.42 m');
    expect(formatValue(62.34, 'mm/h', 'vi')).toBe('62,3 mm/giờ');
    expect(formatValue(151.6, 'ug/m3', 'vi')).toBe('152 µg/m³');
    expect(formatValue(Number.NaN, 'm', 'vi')).toBe('—');
  });
});

describe('chart geometry', () => {
  const hour = 3_600_000;
  const times = Float64Array.from({ length: 7201 }, (_, k) => k * 1000);
  const values = Float64Array.from(times, (t) => Math.sin(t / 60_000));
  values[5000] = 9; // one spike

  it('finds the window by binary search', () => {
    expect(lowerBound(times, 1500)).toBe(2);
    expect(lowerBound(times, -5)).toBe(0);
    expect(lowerBound(times, 1e12)).toBe(times.length);
  });

  it('keeps the spike when an hour of 1 s values is reduced to pixel columns', () => {
    const [min, max] = valueRange({ times, values }, hour, 2 * hour);
    expect(max).toBeGreaterThan(9);
    expect(min).toBeLessThan(-1);
    const frame = { from: hour, to: 2 * hour, width: 300, height: 100, min, max };
    const path = seriesPath({ times, values }, frame);
    const points = path.split(/[ML]/).filter(Boolean).map((p) => p.split(',').map(Number) as [number, number]);
    expect(points.length).toBeLessThanOrEqual(4 * 301 + 4);
    expect(points.length).toBeGreaterThan(300);
    const top = Math.min(...points.map(([, y]) => y));
    expect(top).toBeCloseTo(100 - ((9 - min) / (max - min)) * 100, 0);
    expect(points.every(([x], k) => k === 0 || x >= points[k - 1]![0])).toBe(true);
  });

  it('draws every point when zoomed in, and includes a threshold in the value range', () => {
    const frame = { from: 0, to: 10_000, width: 300, height: 100, min: 0, max: 1 };
    expect(seriesPath({ times, values }, frame).split('L')).toHaveLength(12);
    expect(valueRange({ times, values }, 0, 10_000, [0.3])[0]).toBeLessThan(0);
    expect(valueRange({ times: [], values: [] }, 0, 1)).toEqual([0, 1]);
  });

  it('ticks at round values and round clock times', () => {
    expect(niceTicks(0.03, 0.47, 5)).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(timeTicks(0, hour, 6, 0)).toEqual([0, 10, 20, 30, 40, 50, 60].map((m) => m * 60_000));
    expect(timeTicks(7 * 60_000, hour, 4, 0)).toEqual([15, 30, 45, 60].map((m) => m * 60_000));
  });
});

describe('observed rain for a flood scenario', () => {
  it('averages the gauges on the densest gauge’s steps, in the flood panel’s CSV format', () => {
    const t0 = Date.UTC(2025, 8, 20, 14);
    const minute = 60_000;
    const rain = observedRain([
      { times: [t0, t0 + minute, t0 + 2 * minute], values: [10, 60, 30] },
      { times: [t0 + minute], values: [80] },
    ])!;
    expect(rain.csv).toBe('seconds,mm/h\n0,10\n60,70\n120,55\n');
    expect(rain.peakMmPerHour).toBe(70);
    expect(rain.spanSeconds).toBe(120);
    expect(parseHyetographCsv(rain.csv, 'rain')).toEqual([[0, 10], [60, 70], [120, 55]]);
    expect(observedRain([{ times: [], values: [] }])).toBeNull();
  });
});
