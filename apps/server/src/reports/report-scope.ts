import type { TReportFilter, TReportMeta } from '@qianke/contracts/reports/filter';
import type { Role } from '@qianke/core/accounts/roles';
import {
  type InstantRange,
  isReportPeriod,
  periodDays,
  periodRange,
  previousPeriod,
  type ReportPeriod,
} from '@qianke/core/reports/period';
import { reportViewOf } from '@qianke/core/reports/report-access';
import { DomainError } from '@qianke/core/shared/domain-error';
import type { Executor } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import { storesOfGroup } from './report-scope.repo';

/** The longest period a report answers for (a year and a day, so "last 12 months" always fits). */
export const MAX_REPORT_DAYS = 366;

/**
 * What a report query may see, resolved once per request from the caller and the filter (issue 6):
 * the stores (the caller's store; a group admin any store of the group or `all` of them), whose figures
 * (a consultant or DCC agent: always their own), the period and the previous one as UTC ranges in the
 * store's time zone. Every report repo filters by `dealerIds` and, when set, `consultantId`.
 */
export type ReportScope = {
  /** Every store counted; a report's SQL says `dealer_id = any(dealerIds)`. */
  dealerIds: string[];
  /** The zone the days are read in: the chosen store's; for a roll-up, the caller's current store's. */
  timeZone: string;
  /** Only this user's figures; forced to the caller when `ownOnly`. */
  consultantId: string | undefined;
  ownOnly: boolean;
  sourceId: string | undefined;
  seriesId: string | undefined;
  campaignCode: string | undefined;
  period: ReportPeriod;
  previous: ReportPeriod;
  range: InstantRange;
  previousRange: InstantRange;
  /** Who is asking: phones in drill-downs and exports are masked by these. */
  viewer: { userId: string; roles: readonly Role[]; dealerId: string };
};

const NO_SUCH_STORE = 'There is no such store in your group.';

export const resolveReportScope = async (
  db: Executor,
  ctx: AuthContext,
  filter: TReportFilter,
): Promise<ReportScope> => {
  const period = { from: filter.from, to: filter.to };
  if (!isReportPeriod(period)) {
    const message = 'Choose calendar days, the last not before the first.';
    throw new DomainError('validation_failed', message, { fields: { to: message } });
  }
  if (periodDays(period) > MAX_REPORT_DAYS) {
    const message = `A report covers at most ${MAX_REPORT_DAYS} days; choose a shorter period.`;
    throw new DomainError('validation_failed', message, { fields: { to: message } });
  }

  const group = await storesOfGroup(db, ctx.groupId);
  const current = group.find((store) => store.id === ctx.dealerId);
  if (!current) throw new DomainError('not_found', NO_SUCH_STORE);
  let stores = [current];
  if (filter.dealerId === 'all') {
    if (!ctx.groupAdmin) throw new DomainError('not_found', NO_SUCH_STORE);
    stores = group;
  } else if (filter.dealerId && filter.dealerId !== ctx.dealerId) {
    const picked = ctx.groupAdmin ? group.find((store) => store.id === filter.dealerId) : undefined;
    if (!picked) throw new DomainError('not_found', NO_SUCH_STORE);
    stores = [picked];
  }
  const timeZone = stores.length === 1 ? (stores[0]?.timeZone ?? current.timeZone) : current.timeZone;

  const ownOnly = reportViewOf(ctx.roles) === 'own';
  const previous = previousPeriod(period);
  return {
    dealerIds: stores.map((store) => store.id),
    timeZone,
    consultantId: ownOnly ? ctx.userId : filter.consultantId,
    ownOnly,
    sourceId: filter.sourceId,
    seriesId: filter.seriesId,
    campaignCode: filter.campaignCode,
    period,
    previous,
    range: periodRange(period, timeZone),
    previousRange: periodRange(previous, timeZone),
    viewer: { userId: ctx.userId, roles: ctx.roles, dealerId: ctx.dealerId },
  };
};

/** The common head of every report answer. */
export const reportMetaOf = (scope: ReportScope): TReportMeta => ({
  from: scope.period.from,
  to: scope.period.to,
  previousFrom: scope.previous.from,
  previousTo: scope.previous.to,
  timeZone: scope.timeZone,
  storeIds: scope.dealerIds,
  consultantId: scope.consultantId ?? null,
  ownFiguresOnly: scope.ownOnly,
});

/** The filter as written into an export's audit row (the forced consultant included). */
export const auditedFilterOf = (scope: ReportScope): Record<string, unknown> => ({
  from: scope.period.from,
  to: scope.period.to,
  storeIds: scope.dealerIds,
  consultantId: scope.consultantId ?? null,
  sourceId: scope.sourceId ?? null,
  seriesId: scope.seriesId ?? null,
  campaignCode: scope.campaignCode ?? null,
});
