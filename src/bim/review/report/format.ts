/**
 * Numbers, sizes and dates as the report prints them: Vietnamese conventions (1.234,5; 23/11/2026 17:05) in the
 * Vietnamese report, British ones in the English. Times are Vietnam's (GMT+7) whatever the reviewer's machine
 * says, so two copies of one report read the same.
 */
import type { ReportLang } from './types';

const LOCALE: Record<ReportLang, string> = { vi: 'vi-VN', en: 'en-GB' };
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function formatNumber(lang: ReportLang, value: number, fractionDigits = 2): string {
  return new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: 0, maximumFractionDigits: fractionDigits }).format(value);
}

/** A fixed number of decimals (a measured value next to its limit reads better aligned). */
export function formatFixed(lang: ReportLang, value: number, fractionDigits: number): string {
  return new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}

export function formatPercent(lang: ReportLang, ratio: number): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ratio);
}

/** "2.571.087 byte (2,45 MB)": the exact count identifies the file, the rounded one reads. */
export function formatBytes(lang: ReportLang, bytes: number): string {
  const unit = lang === 'vi' ? 'byte' : 'bytes';
  const exact = `${formatNumber(lang, bytes, 0)} ${unit}`;
  if (bytes < 1024) return exact;
  const [value, suffix] = bytes < 1024 ** 2 ? [bytes / 1024, 'KB'] : [bytes / 1024 ** 2, 'MB'];
  return `${exact} (${formatFixed(lang, value, 2)} ${suffix})`;
}

/** "23/11/2026 17:05" in Vietnam's time; the text as given when it is not a date. */
export function formatDateTime(lang: ReportLang, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat(LOCALE[lang], {
      day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE,
    }).formatToParts(date).map((part) => [part.type, part.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** The zone the report's times are in, named once in its footer. */
export const TIME_ZONE_LABEL = 'GMT+7';
