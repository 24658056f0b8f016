import { VN2000_PROVINCES } from './vn2000Provinces';
import type { Vn2000Province } from './types';

/** Hà Nội's TM-3 zone, VN-2000 / TM-3 zone 482 (central meridian 105°00′). */
export const HANOI_TM3_CRS = 'EPSG:5897';

/**
 * Names the source table does not use: official spellings where it differs, common short names, and Hà Tây,
 * merged into Hà Nội in 2008 and on the same zone (EPSG:5897's area of use still names it).
 */
const ALIASES: Readonly<Record<string, string>> = {
  'Bắc Kạn': 'Bắc Cạn',
  'Hà Tây': 'TP Hà Nội',
  'Đắk Nông': 'Đắc Nông',
  Huế: 'Thừa Thiên Huế',
  HCM: 'TP Hồ Chí Minh',
  HCMC: 'TP Hồ Chí Minh',
  TPHCM: 'TP Hồ Chí Minh',
  'Sài Gòn': 'TP Hồ Chí Minh',
};

/**
 * A comparison key: no diacritics (đ → d), no case, no punctuation or spaces, no leading "Thành phố", "TP" or
 * "Tỉnh". 'Thành phố Hà Nội', 'TP. Hà Nội', 'Ha Noi' and 'Hanoi' all give 'hanoi'.
 */
function provinceKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^(thanh pho|tp|tinh) /, '')
    .replace(/ /g, '');
}

const BY_KEY: ReadonlyMap<string, Vn2000Province> = (() => {
  const byKey = new Map(VN2000_PROVINCES.map((province) => [provinceKey(province.name), province]));
  for (const [alias, name] of Object.entries(ALIASES)) {
    const province = byKey.get(provinceKey(name));
    if (province) byKey.set(provinceKey(alias), province);
  }
  return byKey;
})();

/**
 * The TM-3 zone of a province, by a name as people write it: with or without diacritics and the "TP" /
 * "Thành phố" / "Tỉnh" prefix ('TP Hà Nội', 'Thành phố Hà Nội', 'Hà Nội', 'Ha Noi' → EPSG:5897).
 * Undefined when the name matches none of the 63 provinces.
 */
export function tm3ZoneForProvince(name: string): Vn2000Province | undefined {
  return BY_KEY.get(provinceKey(name));
}
