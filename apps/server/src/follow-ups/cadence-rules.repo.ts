import type { CadenceRules, Holiday } from '@qianke/core/follow-ups/cadence';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { cadenceRuleSets, dealers, holidays } from '../infra/db/schema/index';

export type RuleSetPreset = 'seed_001' | 'seed_003' | 'custom';

export type RuleSetRow = {
  preset: RuleSetPreset;
  rules: CadenceRules;
  updatedAt: Date;
  version: number;
};

export const findRuleSet = async (db: Executor, dealerId: string): Promise<RuleSetRow | undefined> => {
  const [row] = await db
    .select({
      preset: cadenceRuleSets.preset,
      rules: cadenceRuleSets.rules,
      updatedAt: cadenceRuleSets.updatedAt,
      version: cadenceRuleSets.version,
    })
    .from(cadenceRuleSets)
    .where(eq(cadenceRuleSets.dealerId, dealerId))
    .limit(1);
  return row ? { ...row, rules: row.rules as CadenceRules } : undefined;
};

/**
 * Writes the store's rule table if it is still at `expectedVersion` (0 = the store never saved one).
 * Returns false when someone else saved in between.
 */
export const saveRuleSet = async (
  db: Executor,
  input: {
    dealerId: string;
    preset: RuleSetPreset;
    rules: CadenceRules;
    expectedVersion: number;
    userId: string;
  },
): Promise<boolean> => {
  if (input.expectedVersion === 0) {
    const inserted = await db
      .insert(cadenceRuleSets)
      .values({
        dealerId: input.dealerId,
        preset: input.preset,
        rules: input.rules,
        updatedBy: input.userId,
        version: 1,
      })
      .onConflictDoNothing({ target: [cadenceRuleSets.dealerId] })
      .returning({ version: cadenceRuleSets.version });
    return inserted.length > 0;
  }
  const updated = await db
    .update(cadenceRuleSets)
    .set({
      preset: input.preset,
      rules: input.rules,
      updatedBy: input.userId,
      updatedAt: sql`now()`,
      version: sql`${cadenceRuleSets.version} + 1`,
    })
    .where(
      and(eq(cadenceRuleSets.dealerId, input.dealerId), eq(cadenceRuleSets.version, input.expectedVersion)),
    )
    .returning({ version: cadenceRuleSets.version });
  return updated.length > 0;
};

/**
 * What planning a store's tasks needs, in one round trip (every capture reads it): the saved rule table
 * (undefined until the store saves one), the holiday calendar in date order, and the time zone.
 */
export const findPlanningInputs = async (
  db: Executor,
  dealerId: string,
): Promise<{ rules: CadenceRules | undefined; holidays: Holiday[]; timeZone: string }> => {
  const result = await db.execute(sql`
    select d.time_zone,
      (select r.rules from ${cadenceRuleSets} r where r.dealer_id = d.id) as rules,
      coalesce((select json_agg(json_build_object('date', h.date, 'nameZh', h.name_zh, 'nameEn', h.name_en)
                 order by h.date)
               from ${holidays} h where h.dealer_id = d.id), '[]') as holidays
    from ${dealers} d where d.id = ${dealerId}`);
  const [row] = (
    result as unknown as {
      rows: { time_zone: string; rules: CadenceRules | null; holidays: Holiday[] | string }[];
    }
  ).rows;
  if (!row) return { rules: undefined, holidays: [], timeZone: 'Asia/Shanghai' };
  // PGlite hands json back parsed; node-postgres too, but a driver may give the text.
  const list = typeof row.holidays === 'string' ? (JSON.parse(row.holidays) as Holiday[]) : row.holidays;
  return { rules: row.rules ?? undefined, holidays: list, timeZone: row.time_zone };
};

export const storeTimeZoneOf = async (db: Executor, dealerId: string): Promise<string> => {
  const [row] = await db.select({ timeZone: dealers.timeZone }).from(dealers).where(eq(dealers.id, dealerId));
  return row?.timeZone ?? 'Asia/Shanghai';
};

export const listHolidays = async (db: Executor, dealerId: string): Promise<Holiday[]> =>
  db
    .select({ date: holidays.date, nameZh: holidays.nameZh, nameEn: holidays.nameEn })
    .from(holidays)
    .where(eq(holidays.dealerId, dealerId))
    .orderBy(asc(holidays.date));

/** Adds holidays; a date the calendar already has keeps its name. Returns how many were new. */
export const insertHolidays = async (
  db: Executor,
  dealerId: string,
  list: readonly Holiday[],
): Promise<number> => {
  if (list.length === 0) return 0;
  const inserted = await db
    .insert(holidays)
    .values(list.map((h) => ({ dealerId, date: h.date, nameZh: h.nameZh, nameEn: h.nameEn })))
    .onConflictDoNothing({ target: [holidays.dealerId, holidays.date] })
    .returning({ date: holidays.date });
  return inserted.length;
};

export const deleteHoliday = async (
  db: Executor,
  dealerId: string,
  date: string,
): Promise<Holiday | undefined> => {
  const [row] = await db
    .delete(holidays)
    .where(and(eq(holidays.dealerId, dealerId), eq(holidays.date, date)))
    .returning({ date: holidays.date, nameZh: holidays.nameZh, nameEn: holidays.nameEn });
  return row;
};
