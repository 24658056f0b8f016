import type { Lang } from '../../../../app/i18n';

/** A record's ISO time as the interface language writes a date and time (seconds: the audit log orders by them). */
export function formatTime(lang: Lang, iso: string): string {
  return new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' });
}
