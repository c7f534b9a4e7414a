import type { Level } from '../leads/grading';
import {
  addDays,
  addMonths,
  compareLocalDates,
  instantAt,
  type LocalDate,
  localDateOf,
  parseLocalDate,
} from '../shared/local-time';

/**
 * The follow-up cadence: a per-store rule table (DOMAIN §2-3) with the two presets of the seeds.
 * Every function here takes the store's time zone: "every 3 days" means three calendar days later in
 * the store, due at the end of the working day (18:00 by default), whatever UTC says.
 */
export type Interval = { every: number; unit: 'day' | 'week' | 'month' };

export type CadenceRules = {
  /** Contact cadence per level; 'holiday' = holiday care from the holiday calendar. */
  levels: Record<Level, Interval | 'holiday'>;
  /** Call-back after a first visit, phone-in or new lead (DOMAIN §3: within 24 hours). */
  firstContactHours: number;
  /** Owner care after delivery (seed 003): every 2 weeks for 3 months, then every 3 months. */
  ownerCare: { intensive: Interval; intensiveMonths: number; regular: Interval };
  /** With no holiday in the calendar soon, C-level customers are still contacted this often. */
  holidayFallback: Interval;
  /** Local time of day at which a planned follow-up falls due. */
  dueTime: { hour: number; minute: number };
};

const days = (every: number): Interval => ({ every, unit: 'day' });
const weeks = (every: number): Interval => ({ every, unit: 'week' });
const months = (every: number): Interval => ({ every, unit: 'month' });

const COMMON = {
  firstContactHours: 24,
  ownerCare: { intensive: weeks(2), intensiveMonths: 3, regular: months(3) },
  holidayFallback: days(30),
  dueTime: { hour: 18, minute: 0 },
} satisfies Omit<CadenceRules, 'levels'>;

/** Seed 001 (Mercedes-Benz handbook): O every 3 days, H every 2, A daily, B weekly, C holiday care. */
export const PRESET_SEED_001: CadenceRules = {
  levels: { O: days(3), H: days(2), A: days(1), B: weeks(1), C: 'holiday' },
  ...COMMON,
};

/**
 * Seed 003 (Foton forms guide): orders weekly, A every 2 days, B weekly, C every 2 weeks. The seed has
 * no H level; H is contacted at least as often as A.
 */
export const PRESET_SEED_003: CadenceRules = {
  levels: { O: weeks(1), H: days(2), A: days(2), B: weeks(1), C: weeks(2) },
  ...COMMON,
};

export const CADENCE_PRESETS = { seed_001: PRESET_SEED_001, seed_003: PRESET_SEED_003 } as const;

export type Holiday = { date: string; nameZh: string; nameEn: string };

export type PlannedTask = {
  kind: 'first_contact' | 'follow_up' | 'holiday_care' | 'owner_care';
  /** Which rule produced it, for "why is this task here" and for idempotent regeneration. */
  ruleKey: string;
  dueAt: Date;
  holiday?: Holiday;
};

const addInterval = (date: LocalDate, interval: Interval): LocalDate =>
  interval.unit === 'month'
    ? addMonths(date, interval.every)
    : addDays(date, interval.every * (interval.unit === 'week' ? 7 : 1));

const dueOn = (date: LocalDate, rules: CadenceRules, timeZone: string) =>
  instantAt(date, rules.dueTime.hour, rules.dueTime.minute, timeZone);

/** The first call-back: exactly `firstContactHours` after the inquiry, an SLA rather than a calendar day. */
export const planFirstContact = (occurredAt: Date, rules: CadenceRules): PlannedTask => ({
  kind: 'first_contact',
  ruleKey: 'first_contact',
  dueAt: new Date(occurredAt.getTime() + rules.firstContactHours * 3_600_000),
});

/** The next follow-up of an open lead at `level`, counted from its last contact (or its creation). */
export const planNextFollowUp = (input: {
  level: Level;
  lastContactAt: Date;
  rules: CadenceRules;
  timeZone: string;
  holidays?: readonly Holiday[];
}): PlannedTask => {
  const { level, rules, timeZone } = input;
  const from = localDateOf(input.lastContactAt, timeZone);
  const rule = rules.levels[level];
  if (rule !== 'holiday') {
    return {
      kind: 'follow_up',
      ruleKey: `cadence.${level}`,
      dueAt: dueOn(addInterval(from, rule), rules, timeZone),
    };
  }
  // Holiday care: greet the day before the next holiday, unless the fallback interval comes first.
  const fallback = addInterval(from, rules.holidayFallback);
  const next = [...(input.holidays ?? [])]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((holiday) => ({ holiday, eve: addDays(parseLocalDate(holiday.date), -1) }))
    .find(({ eve }) => compareLocalDates(eve, from) > 0);
  if (next && compareLocalDates(next.eve, fallback) <= 0) {
    return {
      kind: 'holiday_care',
      ruleKey: `cadence.${level}.holiday`,
      dueAt: dueOn(next.eve, rules, timeZone),
      holiday: next.holiday,
    };
  }
  return { kind: 'follow_up', ruleKey: `cadence.${level}.fallback`, dueAt: dueOn(fallback, rules, timeZone) };
};

/** `interval` taken `times` times, counted from `date` in one step (no month-end drift). */
const addIntervalTimes = (date: LocalDate, interval: Interval, times: number): LocalDate =>
  addInterval(date, { every: interval.every * times, unit: interval.unit });

/**
 * Owner care after delivery (seed 003): every 2 weeks until 3 months after delivery, then every
 * 3 months. The schedule is anchored on the delivery day (owner cards are filed by licence month), so
 * a late contact does not shift it. Returns the first contact date after `after`.
 */
export const planOwnerCare = (input: {
  deliveredOn: string;
  after: Date;
  rules: CadenceRules;
  timeZone: string;
}): PlannedTask => {
  const { rules, timeZone } = input;
  const { intensive, intensiveMonths, regular } = rules.ownerCare;
  const delivered = parseLocalDate(input.deliveredOn);
  const afterDay = localDateOf(input.after, timeZone);
  const intensiveEnd = addMonths(delivered, intensiveMonths);
  for (let k = 1; ; k++) {
    const date = addIntervalTimes(delivered, intensive, k);
    if (compareLocalDates(date, intensiveEnd) > 0) break;
    if (compareLocalDates(date, afterDay) > 0) {
      return { kind: 'owner_care', ruleKey: 'owner_care.intensive', dueAt: dueOn(date, rules, timeZone) };
    }
  }
  for (let j = 1; ; j++) {
    const date = addIntervalTimes(intensiveEnd, regular, j);
    if (compareLocalDates(date, afterDay) > 0) {
      return { kind: 'owner_care', ruleKey: 'owner_care.regular', dueAt: dueOn(date, rules, timeZone) };
    }
  }
};
