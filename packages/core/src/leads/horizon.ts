/**
 * Purchase horizon (购车时间, seed 000): five tiers, and hot / warm / cold. Hot leads are worked to a
 * sale; warm and cold ones are nurtured until they become "within 1 month".
 */
export const HORIZONS = ['m1', 'm2_3', 'm4_6', 'm7_12', 'm12_plus'] as const;
export type Horizon = (typeof HORIZONS)[number];
export type Temperature = 'hot' | 'warm' | 'cold';

export const isHorizon = (value: string): value is Horizon => (HORIZONS as readonly string[]).includes(value);

/** Months until purchase -> tier. Zero or less (buying now) is "within 1 month". */
export const horizonFromMonths = (months: number): Horizon => {
  if (months <= 1) return 'm1';
  if (months <= 3) return 'm2_3';
  if (months <= 6) return 'm4_6';
  if (months <= 12) return 'm7_12';
  return 'm12_plus';
};

/** Hot = 3 months or less, warm = 4-6, cold = over 6. */
export const temperatureOf = (horizon: Horizon): Temperature =>
  horizon === 'm1' || horizon === 'm2_3' ? 'hot' : horizon === 'm4_6' ? 'warm' : 'cold';

const MONTH_MS = 30.4375 * 24 * 3600 * 1000;

/** From a planned purchase date, seen from `now`: whole months, rounded up. */
export const horizonFromDate = (purchaseBy: Date, now: Date): Horizon =>
  horizonFromMonths(Math.ceil((purchaseBy.getTime() - now.getTime()) / MONTH_MS));

/**
 * ADF `<timeframe>`: `<description>` (free text such as "within 1 month", "3-6 months", "1 年内",
 * "just looking") and/or `<earliestdate>` / `<latestdate>`. The latest date wins when given, since
 * it bounds the purchase; then the earliest; then the description. Unknown: undefined.
 */
export const horizonFromAdfTimeframe = (
  timeframe: {
    description?: string | undefined;
    earliestDate?: Date | undefined;
    latestDate?: Date | undefined;
  },
  now: Date,
): Horizon | undefined => {
  if (timeframe.latestDate) return horizonFromDate(timeframe.latestDate, now);
  if (timeframe.earliestDate) return horizonFromDate(timeframe.earliestDate, now);
  const text = timeframe.description?.toLowerCase().trim();
  if (!text) return undefined;
  if (/just looking|no (plan|date)|undecided|不确定|随便看看/.test(text)) return 'm12_plus';
  if (/immediate|now|asap|this week|today|马上|立即|本周/.test(text)) return 'm1';
  const year = /(\d+(?:\.\d+)?)\s*(?:\+\s*)?(?:years?|yrs?|年)/.exec(text);
  const months = [...text.matchAll(/(\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
  if (year) return horizonFromMonths(Number(year[1]) * 12 + (/\+|over|more than|以上/.test(text) ? 1 : 0));
  if (/weeks?|周/.test(text) && months.length > 0) return horizonFromMonths(Math.max(...months) / 4.345);
  if (months.length > 0) {
    const upper = Math.max(...months);
    return horizonFromMonths(/\+|over|more than|以上|后/.test(text) ? upper + 1 : upper);
  }
  return undefined;
};
