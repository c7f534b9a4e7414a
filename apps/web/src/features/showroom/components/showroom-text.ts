import type { TFunction } from 'i18next';
import { isApiError } from '@/lib/api-client';
import { describeApiError } from '@/lib/describe-api-error';
import type { Language } from '@/lib/i18n/language';

/**
 * The desk's server messages (apps/server/src/showroom, core/showroom/visits.ts), in the user's
 * language; anything else is worded by the app's general error text.
 */
const SERVER_MESSAGES: ReadonlyArray<readonly [RegExp, (t: TFunction) => string]> = [
  [/^This is not a phone number we can call/, (t) => t('showroom.errors.phone')],
  [/^Choose an active consultant of this store/, (t) => t('showroom.errors.consultant')],
  [/^Choose the consultant who receives them/, (t) => t('showroom.errors.consultantRequired')],
  [/^Choose a series this store sells/, (t) => t('showroom.errors.series')],
  [/^Choose an active source of this store/, (t) => t('showroom.errors.source')],
  [/^This store has no active source/, (t) => t('showroom.errors.noDefaultSource')],
  [/^The arrival time cannot be in the future/, (t) => t('showroom.errors.arrivalInFuture')],
  [/^The time out cannot be before the arrival/, (t) => t('showroom.errors.leftBeforeArrival')],
  [/^The time out cannot be in the future/, (t) => t('showroom.errors.leftInFuture')],
  [/^A phone-in has no time out/, (t) => t('showroom.errors.phoneInNoTimeOut')],
  [/^This visitor has already been marked as left/, (t) => t('showroom.errors.alreadyLeft')],
  [/^A party of \d+ to \d+ people/, (t) => t('showroom.errors.partySize')],
  [/^Someone else changed this visit/, (t) => t('showroom.errors.stale')],
];

export const showroomMessage = (message: string, t: TFunction): string | undefined =>
  SERVER_MESSAGES.find(([pattern]) => pattern.test(message))?.[1](t);

/** One sentence for a failed desk action. */
export const describeShowroomError = (error: unknown, t: TFunction): string => {
  if (isApiError(error)) {
    const own =
      showroomMessage(error.message, t) ??
      Object.values(error.fields ?? {})
        .map((message) => showroomMessage(message, t))
        .find((message) => message !== undefined);
    if (own) return own;
  }
  return describeApiError(error, t);
};

/** Field messages of a 422, translated, keyed by form field; fields the form does not have are left out. */
export const fieldErrorsOf = (
  error: unknown,
  t: TFunction,
  fieldNames: readonly string[],
): { name: string; errors: string[] }[] => {
  if (!isApiError(error) || !error.fields) return [];
  return Object.entries(error.fields)
    .map(([serverName, message]) => ({
      name: serverName.split('.')[0] ?? serverName,
      errors: [showroomMessage(message, t) ?? message],
    }))
    .filter(({ name }) => fieldNames.includes(name));
};

/** 09:30 in the store's time zone. */
export const formatClock = (iso: string | null, timeZone: string, language: Language): string => {
  if (!iso) return '';
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  try {
    return new Intl.DateTimeFormat(language, { ...options, timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(language, options).format(new Date(iso));
  }
};

/** "35 分钟" / "1 小时 05 分": how long someone has stayed. */
export const formatStay = (minutes: number, t: TFunction): string =>
  minutes < 60
    ? t('showroom.stay.minutes', { count: minutes })
    : t('showroom.stay.hours', {
        hours: Math.floor(minutes / 60),
        minutes: String(minutes % 60).padStart(2, '0'),
      });

/** Whole minutes from an arrival until now (the browser's clock), never negative. */
export const minutesSince = (iso: string, now: Date): number =>
  Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 60_000));

/** A source's name in the user's language. */
export const sourceName = (source: { nameZh: string; nameEn: string }, language: Language): string =>
  language === 'zh-CN' ? source.nameZh : source.nameEn;

/** A series' name in the user's language (Chinese names are brand names: kept when there is no English). */
export const seriesName = (series: { name: string; nameEn: string | null }, language: Language): string =>
  language === 'en' ? (series.nameEn ?? series.name) : series.name;
