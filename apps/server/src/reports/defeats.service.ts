import type {
  TDefeatGroup,
  TDefeatsDrilldownQuery,
  TDefeatsExportQuery,
  TDefeatsQuery,
  TDefeatsReport,
} from '@qianke/contracts/reports/defeats';
import type { TDrilldownPage } from '@qianke/contracts/reports/filter';
import {
  analyseDefeats,
  competitorKey,
  type DefeatAnalysisRow,
  type DefeatGroup,
  isDefeatIn,
} from '@qianke/core/reports/defeats';
import { hoursBetween } from '@qianke/core/reports/durations';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { Executor } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import { defeatRows, reasonNames, seriesNames } from './defeats.repo';
import { drilldownPage, phoneForViewer } from './drilldown';
import { customersPage } from './drilldown.repo';
import { userNames } from './quality-filter.repo';
import { parseRowKey, rowKeyOf } from './quality-keys';
import { qualityTexts } from './quality-texts';
import { auditedFilterOf, type ReportScope, reportMetaOf, resolveReportScope } from './report-scope';
import { sendXlsx, wallClock } from './xlsx-export';

const DIMENSIONS = ['reason', 'competitor', 'consultant', 'series', 'manager'] as const;

const dimensionValue = (row: DefeatAnalysisRow, dimension: string): string | null => {
  switch (dimension) {
    case 'reason':
      return row.reasonId;
    case 'competitor':
      return competitorKey(row);
    case 'consultant':
      return row.requestedBy;
    case 'series':
      return row.seriesId;
    default:
      return row.decidedBy;
  }
};

const unique = (values: Iterable<string | null>): string[] =>
  [...new Set(values)].filter((v): v is string => v !== null);

/** Defeat statistics and analysis (issue 6): the maths is core/reports/defeats.ts. */
export const createDefeatsReportService = ({ db }: { db: Executor }) => {
  const load = async (ctx: AuthContext, filter: TDefeatsQuery) => {
    const scope = await resolveReportScope(db, ctx, filter);
    return { scope, rows: await defeatRows(db, scope) };
  };

  const namesOf = async (scope: ReportScope, rows: readonly DefeatAnalysisRow[]) => {
    const [reasons, series, users] = await Promise.all([
      reasonNames(db, scope, unique(rows.map((r) => r.reasonId))),
      seriesNames(db, scope, unique(rows.map((r) => r.seriesId))),
      userNames(db, scope, unique(rows.flatMap((r) => [r.requestedBy, r.decidedBy]))),
    ]);
    return {
      reason: new Map(reasons.map((r) => [r.id, { zh: r.name_zh, en: r.name_en ?? r.name_zh }])),
      series: new Map(series.map((s) => [s.id, { zh: s.name_zh, en: s.name_en ?? s.name_zh }])),
      user: users,
    };
  };

  const report = async (ctx: AuthContext, query: TDefeatsQuery): Promise<TDefeatsReport> => {
    const { scope, rows } = await load(ctx, query);
    const analysis = analyseDefeats(rows, { current: scope.range, previous: scope.previousRange });
    const names = await namesOf(scope, rows);
    const group =
      (dimension: string, name: (key: string) => { zh: string; en: string } | undefined) =>
      (g: DefeatGroup): TDefeatGroup => {
        const named = g.key === null ? undefined : name(g.key);
        return {
          key: rowKeyOf(dimension, g.key),
          nameZh: named?.zh ?? null,
          nameEn: named?.en ?? null,
          confirmed: { current: g.confirmed, previous: g.previousConfirmed },
          rejected: g.rejected,
          share: g.share,
        };
      };
    const person = (id: string) => {
      const name = names.user.get(id);
      return name === undefined ? undefined : { zh: name, en: name };
    };
    const { current: c, previous: p } = analysis;
    return {
      meta: reportMetaOf(scope),
      totals: {
        confirmed: { current: c.confirmed, previous: p.confirmed },
        rejected: { current: c.rejected, previous: p.rejected },
        pending: { current: c.pending, previous: p.pending },
        decided: { current: c.decided, previous: p.decided },
        medianApprovalHours: { current: c.medianApprovalHours, previous: p.medianApprovalHours },
        averageApprovalHours: { current: c.averageApprovalHours, previous: p.averageApprovalHours },
      },
      byReason: analysis.byReason.map(group('reason', (id) => names.reason.get(id))),
      byCompetitor: analysis.byCompetitor.map(
        group('competitor', (key) => {
          const label = key.split('|').filter(Boolean).join(' ');
          return { zh: label, en: label };
        }),
      ),
      byConsultant: analysis.byConsultant.map(group('consultant', person)),
      bySeries: analysis.bySeries.map(group('series', (id) => names.series.get(id))),
      approvalByManager: analysis.approvalByManager.map((m) => ({
        key: rowKeyOf('manager', m.managerId),
        manager: { id: m.managerId, name: names.user.get(m.managerId) ?? '' },
        decided: m.decided,
        approved: m.approved,
        rejected: m.rejected,
        medianApprovalHours: m.medianApprovalHours,
        averageApprovalHours: m.averageApprovalHours,
      })),
    };
  };

  /** The customers behind a figure: the same rows and the same rule (core isDefeatIn) as the figure. */
  const customers = async (ctx: AuthContext, query: TDefeatsDrilldownQuery): Promise<TDrilldownPage> => {
    const { scope, rows } = await load(ctx, query);
    const key = parseRowKey(query.key, DIMENSIONS);
    const range = query.period === 'previous' ? scope.previousRange : scope.range;
    const ids = rows
      .filter((r) => isDefeatIn(r, query.metric, range))
      .filter((r) => !key || dimensionValue(r, key.dimension) === key.value)
      .map((r) => r.customerId);
    return drilldownPage(db, scope, ids, { page: query.page, pageSize: query.pageSize });
  };

  /** The period's requests (confirmed, rejected, pending), one line each, phones as the caller may see them. */
  const exportXlsx = async (
    ctx: AuthContext,
    query: TDefeatsExportQuery,
    reply: FastifyReply,
    log: FastifyBaseLogger,
    requestId: string,
  ): Promise<FastifyReply> => {
    const { scope, rows } = await load(ctx, query);
    const t = qualityTexts(query.lang);
    const inPeriod = rows.filter(
      (r) =>
        isDefeatIn(r, 'confirmed', scope.range) ||
        isDefeatIn(r, 'rejected', scope.range) ||
        isDefeatIn(r, 'pending', scope.range),
    );
    const names = await namesOf(scope, inPeriod);
    const customerIds = unique(inPeriod.map((r) => r.customerId));
    const cards = new Map(
      (
        await customersPage(db, scope.dealerIds, customerIds, { offset: 0, limit: customerIds.length + 1 })
      ).map((c) => [c.id, c]),
    );
    const en = query.lang === 'en';
    const totals = analyseDefeats(rows, { current: scope.range, previous: scope.previousRange }).current;
    return sendXlsx<DefeatAnalysisRow>(db, reply, log, {
      report: 'defeats',
      fileName: `defeats-${scope.period.from}-${scope.period.to}.xlsx`,
      sheetName: t.defeats.sheet,
      heading: [
        t.defeats.title,
        t.period(scope.period.from, scope.period.to),
        t.defeats.totals(totals.confirmed, totals.rejected, totals.pending),
      ],
      columns: [
        { header: t.defeats.columns.status, value: (r) => t.defeats.status[r.status] },
        {
          header: t.defeats.columns.requestedAt,
          value: (r) => wallClock(r.createdAt, scope.timeZone),
          numFmt: 'yyyy-mm-dd hh:mm',
          width: 18,
        },
        {
          header: t.defeats.columns.decidedAt,
          value: (r) => wallClock(r.decidedAt, scope.timeZone),
          numFmt: 'yyyy-mm-dd hh:mm',
          width: 18,
        },
        {
          header: t.defeats.columns.hours,
          value: (r) => (r.decidedAt ? Math.round(hoursBetween(r.createdAt, r.decidedAt) * 10) / 10 : null),
        },
        {
          header: t.defeats.columns.reason,
          value: (r) => {
            const name = names.reason.get(r.reasonId);
            return (en ? name?.en : name?.zh) ?? null;
          },
        },
        { header: t.defeats.columns.brand, value: (r) => r.competitorBrand },
        { header: t.defeats.columns.model, value: (r) => r.competitorModel },
        { header: t.defeats.columns.consultant, value: (r) => names.user.get(r.requestedBy) ?? null },
        {
          header: t.defeats.columns.manager,
          value: (r) => (r.decidedBy ? (names.user.get(r.decidedBy) ?? null) : null),
        },
        {
          header: t.defeats.columns.series,
          value: (r) => {
            const name = r.seriesId ? names.series.get(r.seriesId) : undefined;
            return (en ? name?.en : name?.zh) ?? null;
          },
        },
        { header: t.defeats.columns.customer, value: (r) => cards.get(r.customerId)?.name ?? null },
        { header: t.defeats.columns.cardNo, value: (r) => cards.get(r.customerId)?.cardNo ?? null },
        {
          header: t.defeats.columns.phone,
          value: (r) => {
            const card = cards.get(r.customerId);
            return card ? phoneForViewer(card.phoneE164, card.ownerId, scope.viewer).phone : null;
          },
          width: 16,
        },
      ],
      rows: inPeriod,
      audit: { dealerId: ctx.dealerId, actorId: ctx.userId, filter: auditedFilterOf(scope), requestId },
    });
  };

  return { report, customers, exportXlsx };
};

export type DefeatsReportService = ReturnType<typeof createDefeatsReportService>;
