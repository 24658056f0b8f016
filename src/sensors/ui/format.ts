import type { Lang } from '../../app/i18n';

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const dateTimes = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, withDate: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withDate}`;
  let format = dateTimes.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], withDate
      ? { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }
      : { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
    dateTimes.set(key, format);
  }
  return format;
}

/** `14:05:32 20/09/2025` style, in the browser's time zone. */
export const formatDateTime = (ms: number, lang: Lang): string => formatter(lang, true).format(ms);

/** `14:05:32`: for times of today in lists and chart ticks. */
export const formatClock = (ms: number, lang: Lang): string => formatter(lang, false).format(ms);
