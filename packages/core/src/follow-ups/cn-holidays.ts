import type { Holiday } from './cadence';

/**
 * China's public holidays (法定节假日) by year, for the holiday calendar that drives holiday care
 * (节日关怀): the day of each festival, not the whole leave period or the make-up working days. Lunar
 * festivals move every year, so each year is listed as the State Council published it.
 */
const names = {
  newYear: { nameZh: '元旦', nameEn: "New Year's Day" },
  springFestival: { nameZh: '春节', nameEn: 'Spring Festival' },
  qingming: { nameZh: '清明节', nameEn: 'Qingming Festival' },
  labourDay: { nameZh: '劳动节', nameEn: 'Labour Day' },
  dragonBoat: { nameZh: '端午节', nameEn: 'Dragon Boat Festival' },
  midAutumn: { nameZh: '中秋节', nameEn: 'Mid-Autumn Festival' },
  nationalDay: { nameZh: '国庆节', nameEn: 'National Day' },
} as const;

type Festival = keyof typeof names;

const YEARS: Record<number, Record<Festival, string>> = {
  2026: {
    newYear: '2026-01-01',
    springFestival: '2026-02-17',
    qingming: '2026-04-05',
    labourDay: '2026-05-01',
    dragonBoat: '2026-06-19',
    midAutumn: '2026-09-25',
    nationalDay: '2026-10-01',
  },
  2027: {
    newYear: '2027-01-01',
    springFestival: '2027-02-06',
    qingming: '2027-04-05',
    labourDay: '2027-05-01',
    dragonBoat: '2027-06-09',
    midAutumn: '2027-09-15',
    nationalDay: '2027-10-01',
  },
};

/** The years this table knows. */
export const CN_HOLIDAY_YEARS: readonly number[] = Object.keys(YEARS).map(Number);

/** The seven public holidays of a year in date order, or undefined for a year the table does not know. */
export const cnPublicHolidays = (year: number): Holiday[] | undefined => {
  const dates = YEARS[year];
  if (!dates) return undefined;
  return (Object.keys(names) as Festival[])
    .map((festival) => ({ date: dates[festival], ...names[festival] }))
    .sort((a, b) => a.date.localeCompare(b.date));
};
