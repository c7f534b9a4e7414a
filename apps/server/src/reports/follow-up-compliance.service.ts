import type { TDrilldownPage } from '@qianke/contracts/reports/filter';
import type {
  TComplianceDrilldownQuery,
  TComplianceExportQuery,
  TComplianceQuery,
  TComplianceReport,
} from '@qianke/contracts/reports/follow-up-compliance';
import {
  type ComplianceUserRow,
  followUpCompliance,
  isCallbackDue,
  isCallbackMissed,
  isOverdueNow,
  isPortalLead,
  isPortalWaiting,
  isTaskDue,
  isTaskLate,
} from '@qianke/core/reports/follow-up-compliance';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { Clock } from '../infra/clock';
import type { Executor } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import { drilldownPage } from './drilldown';
import { callbackRows, portalLeadRows, taskRows } from './follow-up-compliance.repo';
import { userNames } from './quality-filter.repo';
import { parseRowKey, rowKeyOf } from './quality-keys';
import { qualityTexts } from './quality-texts';
import { auditedFilterOf, reportMetaOf, resolveReportScope } from './report-scope';
import { sendXlsx, wallClock } from './xlsx-export';

/** Follow-up compliance (issue 6): the maths and its definitions are core/reports/follow-up-compliance.ts. */
export const createComplianceReportService = ({ db, clock }: { db: Executor; clock: Clock }) => {
  const load = async (ctx: AuthContext, filter: TComplianceQuery) => {
    const now = clock.now();
    const scope = await resolveReportScope(db, ctx, filter);
    const [callbacks, tasks, portalLeads] = await Promise.all([
      callbackRows(db, scope),
      taskRows(db, scope, now),
      portalLeadRows(db, scope),
    ]);
    const rows = { callbacks, tasks, portalLeads };
    const report = followUpCompliance(rows, { current: scope.range, previous: scope.previousRange }, now);
    return { scope, now, rows, report };
  };

  const report = async (ctx: AuthContext, query: TComplianceQuery): Promise<TComplianceReport> => {
    const { scope, now, report: r } = await load(ctx, query);
    const names = await userNames(
      db,
      scope,
      r.byUser.map((u) => u.userId),
    );
    const { current: c, previous: p } = r;
    return {
      meta: reportMetaOf(scope),
      asOf: now.toISOString(),
      callbacks: {
        due: { current: c.callbacks.due, previous: p.callbacks.due },
        met: { current: c.callbacks.met, previous: p.callbacks.met },
        rate: { current: c.callbacks.rate, previous: p.callbacks.rate },
      },
      tasks: {
        due: { current: c.tasks.due, previous: p.tasks.due },
        onTime: { current: c.tasks.onTime, previous: p.tasks.onTime },
        rate: { current: c.tasks.rate, previous: p.tasks.rate },
      },
      portal: {
        leads: { current: c.portal.leads, previous: p.portal.leads },
        responded: { current: c.portal.responded, previous: p.portal.responded },
        waiting: { current: c.portal.waiting, previous: p.portal.waiting },
        medianMinutes: { current: c.portal.medianMinutes, previous: p.portal.medianMinutes },
        p90Minutes: { current: c.portal.p90Minutes, previous: p.portal.p90Minutes },
      },
      overdueNow: r.overdueNow,
      byUser: r.byUser.map((u) => ({
        key: rowKeyOf('user', u.userId),
        user: { id: u.userId, name: names.get(u.userId) ?? '' },
        callbacksDue: u.callbacksDue,
        callbacksMet: u.callbacksMet,
        callbackRate: u.callbackRate,
        tasksDue: u.tasksDue,
        tasksOnTime: u.tasksOnTime,
        onTimeRate: u.onTimeRate,
        overdueNow: u.overdueNow,
        oldestOverdueAt: u.oldestOverdueAt?.toISOString() ?? null,
      })),
    };
  };

  /** The customers behind a figure, by the same rules (core) over the same rows as the figure. */
  const customers = async (ctx: AuthContext, query: TComplianceDrilldownQuery): Promise<TDrilldownPage> => {
    const { scope, now, rows } = await load(ctx, query);
    const key = parseRowKey(query.key, ['user']);
    const range = query.period === 'previous' ? scope.previousRange : scope.range;
    const whose = (userId: string | null) => !key || userId === key.value;
    const ids: (string | null)[] = (() => {
      switch (query.metric) {
        case 'callbacks_due':
        case 'callbacks_missed': {
          const keep = query.metric === 'callbacks_due' ? isCallbackDue : isCallbackMissed;
          return rows.callbacks
            .filter((r) => keep(r, range, now) && whose(r.userId))
            .map((r) => r.customerId);
        }
        case 'tasks_due':
        case 'tasks_late': {
          const keep = query.metric === 'tasks_due' ? isTaskDue : isTaskLate;
          return rows.tasks
            .filter((r) => keep(r, range, now) && whose(r.assigneeId))
            .map((r) => r.customerId);
        }
        case 'overdue':
          return rows.tasks
            .filter((r) => isOverdueNow(r, now) && whose(r.assigneeId))
            .map((r) => r.customerId);
        case 'portal_leads':
        case 'portal_waiting': {
          const keep = query.metric === 'portal_leads' ? isPortalLead : isPortalWaiting;
          return rows.portalLeads.filter((r) => keep(r, range) && whose(r.ownerId)).map((r) => r.customerId);
        }
      }
    })();
    return drilldownPage(
      db,
      scope,
      ids.filter((id): id is string => id !== null),
      { page: query.page, pageSize: query.pageSize },
    );
  };

  /** The table by user, with the period's totals above it. */
  const exportXlsx = async (
    ctx: AuthContext,
    query: TComplianceExportQuery,
    reply: FastifyReply,
    log: FastifyBaseLogger,
    requestId: string,
  ): Promise<FastifyReply> => {
    const { scope, report: r } = await load(ctx, query);
    const t = qualityTexts(query.lang);
    const cols = t.compliance.columns;
    const names = await userNames(
      db,
      scope,
      r.byUser.map((u) => u.userId),
    );
    const shown = (value: number | null) => (value === null ? t.none : String(value));
    return sendXlsx<ComplianceUserRow>(db, reply, log, {
      report: 'follow-up-compliance',
      fileName: `follow-up-compliance-${scope.period.from}-${scope.period.to}.xlsx`,
      sheetName: t.compliance.sheet,
      heading: [
        t.compliance.title,
        t.period(scope.period.from, scope.period.to),
        `${cols.callbackRate}: ${shown(r.current.callbacks.rate)} · ${cols.onTimeRate}: ${shown(r.current.tasks.rate)} · ${cols.overdueNow}: ${r.overdueNow}`,
        t.compliance.portal(shown(r.current.portal.medianMinutes), shown(r.current.portal.p90Minutes)),
      ],
      columns: [
        { header: cols.user, value: (u) => names.get(u.userId) ?? null, width: 18 },
        { header: cols.callbacksDue, value: (u) => u.callbacksDue },
        { header: cols.callbacksMet, value: (u) => u.callbacksMet },
        { header: cols.callbackRate, value: (u) => u.callbackRate, numFmt: '0.0%' },
        { header: cols.tasksDue, value: (u) => u.tasksDue },
        { header: cols.tasksOnTime, value: (u) => u.tasksOnTime },
        { header: cols.onTimeRate, value: (u) => u.onTimeRate, numFmt: '0.0%' },
        { header: cols.overdueNow, value: (u) => u.overdueNow },
        {
          header: cols.oldestOverdueAt,
          value: (u) => wallClock(u.oldestOverdueAt, scope.timeZone),
          numFmt: 'yyyy-mm-dd hh:mm',
          width: 18,
        },
      ],
      rows: r.byUser,
      audit: { dealerId: ctx.dealerId, actorId: ctx.userId, filter: auditedFilterOf(scope), requestId },
    });
  };

  return { report, customers, exportXlsx };
};

export type ComplianceReportService = ReturnType<typeof createComplianceReportService>;
