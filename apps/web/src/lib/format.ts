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

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per language and time zone, kept: building an Intl.DateTimeFormat costs about a
 * millisecond, and a 50-row list shows two dates a row on every render. Null for a zone this browser
 * does not know.
 */
const formatterOf = (language: Language, timeZone: string | undefined): Intl.DateTimeFormat | null => {
  const key = `${language} ${timeZone ?? ''}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat(language, { ...DATE_TIME, timeZone });
    } catch {
      return null;
    }
    formatters.set(key, formatter);
  }
  return formatter;
};

/** A UTC timestamp from the API, shown in the store's time zone (DOMAIN: times are stored in UTC). */
export const formatDateTime = (iso: string | null, timeZone: string, language: Language): string | null => {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  // A time zone this browser does not know: better the local time than nothing.
  const formatter = formatterOf(language, timeZone) ?? formatterOf(language, undefined);
  return formatter ? formatter.format(date) : null;
};
