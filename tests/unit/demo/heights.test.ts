import { describe, expect, it } from 'vitest';
import { buildingHeight, DEFAULT_HEIGHT_BY_TYPE, parseHeightTag, parseLevelsTag } from '../../../scripts/build-demo/heights';

describe('building heights', () => {
  it.each([
    ['12', 12],
    ['12 m', 12],
    ['12.5m', 12.5],
    ['12,5', 12.5],
    [' 30 metres ', 30],
    ["40'", 12.192],
    ['40 ft', 12.192],
  ])('reads height=%j as %d m', (tag, metres) => {
    expect(parseHeightTag(tag)).toBeCloseTo(metres, 6);
  });

  it.each(['', 'tall', '-3', '0', '12 storeys'])('ignores height=%j', (tag) => {
    expect(parseHeightTag(tag)).toBeUndefined();
  });

  it('reads building:levels as whole storeys', () => {
    expect(parseLevelsTag('5')).toBe(5);
    expect(parseLevelsTag('2.5')).toBe(3);
    expect(parseLevelsTag('0')).toBeUndefined();
    expect(parseLevelsTag('many')).toBeUndefined();
  });

  it('prefers height, then levels × 3.3 m, then the type default', () => {
    expect(buildingHeight({ building: 'yes', height: '27', 'building:levels': '5' })).toEqual({ heightMeters: 27, source: 'osmHeight', levels: 5 });
    expect(buildingHeight({ building: 'university', 'building:levels': '7' })).toEqual({ heightMeters: 23.1, source: 'osmLevels', levels: 7 });
    expect(buildingHeight({ building: 'dormitory', height: 'unknown' })).toEqual({ heightMeters: 18, source: 'typeDefault', levels: 0 });
    expect(buildingHeight({ building: 'castle' })).toEqual({ heightMeters: DEFAULT_HEIGHT_BY_TYPE.yes, source: 'typeDefault', levels: 0 });
  });
});
