import type { Lang } from '../../app/i18n';

const UNITS = ['B', 'kB', 'MB', 'GB'] as const;

/** A file size the way a file manager writes it (decimal units, 3 significant digits), in the interface language. */
export function formatBytes(lang: Lang, bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits })} ${UNITS[unit]}`;
}
