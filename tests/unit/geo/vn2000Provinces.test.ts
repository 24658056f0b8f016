import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getCrs, HANOI_TM3_CRS, tm3ZoneForProvince, VN2000_PROVINCES } from '../../../src/geo/index';

/** shared/data/crs/vn2000_tm3_province_central_meridians.csv: province, meridian, …, epsg_code, proj4. */
function sharedTable(): { province: string; centralMeridian: number; crs: string }[] {
  const file = new URL('../../../../shared/data/crs/vn2000_tm3_province_central_meridians.csv', import.meta.url);
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [province = '', meridian, , , , epsg = ''] = line.split(',');
      return { province, centralMeridian: Number(meridian), crs: epsg.split(' ')[0]! };
    });
}

describe('VN-2000 TM-3 zone by province', () => {
  it('holds the 63 provinces of the shared table, each on a zone whose meridian matches', () => {
    const table = sharedTable();
    expect(table).toHaveLength(63);
    expect(VN2000_PROVINCES).toHaveLength(63);
    for (const { province, centralMeridian, crs } of table) {
      expect(tm3ZoneForProvince(province)).toEqual({ name: province, centralMeridian, crs });
      const zone = getCrs(crs);
      expect(zone.kind === 'projected' && zone.projection.centralMeridian).toBe(centralMeridian);
    }
  });

  it('finds Hà Nội however it is written', () => {
    const spellings = ['TP Hà Nội', 'Thành phố Hà Nội', 'Hà Nội', 'Ha Noi', 'HANOI', 'TP. Hà Nội', 'tp.ha noi'];
    for (const name of spellings) expect(tm3ZoneForProvince(name)?.crs).toBe('EPSG:5897');
    expect(HANOI_TM3_CRS).toBe('EPSG:5897');
  });

  it('matches the zones the notes give, with or without prefixes, tone marks and hyphens', () => {
    expect(tm3ZoneForProvince('Hải Phòng')?.crs).toBe('EPSG:9210');
    expect(tm3ZoneForProvince('Thành phố Hồ Chí Minh')?.crs).toBe('EPSG:9210');
    expect(tm3ZoneForProvince('TP.HCM')?.crs).toBe('EPSG:9210');
    expect(tm3ZoneForProvince('Da Nang')?.crs).toBe('EPSG:5899');
    expect(tm3ZoneForProvince('Tỉnh Bà Rịa - Vũng Tàu')?.crs).toBe('EPSG:5899');
    expect(tm3ZoneForProvince('Hòa Bình')?.name).toBe('Hoà Bình');
    expect(tm3ZoneForProvince('Thừa Thiên - Huế')?.crs).toBe('EPSG:9214');
    expect(tm3ZoneForProvince('Bắc Kạn')?.name).toBe('Bắc Cạn');
    expect(tm3ZoneForProvince('Đắk Nông')?.name).toBe('Đắc Nông');
    expect(tm3ZoneForProvince('Thanh Hóa')?.crs).toBe('EPSG:5897');
    expect(tm3ZoneForProvince('Hà Tây')?.name).toBe('TP Hà Nội');
  });

  it('returns undefined for a name that is no province', () => {
    for (const name of ['', 'Paris', 'TP', 'Thành phố', 'Hà']) expect(tm3ZoneForProvince(name)).toBeUndefined();
  });
});
