/**
 * Rules of a lead sent by a portal, the brand website or the 400 line (intake API, JSON or ADF): the
 * limits of each field and when the time a sender gives can be believed.
 */
export const INTAKE_LIMITS = {
  name: 60,
  phone: 40,
  source: 60,
  seriesInterest: 100,
  note: 2000,
  campaignCode: 60,
  externalId: 100,
} as const;

/** Clocks of senders drift: a time up to 5 minutes ahead of ours is taken as now. */
export const FUTURE_TOLERANCE_MINUTES = 5;

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * An ISO 8601 date and time with its zone (`2026-11-25T10:30:00+08:00`, `...Z`, ADF's `-0800`), as an
 * instant; undefined for anything else, including a time without a zone, which could be any hour.
 */
export const parseIsoInstant = (text: string): Date | undefined => {
  const m = ISO_INSTANT.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '0', frac = '0', zone = 'Z'] = m;
  const parts = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const [year, month, day, hour, minute, second] = parts;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const ms = Number(`0.${frac}`) * 1000;
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes =
      (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0')) * (zone[0] === '-' ? -1 : 1);
    if (Math.abs(offsetMinutes) > 14 * 60) return undefined;
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, Math.floor(ms));
  const date = new Date(utc - offsetMinutes * 60_000);
  // 31 February rolls over into March: not a date.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return undefined;
  return date;
};

/** A calendar date (`2026-12-01`, as ADF's timeframe dates), as midnight UTC; undefined otherwise. */
export const parseIsoDate = (text: string): Date | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
};

/** Whether a lead can have happened at `at`, seen from `now`: not later than a few minutes ahead. */
export const isBelievableOccurredAt = (at: Date, now: Date): boolean =>
  at.getTime() <= now.getTime() + FUTURE_TOLERANCE_MINUTES * 60_000;

export const occurredAtProblem = (at: Date, now: Date): string | undefined =>
  isBelievableOccurredAt(at, now)
    ? undefined
    : `This time is in the future: send when the lead happened (at most ${FUTURE_TOLERANCE_MINUTES} minutes ahead of our clock).`;

/**
 * The lead's note: the sender's own note first, then what Qianke could not put in a field (a series
 * not in the catalog, further phones, e-mail...), one per line as `label: value`. Cut at the limit.
 */
export const composeIntakeNote = (
  note: string | null | undefined,
  extras: readonly (readonly [label: string, value: string | null | undefined])[],
  limit: number = INTAKE_LIMITS.note,
): string | null => {
  const lines = [
    ...(note?.trim() ? [note.trim()] : []),
    ...extras
      .filter(([, value]) => value !== null && value !== undefined && value.trim() !== '')
      .map(([label, value]) => `${label}: ${value?.trim()}`),
  ];
  if (lines.length === 0) return null;
  const text = lines.join('\n');
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
};
