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
