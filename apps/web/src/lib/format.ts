import type { Language } from './i18n/language';

/** Compact enough for a table cell: 2026/11/26 09:30 in Chinese, 11/26/2026, 09:30 in English. */
const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/** A UTC timestamp from the API, shown in the store's time zone (DOMAIN: times are stored in UTC). */
export const formatDateTime = (iso: string | null, timeZone: string, language: Language): string | null => {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  try {
    return new Intl.DateTimeFormat(language, { ...DATE_TIME, timeZone }).format(date);
  } catch {
    // A time zone this browser does not know: better the local time than nothing.
    return new Intl.DateTimeFormat(language, DATE_TIME).format(date);
  }
};
