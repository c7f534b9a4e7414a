import type {
  TDailyActivityDrilldownQuery,
  TDailyActivityReport,
} from '@qianke/contracts/reports/daily-activity';
import type { TDrilldownPage, TExportLanguage, TReportFilter } from '@qianke/contracts/reports/filter';
import {
  ACTIVITY_KINDS,
  type ConsultantActivity,
  dailyActivity,
  isOnDays,
} from '@qianke/core/reports/daily-activity';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { Db } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import { activityEvents } from './daily-activity.repo';
import { drilldownPage } from './drilldown';
import { managementTexts } from './management-texts';
import { reportPeople } from './progress.repo';
import { auditedFilterOf, type ReportScope, reportMetaOf, resolveReportScope } from './report-scope';
import { sendXlsx, type XlsxColumn } from './xlsx-export';

/**
 * The consultant daily activity report (销售人员活动日报表): the days `from`..`to` (one day for the
 * printed sheet) and the same number of days before, its drill-down and export.
 */
export const createDailyActivityService = ({ db }: { db: Db }) => {
  const load = async (scope: ReportScope) => {
    const events = await activityEvents(db, scope, {
      start: scope.previousRange.start,
      end: scope.range.end,
    });
    const people = await reportPeople(
      db,
      scope,
      events.map((e) => e.consultantId),
    );
    const ids = people.map((p) => p.id);
    const days = { ...scope.period, timeZone: scope.timeZone };
    const previousDays = { ...scope.previous, timeZone: scope.timeZone };
    return {
      events,
      people,
      days,
      previousDays,
      current: dailyActivity(events, days, ids),
      previous: dailyActivity(events, previousDays, ids),
    };
  };

  const report = async (ctx: AuthContext, query: TReportFilter): Promise<TDailyActivityReport> => {
    const scope = await resolveReportScope(db, ctx, query);
    const { people, current, previous } = await load(scope);
    return {
      meta: reportMetaOf(scope),
      rows: people.map((person, i) => {
        const now = current.rows[i] as ConsultantActivity;
        const before = previous.rows[i] as ConsultantActivity;
        return {
          consultant: { id: person.id, name: person.name },
          storeId: person.dealerId,
          current: now.counts,
          previous: before.counts,
          total: { current: now.total, previous: before.total },
        };
      }),
      total: { current: current.total, previous: previous.total },
    };
  };

  const customers = async (
    ctx: AuthContext,
    query: TDailyActivityDrilldownQuery,
  ): Promise<TDrilldownPage> => {
    const scope = await resolveReportScope(db, ctx, query);
    const { events, people, days, previousDays } = await load(scope);
    const listed = new Set(people.map((p) => p.id));
    const on = query.period === 'previous' ? previousDays : days;
    const ids = events
      .filter(
        (e) =>
          e.kind === query.metric &&
          listed.has(e.consultantId) &&
          (query.key === undefined || e.consultantId === query.key) &&
          isOnDays(e.at, on) &&
          e.customerId !== null,
      )
      .map((e) => e.customerId as string);
    return drilldownPage(db, scope, ids, query);
  };

  const exportXlsx = async (
    ctx: AuthContext,
    query: TReportFilter & { lang: TExportLanguage },
    reply: FastifyReply,
    log: FastifyBaseLogger,
    requestId: string,
  ): Promise<FastifyReply> => {
    const scope = await resolveReportScope(db, ctx, query);
    const { people, current } = await load(scope);
    const texts = managementTexts(query.lang);
    type Line = { name: string; counts: ConsultantActivity['counts']; total: number };
    const rows: Line[] = [
      ...people.map((p, i) => ({
        name: p.name,
        counts: current.rows[i]?.counts ?? current.total,
        total: current.rows[i]?.total ?? 0,
      })),
      { name: texts.daily.total, counts: current.total, total: current.totalAll },
    ];
    const columns: XlsxColumn<Line>[] = [
      { header: texts.consultant, width: 14, value: (r) => r.name },
      ...ACTIVITY_KINDS.map((kind) => ({
        header: texts.daily.kinds[kind],
        width: 12,
        value: (r: Line) => r.counts[kind],
      })),
      { header: texts.daily.total, width: 10, value: (r) => r.total },
    ];
    return sendXlsx(db, reply, log, {
      report: 'daily-activity',
      fileName: `daily-activity-${scope.period.from}-${scope.period.to}.xlsx`,
      sheetName: texts.daily.sheet,
      heading: [texts.daily.title, texts.days(scope.period.from, scope.period.to)],
      columns,
      rows,
      audit: { dealerId: ctx.dealerId, actorId: ctx.userId, filter: auditedFilterOf(scope), requestId },
    });
  };

  return { report, customers, exportXlsx };
};

export type DailyActivityService = ReturnType<typeof createDailyActivityService>;
