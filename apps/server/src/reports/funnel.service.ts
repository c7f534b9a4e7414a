import type { TDrilldownPage, TExportLanguage, TReportFilter } from '@qianke/contracts/reports/filter';
import type { TFunnelGroupBy, TFunnelReport } from '@qianke/contracts/reports/funnel';
import {
  countTallies,
  FUNNEL_STEPS,
  type FunnelGroup,
  type FunnelLeadRow,
  funnelBucketFor,
  funnelCustomers,
  funnelTallyBreakdown,
  isFunnelStep,
  stepConversion,
} from '@qianke/core/reports/funnel';
import { periodDays, rate } from '@qianke/core/reports/period';
import { DomainError } from '@qianke/core/shared/domain-error';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { Db } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import { drilldownPage } from './drilldown';
import { funnelLeads, funnelTallies } from './funnel.repo';
import { funnelTexts } from './funnel-texts';
import { auditedFilterOf, type ReportScope, reportMetaOf, resolveReportScope } from './report-scope';
import { namesOf } from './report-scope.repo';
import { sendXlsx, type XlsxColumn } from './xlsx-export';

type Labelled = FunnelGroup & { label: string; labelEn: string | null };

const NAME_KIND = { source: 'source', consultant: 'user', series: 'series' } as const;

/** The sales funnel report (core/reports/funnel.ts has the definition), its drill-down and export. */
export const createFunnelService = ({ db }: { db: Db }) => {
  /** The counts of both periods and the breakdown, counted in the database (funnelTallies). */
  const figures = async (scope: ReportScope, groupBy: TFunnelGroupBy) => {
    const { current, previous } = await funnelTallies(db, scope, scope, groupBy, scope.timeZone);
    const bucket = funnelBucketFor(periodDays(scope.period));
    const groups = funnelTallyBreakdown(current, groupBy, bucket);
    const ids = groups.map((g) => g.key).filter((key) => key !== '');
    const names = groupBy === 'period' ? [] : await namesOf(db, scope.dealerIds, NAME_KIND[groupBy], ids);
    const labelled: Labelled[] = groups.map((group) => {
      const named = names.find((n) => n.id === group.key);
      return {
        ...group,
        label: groupBy === 'period' ? group.key : (named?.name ?? ''),
        labelEn: named?.nameEn ?? null,
      };
    });
    return { now: countTallies(current), before: countTallies(previous), bucket, groups: labelled };
  };

  const report = async (
    ctx: AuthContext,
    query: TReportFilter & { groupBy: TFunnelGroupBy },
  ): Promise<TFunnelReport> => {
    const scope = await resolveReportScope(db, ctx, query);
    const { now, before, bucket, groups } = await figures(scope, query.groupBy);
    const [rateNow, rateBefore] = [stepConversion(now), stepConversion(before)];
    return {
      meta: reportMetaOf(scope),
      steps: FUNNEL_STEPS.map((step) => ({
        step,
        count: { current: now[step], previous: before[step] },
        conversion: { current: rateNow[step], previous: rateBefore[step] },
      })),
      overall: { current: rate(now.delivered, now.leads), previous: rate(before.delivered, before.leads) },
      groupBy: query.groupBy,
      bucket: query.groupBy === 'period' ? bucket : null,
      groups: groups.map(({ key, label, labelEn, counts, conversion }) => ({
        key,
        label,
        labelEn,
        counts,
        conversion,
      })),
    };
  };

  const customers = async (
    ctx: AuthContext,
    query: TReportFilter & {
      groupBy: TFunnelGroupBy;
      metric: string;
      key?: string | undefined;
      period: 'current' | 'previous';
      page: number;
      pageSize: number;
    },
  ): Promise<TDrilldownPage> => {
    if (!isFunnelStep(query.metric)) {
      const message = `Choose one of the funnel steps: ${FUNNEL_STEPS.join(', ')}.`;
      throw new DomainError('validation_failed', message, { fields: { metric: message } });
    }
    const scope = await resolveReportScope(db, ctx, query);
    const period = query.period === 'previous' ? scope.previous : scope.period;
    const rows: FunnelLeadRow[] = await funnelLeads(
      db,
      scope,
      query.period === 'previous' ? scope.previousRange : scope.range,
    );
    const group =
      query.key === undefined
        ? undefined
        : {
            groupBy: query.groupBy,
            key: query.key,
            timeZone: scope.timeZone,
            bucket: funnelBucketFor(periodDays(period)),
          };
    return drilldownPage(db, scope, funnelCustomers(rows, query.metric, group), query);
  };

  const exportXlsx = async (
    ctx: AuthContext,
    query: TReportFilter & { groupBy: TFunnelGroupBy; lang: TExportLanguage },
    reply: FastifyReply,
    log: FastifyBaseLogger,
    requestId: string,
  ): Promise<FastifyReply> => {
    const scope = await resolveReportScope(db, ctx, query);
    const { now, before, groups } = await figures(scope, query.groupBy);
    const texts = funnelTexts(query.lang);
    const total = (label: string, counts: FunnelGroup['counts']): Labelled => ({
      key: '*',
      label,
      labelEn: label,
      counts,
      conversion: stepConversion(counts),
    });
    const rows: Labelled[] = [total(texts.total, now), total(texts.previous, before), ...groups];
    const columns: XlsxColumn<Labelled>[] = [
      {
        header: texts.groupBy[query.groupBy],
        width: 22,
        value: (row) => (query.lang === 'en' ? (row.labelEn ?? row.label) : row.label) || texts.none,
      },
      ...FUNNEL_STEPS.map((step) => ({
        header: texts.steps[step],
        width: 12,
        value: (row: Labelled) => row.counts[step],
      })),
      ...FUNNEL_STEPS.slice(1).map((step) => ({
        header: texts.conversion(texts.steps[step]),
        width: 14,
        numFmt: '0.0%',
        value: (row: Labelled) => row.conversion[step],
      })),
    ];
    return sendXlsx(db, reply, log, {
      report: 'funnel',
      fileName: `funnel-${scope.period.from}-${scope.period.to}.xlsx`,
      sheetName: texts.sheet,
      heading: [
        texts.title,
        texts.period(scope.period.from, scope.period.to, scope.previous.from, scope.previous.to),
      ],
      columns,
      rows,
      audit: {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        filter: { ...auditedFilterOf(scope), groupBy: query.groupBy },
        requestId,
      },
    });
  };

  return { report, customers, exportXlsx };
};

export type FunnelService = ReturnType<typeof createFunnelService>;
