import { describe, expect, it } from 'vitest';
import { formatDms, formatLonLat, formatProjected } from '../../../src/geo/index';

describe('status-bar formatting', () => {
  it('writes longitude first, 6 decimals, with a point whatever the locale', () => {
    expect(formatLonLat(105.8523, 21.0285)).toBe('105.852300, 21.028500');
    expect(formatLonLat(-0.0000004, -33.5)).toBe('-0.000000, -33.500000');
  });

  it('adds degrees, minutes and seconds on request', () => {
    expect(formatLonLat(105.8523, 21.0285, { dms: true })).toBe(
      '105.852300, 21.028500 (105°51′08.28″ E, 21°01′42.60″ N)',
    );
    expect(formatDms(-70.5, 'E', 'W')).toBe('70°30′00.00″ W');
    expect(formatDms(-0.000001, 'N', 'S')).toBe('0°00′00.00″ N');
  });

  it('carries 59.999″ into the next minute and degree', () => {
    expect(formatDms(105 + 59 / 60 + 59.999 / 3600, 'E', 'W')).toBe('106°00′00.00″ E');
  });

  it('writes grid coordinates in metres to 3 decimals, labelled E and N', () => {
    expect(formatProjected(510437.3397, 2326112.1214)).toBe('E 510437.340 m, N 2326112.121 m');
  });

  it('shows a dash for a point with no value', () => {
    expect(formatLonLat(Number.NaN, 21)).toBe('—');
    expect(formatProjected(500000, Number.POSITIVE_INFINITY)).toBe('—');
    expect(formatDms(Number.NaN, 'E', 'W')).toBe('—');
  });
});
