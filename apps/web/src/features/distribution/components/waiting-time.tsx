import type { TFunction } from 'i18next';

/** Minutes of opening hours as people say them: 45 分钟, 2 小时 10 分. */
export const waitingText = (minutes: number, t: TFunction): string => {
  if (minutes < 60) return t('distribution.age.minutes', { count: minutes });
  return t('distribution.age.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
};
