import type {
  TAddHolidayRequest,
  TCadenceRuleSet,
  TCadenceRules,
  TCadenceRulesSaved,
  THolidayList,
  THolidaysAdded,
  TResetCadencePresetRequest,
  TUpdateCadenceRulesRequest,
} from '@qianke/contracts/follow-ups';
import { CADENCE_PRESETS, type CadenceRules } from '@qianke/core/follow-ups/cadence';
import { CN_HOLIDAY_YEARS, cnPublicHolidays } from '@qianke/core/follow-ups/cn-holidays';
import { DomainError } from '@qianke/core/shared/domain-error';
import { recordAudit } from '../infra/audit/record-audit';
import type { Clock } from '../infra/clock';
import type { Db, Executor } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import {
  deleteHoliday,
  findRuleSet,
  insertHolidays,
  listHolidays,
  type RuleSetPreset,
  saveRuleSet,
  storeTimeZoneOf,
} from './cadence-rules.repo';
import { replanStoreTasks } from './plan-lead-tasks';

const pad = (n: number) => String(n).padStart(2, '0');

/** The rule table as the API shows it: the due time as local `HH:MM`. */
export const toApiRules = (rules: CadenceRules): TCadenceRules => ({
  levels: rules.levels,
  firstContactHours: rules.firstContactHours,
  ownerCare: rules.ownerCare,
  holidayFallback: rules.holidayFallback,
  dueTime: `${pad(rules.dueTime.hour)}:${pad(rules.dueTime.minute)}`,
});

export const fromApiRules = (rules: TCadenceRules): CadenceRules => {
  const [hour, minute] = rules.dueTime.split(':').map(Number);
  return {
    levels: rules.levels,
    firstContactHours: rules.firstContactHours,
    ownerCare: rules.ownerCare,
    holidayFallback: rules.holidayFallback,
    dueTime: { hour: hour ?? 18, minute: minute ?? 0 },
  };
};

const PRESETS_FOR_API = {
  seed_001: toApiRules(CADENCE_PRESETS.seed_001),
  seed_003: toApiRules(CADENCE_PRESETS.seed_003),
};

const STALE = 'Someone else changed the rule table in the meantime. Reload and try again.';

export const createCadenceRulesService = ({ db, clock }: { db: Db; clock: Clock }) => {
  const read = async (executor: Executor, dealerId: string): Promise<TCadenceRuleSet> => {
    // Sequential: the executor may be a transaction, whose one connection runs one query at a time.
    const row = await findRuleSet(executor, dealerId);
    const timeZone = await storeTimeZoneOf(executor, dealerId);
    return {
      preset: row?.preset ?? 'seed_001',
      rules: toApiRules(row?.rules ?? CADENCE_PRESETS.seed_001),
      presets: PRESETS_FOR_API,
      timeZone,
      updatedAt: row?.updatedAt.toISOString() ?? null,
      version: row?.version ?? 0,
    };
  };

  const get = (ctx: AuthContext) => read(db, ctx.dealerId);

  /** Saves the rule table and, in the same transaction, re-plans every open rule task of the store. */
  const save = async (
    ctx: AuthContext,
    input: { preset: RuleSetPreset; rules: CadenceRules; version: number },
  ): Promise<TCadenceRulesSaved> => {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const before = await read(tx, ctx.dealerId);
      if (before.version !== input.version) throw new DomainError('stale_version', STALE);
      const saved = await saveRuleSet(tx, {
        dealerId: ctx.dealerId,
        preset: input.preset,
        rules: input.rules,
        expectedVersion: input.version,
        userId: ctx.userId,
      });
      if (!saved) throw new DomainError('stale_version', STALE);
      const replanned = await replanStoreTasks(tx, { dealerId: ctx.dealerId, now });
      const after = await read(tx, ctx.dealerId);
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'follow_up_rules.update',
        entity: 'follow_up_rules',
        entityId: ctx.dealerId,
        before: { preset: before.preset, rules: before.rules },
        after: { preset: after.preset, rules: after.rules, replanned },
      });
      return { ...after, replanned };
    });
  };

  const update = (ctx: AuthContext, input: TUpdateCadenceRulesRequest) =>
    save(ctx, { preset: input.preset, rules: fromApiRules(input.rules), version: input.version });

  /** Back to one of the seeds' presets. Without a version, the one read now (a reset is not an edit). */
  const resetToPreset = async (ctx: AuthContext, input: TResetCadencePresetRequest) => {
    const version = input.version ?? (await read(db, ctx.dealerId)).version;
    return save(ctx, { preset: input.preset, rules: CADENCE_PRESETS[input.preset], version });
  };

  const holidaysOf = async (executor: Executor, dealerId: string): Promise<THolidayList> => ({
    items: await listHolidays(executor, dealerId),
    cnPublicHolidayYears: [...CN_HOLIDAY_YEARS],
  });

  const listStoreHolidays = (ctx: AuthContext) => holidaysOf(db, ctx.dealerId);

  /** A change of the calendar moves holiday-care tasks: re-plan in the same transaction. */
  const changeHolidays = async (
    ctx: AuthContext,
    change: (tx: Executor) => Promise<{
      added: number;
      audit: { action: string; entityId: string; before?: unknown; after?: unknown };
    }>,
  ): Promise<THolidaysAdded> => {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const { added, audit } = await change(tx);
      await replanStoreTasks(tx, { dealerId: ctx.dealerId, now });
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        entity: 'holiday',
        ...audit,
      });
      return { ...(await holidaysOf(tx, ctx.dealerId)), added };
    });
  };

  const addHoliday = (ctx: AuthContext, input: TAddHolidayRequest) =>
    changeHolidays(ctx, async (tx) => {
      const holiday = { date: input.date, nameZh: input.nameZh, nameEn: input.nameEn || input.nameZh };
      const added = await insertHolidays(tx, ctx.dealerId, [holiday]);
      if (added === 0) {
        const message = 'The calendar already has a holiday on this date.';
        throw new DomainError('conflict', message, { fields: { date: message } });
      }
      return { added, audit: { action: 'holiday.add', entityId: input.date, after: holiday } };
    });

  const addPublicHolidays = (ctx: AuthContext, year: number) =>
    changeHolidays(ctx, async (tx) => {
      const list = cnPublicHolidays(year);
      if (!list) {
        const message = `Qianke knows the public holidays of ${CN_HOLIDAY_YEARS.join(' and ')} only.`;
        throw new DomainError('validation_failed', message, { fields: { year: message } });
      }
      const added = await insertHolidays(tx, ctx.dealerId, list);
      return {
        added,
        audit: { action: 'holiday.add_public', entityId: String(year), after: { year, added } },
      };
    });

  const removeHoliday = (ctx: AuthContext, date: string) =>
    changeHolidays(ctx, async (tx) => {
      const removed = await deleteHoliday(tx, ctx.dealerId, date);
      if (!removed) throw new DomainError('not_found', 'The calendar has no holiday on this date.');
      return { added: 0, audit: { action: 'holiday.delete', entityId: date, before: removed } };
    });

  return { get, update, resetToPreset, listStoreHolidays, addHoliday, addPublicHolidays, removeHoliday };
};

export type CadenceRulesService = ReturnType<typeof createCadenceRulesService>;
