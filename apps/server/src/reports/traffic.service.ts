import type { TDrilldownPage, TExportLanguage, TReportFilter } from '@qianke/contracts/reports/filter';
import type { TTrafficFigures, TTrafficReport } from '@qianke/contracts/reports/traffic';
import {
  addTallies,
  figuresOfTally,
  isTrafficMetric,
  partySizesOfCounts,
  TRAFFIC_METRICS,
  trafficByConsultantOfTallies,
  trafficByTimeOfCells,
  trafficCustomers,
} from '@qianke/core/reports/traffic';
import { DomainError } from '@qianke/core/shared/domain-error';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { Db } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import { drilldownPage } from './drilldown';
import { auditedFilterOf, reportMetaOf, resolveReportScope } from './report-scope';
import { namesOf } from './report-scope.repo';
import { trafficTallies, trafficVisits } from './traffic.repo';
import { trafficTexts } from './traffic-texts';
import { sendXlsx, type XlsxColumn } from './xlsx-export';

type DrillQuery = TReportFilter & {
  metric: string;
  key?: string | undefined;
  period: 'current' | 'previous';
  page: number;
  pageSize: number;
};

/** Showroom traffic (core/reports/traffic.ts has the definitions), its drill-down and export. */
export const createTrafficService = ({ db }: { db: Db }) => {
  const report = async (ctx: AuthContext, query: TReportFilter): Promise<TTrafficReport> => {
    const scope = await resolveReportScope(db, ctx, query);
    const tallies = await trafficTallies(db, scope, scope, scope.timeZone);
    const consultants = trafficByConsultantOfTallies(tallies.consultants);
    const names = await namesOf(db, scope.dealerIds, 'user', consultants.map((c) => c.key).filter(Boolean));
    return {
      meta: reportMetaOf(scope),
      current: figuresOfTally(addTallies(tallies.consultants.map((c) => c.tally))),
      previous: figuresOfTally(addTallies(tallies.previous.map((c) => c.tally))),
      ...trafficByTimeOfCells(tallies.cells),
      partySizes: partySizesOfCounts(tallies.partySizes),
      consultants: consultants.map((c) => ({
        key: c.key,
        name: names.find((n) => n.id === c.key)?.name ?? '',
        figures: c.figures,
      })),
    };
  };

  const customers = async (ctx: AuthContext, query: DrillQuery): Promise<TDrilldownPage> => {
    if (!isTrafficMetric(query.metric)) {
      const message = `Choose one of the traffic figures: ${TRAFFIC_METRICS.join(', ')}.`;
      throw new DomainError('validation_failed', message, { fields: { metric: message } });
    }
    const scope = await resolveReportScope(db, ctx, query);
    const rows = await trafficVisits(
      db,
      scope,
      query.period === 'previous' ? scope.previousRange : scope.range,
    );
    return drilldownPage(db, scope, trafficCustomers(rows, query.metric, query.key), query);
  };

  const exportXlsx = async (
    ctx: AuthContext,
    query: TReportFilter & { lang: TExportLanguage },
    reply: FastifyReply,
    log: FastifyBaseLogger,
    requestId: string,
  ): Promise<FastifyReply> => {
    const data = await report(ctx, query);
    const texts = trafficTexts(query.lang);
    type Line = { label: string; figures: TTrafficFigures };
    const rows: Line[] = [
      { label: texts.total, figures: data.current },
      { label: texts.previous, figures: data.previous },
      ...data.consultants.map((c) => ({ label: c.name || texts.none, figures: c.figures })),
    ];
    const column = (key: keyof TTrafficFigures, numFmt?: string): XlsxColumn<Line> => ({
      header: texts.columns[key],
      width: 12,
      value: (line) => line.figures[key],
      ...(numFmt ? { numFmt } : {}),
    });
    return sendXlsx(db, reply, log, {
      report: 'traffic',
      fileName: `traffic-${data.meta.from}-${data.meta.to}.xlsx`,
      sheetName: texts.sheet,
      heading: [
        texts.title,
        texts.period(data.meta.from, data.meta.to, data.meta.previousFrom, data.meta.previousTo),
      ],
      columns: [
        { header: texts.consultant, width: 18, value: (line) => line.label },
        column('visits'),
        column('phoneIns'),
        column('people'),
        column('firstVisits'),
        column('repeatVisits'),
        column('leftContact'),
        column('valid'),
        column('ordered'),
        column('averagePartySize'),
        column('averageStayMinutes'),
        column('retentionRate', '0.0%'),
        column('validRate', '0.0%'),
        column('visitToOrderRate', '0.0%'),
      ],
      rows,
      audit: {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        filter: auditedFilterOf(await resolveReportScope(db, ctx, query)),
        requestId,
      },
    });
  };

  return { report, customers, exportXlsx };
};

export type TrafficService = ReturnType<typeof createTrafficService>;
