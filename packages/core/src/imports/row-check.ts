import { normalisePhone } from '../customers/phone';
import { type Horizon, horizonFromAdfTimeframe, horizonFromDate, isHorizon } from '../leads/horizon';
import { instantAt } from '../shared/local-time';
import type { FieldColumns } from './column-mapping';
import type { ImportField, ImportProblem } from './fields';

/**
 * One row of an import file, checked against the store's staff, sources and catalog: the values a lead
 * would be captured with, and every problem that keeps the row out (issue 3: bad phone, unknown
 * consultant, duplicate within the file...). Pure: the caller passes the lookups, "now" and the zone.
 */
export type Level = 'O' | 'H' | 'A' | 'B' | 'C';

export type RowValues = {
  name?: string;
  phoneE164?: string;
  phoneRaw?: string;
  sourceId?: string;
  sourceName?: string;
  ownerId?: string;
  ownerName?: string;
  seriesId?: string;
  seriesName?: string;
  level?: Level;
  horizon?: Horizon;
  gender?: 'male' | 'female';
  region?: string;
  address?: string;
  occupation?: string;
  company?: string;
  currentCar?: string;
  budgetMin?: number;
  budgetMax?: number;
  paymentIntent?: 'cash' | 'loan' | 'undecided';
  note?: string;
  campaignCode?: string;
  /** ISO instant of the inquiry, when the file has a date column. */
  occurredAt?: string;
};

export type RowCheck = { values: RowValues; problems: ImportProblem[] };

export type ImportLookups = {
  /** Active sources, most specific first (sub-source before source before channel): the first match wins. */
  sources: readonly { id: string; code: string; nameZh: string; nameEn: string }[];
  /** Active staff who may own customers. */
  consultants: readonly { id: string; displayName: string; code: string | null }[];
  /** Active series of the store's catalog. */
  series: readonly { id: string; name: string; nameEn: string | null }[];
};

type Entry = { id: string; label: string };

export type LookupIndex = {
  sources: Map<string, Entry>;
  consultantsByCode: Map<string, Entry>;
  consultantsByName: Map<string, Entry[]>;
  series: Map<string, Entry>;
};

/** Case, width and spaces do not matter when a cell names a source, a consultant or a series. */
export const lookupKey = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

const addFirst = (map: Map<string, Entry>, key: string, entry: Entry) => {
  if (key && !map.has(key)) map.set(key, entry);
};

/** Builds the lookup maps once per file, not once per row. */
export const indexLookups = (lookups: ImportLookups): LookupIndex => {
  const sources = new Map<string, Entry>();
  for (const s of lookups.sources) {
    const entry = { id: s.id, label: s.nameZh };
    addFirst(sources, lookupKey(s.code), entry);
    addFirst(sources, lookupKey(s.nameZh), entry);
    addFirst(sources, lookupKey(s.nameEn), entry);
  }
  const consultantsByCode = new Map<string, Entry>();
  const consultantsByName = new Map<string, Entry[]>();
  for (const c of lookups.consultants) {
    const entry = { id: c.id, label: c.displayName };
    if (c.code) addFirst(consultantsByCode, lookupKey(c.code), entry);
    const key = lookupKey(c.displayName);
    consultantsByName.set(key, [...(consultantsByName.get(key) ?? []), entry]);
  }
  const series = new Map<string, Entry>();
  for (const s of lookups.series) {
    const entry = { id: s.id, label: s.name };
    addFirst(series, lookupKey(s.name), entry);
    if (s.nameEn) addFirst(series, lookupKey(s.nameEn), entry);
  }
  return { sources, consultantsByCode, consultantsByName, series };
};

export type RowCheckContext = {
  now: Date;
  /** The store's zone: a date without a zone in the file is a date on the store's calendar. */
  timeZone: string;
  /** Used when the file has no source column, or the cell is empty. */
  defaultSource: { id: string; label: string } | null;
};

export const TEXT_LIMITS = {
  name: 100,
  region: 100,
  address: 200,
  occupation: 100,
  company: 100,
  currentCar: 100,
  note: 2000,
  campaign: 60,
} as const satisfies Partial<Record<ImportField, number>>;

/** `A`, `a`, `A级`, `Ａ类` -> A. */
export const parseLevel = (text: string): Level | undefined => {
  const match = /^([ohabc])\s*(?:级|类|級)?$/.exec(text.normalize('NFKC').trim().toLowerCase());
  return match?.[1] ? (match[1].toUpperCase() as Level) : undefined;
};

const GENDERS: Record<string, 'male' | 'female' | null> = {
  男: 'male',
  男性: 'male',
  先生: 'male',
  m: 'male',
  male: 'male',
  man: 'male',
  女: 'female',
  女性: 'female',
  女士: 'female',
  小姐: 'female',
  f: 'female',
  female: 'female',
  woman: 'female',
  未知: null,
  保密: null,
  不详: null,
  unknown: null,
  '-': null,
};

/** undefined: not a gender we read; null: said to be unknown. */
export const parseGender = (text: string): 'male' | 'female' | null | undefined => GENDERS[lookupKey(text)];

const PAYMENTS: [RegExp, 'cash' | 'loan' | 'undecided'][] = [
  [/^(全款|现金|一次性付款?|全额|cash|fullpayment)$/, 'cash'],
  [/^(贷款|分期|按揭|金融|车贷|loan|finance|financing|instalments?|installments?)$/, 'loan'],
  [/^(未定|待定|不确定|未决定|undecided|unknown|notsure)$/, 'undecided'],
];

export const parsePayment = (text: string): 'cash' | 'loan' | 'undecided' | undefined =>
  PAYMENTS.find(([pattern]) => pattern.test(lookupKey(text)))?.[1];

const CN_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** `十二` -> 12, `三` -> 3, `半年` -> 6个月: enough for the horizons people write. */
const arabicNumerals = (text: string): string =>
  text
    .replace(/半年/g, '6个月')
    .replace(/([一二两三四五六七八九])?十([一二三四五六七八九])?/g, (_, tens?: string, units?: string) =>
      String((tens ? (CN_DIGITS[tens] ?? 1) : 1) * 10 + (units ? (CN_DIGITS[units] ?? 0) : 0)),
    )
    .replace(/[一二两三四五六七八九]/g, (d) => String(CN_DIGITS[d]));

/**
 * Purchase horizon from a cell: a tier code (`m2_3`), a phrase (`1个月内`, `3-6个月`, `半年内`,
 * `一年以上`, `within 1 month`) or a planned purchase date.
 */
export const parseHorizon = (text: string, now: Date, timeZone: string): Horizon | undefined => {
  const plain = text.normalize('NFKC').trim().toLowerCase();
  if (isHorizon(plain)) return plain;
  const date = parseLocalDateTime(plain);
  if (date) return horizonFromDate(zonedInstant(date, timeZone), now);
  return horizonFromAdfTimeframe({ description: arabicNumerals(plain) }, now);
};

const WAN = 10_000;

const amountOf = (number: string, unit: string | undefined, bareIsWan: boolean): number => {
  const value = Number(number);
  if (unit === '万' || unit === 'w') return value * WAN;
  if (unit === 'k' || unit === '千') return value * 1000;
  if (unit === '元') return value;
  // `15-20` in a budget column means 万 (ten thousands): nobody budgets 20 yuan for a car.
  return bareIsWan ? value * WAN : value;
};

/**
 * Budget in yuan: `15万`, `15-20万`, `150000`, `15~20`, `10万以内`, `30万以上`, `20w左右`, `¥180,000`.
 * Bare numbers under 1000 are read as 万.
 */
export const parseBudget = (text: string): { min: number | null; max: number | null } | undefined => {
  const plain = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s,¥￥]/g, '')
    .replace(/rmb|cny/g, '');
  if (!plain) return undefined;
  const number = '(\\d+(?:\\.\\d+)?)';
  const unit = '(万|w|k|千|元)?';
  const range = new RegExp(`^${number}${unit}(?:-|~|至|到|—|–)${number}${unit}(?:元)?$`).exec(plain);
  if (range) {
    const [, a, unitA, b, unitB] = range;
    const sharedUnit = unitA ?? unitB;
    const bareIsWan = Number(b) < 1000;
    const min = amountOf(a ?? '', unitA ?? sharedUnit, bareIsWan);
    const max = amountOf(b ?? '', unitB ?? sharedUnit, bareIsWan);
    return min <= max ? { min, max } : undefined;
  }
  const single = new RegExp(`^${number}${unit}(以内|以下|以上|左右|上下|内)?$`).exec(plain);
  if (!single) return undefined;
  const [, a, unitA, qualifier] = single;
  const amount = amountOf(a ?? '', unitA, Number(a) < 1000);
  if (amount <= 0) return undefined;
  if (qualifier === '以内' || qualifier === '以下' || qualifier === '内') return { min: null, max: amount };
  if (qualifier === '以上') return { min: amount, max: null };
  return { min: amount, max: amount };
};

export type LocalDateTime = { year: number; month: number; day: number; hour: number; minute: number };

/** The instant the wall clock of the zone shows this date and time (shared/local-time's rule). */
export const zonedInstant = (local: LocalDateTime, timeZone: string): Date =>
  instantAt(local, local.hour, local.minute, timeZone);

/** Days from 1899-12-30 (Excel's day zero) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25_569;

/**
 * A date as people type it into a sheet: `2026-03-01`, `2026/3/1 14:30`, `2026.3.1`, `2026年3月1日`,
 * or an Excel day number (`46082`) when a date column lost its format. No zone: wall-clock time.
 */
export const parseLocalDateTime = (text: string): LocalDateTime | undefined => {
  const plain = text.normalize('NFKC').trim();
  const match =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]*(\d{1,2})[:时](\d{1,2})分?(?::(\d{1,2})(?:\.\d+)?)?)?$/.exec(
      plain,
    );
  if (match) {
    const [, y, mo, d, h, mi] = match.map(Number);
    const value = { year: y ?? 0, month: mo ?? 0, day: d ?? 0, hour: h || 0, minute: mi || 0 };
    const check = new Date(Date.UTC(value.year, value.month - 1, value.day));
    const real =
      check.getUTCFullYear() === value.year &&
      check.getUTCMonth() === value.month - 1 &&
      check.getUTCDate() === value.day &&
      value.hour < 24 &&
      value.minute < 60;
    return real ? value : undefined;
  }
  if (/^\d{5}(\.\d+)?$/.test(plain)) {
    const serial = Number(plain);
    const ms = Math.round((serial - EXCEL_EPOCH_DAYS) * 86_400_000);
    const date = new Date(ms);
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
    };
  }
  return undefined;
};

/** Inquiries older than this are typos more often than history. */
const OLDEST_YEAR = 2000;
/** A date a few hours ahead is a clock or a zone off, not a future inquiry. */
const FUTURE_SLACK_MS = 24 * 3_600_000;

/**
 * Checks one row. `cells` are the file's cells as text; `columns` says which column holds which field.
 * A duplicate phone within the file is found by `duplicateProblem`, which needs the rows before it.
 */
export const checkRow = (
  cells: readonly string[],
  columns: FieldColumns,
  index: LookupIndex,
  context: RowCheckContext,
): RowCheck => {
  const values: RowValues = {};
  const problems: ImportProblem[] = [];
  const cell = (field: ImportField): string => {
    const column = columns[field];
    return column === undefined ? '' : (cells[column] ?? '').trim();
  };
  const problem = (field: ImportField, code: ImportProblem['code'], extra: Partial<ImportProblem> = {}) =>
    problems.push({ field, code, value: cell(field), ...extra });
  const text = (field: keyof typeof TEXT_LIMITS, set: (value: string) => void) => {
    const value = cell(field);
    if (!value) return;
    if (value.length > TEXT_LIMITS[field]) problem(field, 'too_long', { max: TEXT_LIMITS[field] });
    else set(value);
  };

  const name = cell('name');
  if (!name) problem('name', 'missing_name');
  else text('name', (v) => (values.name = v));

  const rawPhone = cell('phone');
  if (!rawPhone) problem('phone', 'missing_phone');
  else {
    const phone = normalisePhone(rawPhone);
    if (phone) {
      values.phoneE164 = phone.e164;
      values.phoneRaw = rawPhone;
    } else problem('phone', 'bad_phone');
  }

  const source = cell('source');
  if (source) {
    const found = index.sources.get(lookupKey(source));
    if (found) {
      values.sourceId = found.id;
      values.sourceName = found.label;
    } else problem('source', 'unknown_source');
  } else if (context.defaultSource) {
    values.sourceId = context.defaultSource.id;
    values.sourceName = context.defaultSource.label;
  } else problem('source', 'missing_source');

  const owner = cell('owner');
  if (owner) {
    const key = lookupKey(owner);
    const byCode = index.consultantsByCode.get(key);
    const byName = index.consultantsByName.get(key) ?? [];
    // `李娜 A01` or `李娜(A01)`: the code inside decides.
    const embeddedCode = /(?:^|[^a-z0-9])([a-z]\d{2})(?:$|[^a-z0-9])/.exec(key)?.[1];
    const chosen =
      byCode ??
      (byName.length === 1 ? byName[0] : undefined) ??
      (byName.length === 0 && embeddedCode ? index.consultantsByCode.get(embeddedCode) : undefined);
    if (chosen) {
      values.ownerId = chosen.id;
      values.ownerName = chosen.label;
    } else problem('owner', byName.length > 1 ? 'ambiguous_consultant' : 'unknown_consultant');
  }

  const series = cell('series');
  if (series) {
    const found = index.series.get(lookupKey(series));
    if (found) {
      values.seriesId = found.id;
      values.seriesName = found.label;
    } else problem('series', 'unknown_series');
  }

  const level = cell('level');
  if (level) {
    const parsed = parseLevel(level);
    if (parsed) values.level = parsed;
    else problem('level', 'bad_level');
  }

  const horizon = cell('horizon');
  if (horizon) {
    const parsed = parseHorizon(horizon, context.now, context.timeZone);
    if (parsed) values.horizon = parsed;
    else problem('horizon', 'bad_horizon');
  }

  const gender = cell('gender');
  if (gender) {
    const parsed = parseGender(gender);
    if (parsed) values.gender = parsed;
    else if (parsed === undefined) problem('gender', 'bad_gender');
  }

  const budget = cell('budget');
  if (budget) {
    const parsed = parseBudget(budget);
    if (parsed) {
      if (parsed.min !== null) values.budgetMin = parsed.min;
      if (parsed.max !== null) values.budgetMax = parsed.max;
    } else problem('budget', 'bad_budget');
  }

  const payment = cell('payment');
  if (payment) {
    const parsed = parsePayment(payment);
    if (parsed) values.paymentIntent = parsed;
    else problem('payment', 'bad_payment');
  }

  const date = cell('date');
  if (date) {
    const parsed = parseLocalDateTime(date);
    const instant = parsed && zonedInstant(parsed, context.timeZone);
    if (!parsed || !instant || parsed.year < OLDEST_YEAR) problem('date', 'bad_date');
    else if (instant.getTime() > context.now.getTime() + FUTURE_SLACK_MS) problem('date', 'future_date');
    else values.occurredAt = instant.toISOString();
  }

  text('region', (v) => (values.region = v));
  text('address', (v) => (values.address = v));
  text('occupation', (v) => (values.occupation = v));
  text('company', (v) => (values.company = v));
  text('currentCar', (v) => (values.currentCar = v));
  text('note', (v) => (values.note = v));
  text('campaign', (v) => (values.campaignCode = v));

  return { values, problems };
};

/**
 * A phone seen earlier in the same file: the first row is imported, every later one is refused
 * (issue 3: "duplicate within the file"). `seen` maps E.164 -> first row number and is updated.
 */
export const duplicateProblem = (
  seen: Map<string, number>,
  phoneE164: string | undefined,
  rowNo: number,
  rawPhone: string,
): ImportProblem | undefined => {
  if (!phoneE164) return undefined;
  const first = seen.get(phoneE164);
  if (first === undefined) {
    seen.set(phoneE164, rowNo);
    return undefined;
  }
  return { field: 'phone', code: 'duplicate_in_file', value: rawPhone, firstRow: first };
};
