import type { TDrilldownPage, TExportLanguage, TReportFilter } from '@qianke/contracts/reports/filter';
import type { TSourceAnalysisReport } from '@qianke/contracts/reports/source-analysis';
import {
  isSourceMetric,
  SOURCE_METRICS,
  type SourceFigures,
  sourceAnalysisOfTallies,
  sourceCustomers,
} from '@qianke/core/reports/source-analysis';
import { DomainError } from '@qianke/core/shared/domain-error';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { Db } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import { drilldownPage } from './drilldown';
import { auditedFilterOf, reportMetaOf, resolveReportScope } from './report-scope';
import { namesOf } from './report-scope.repo';
import { sourceEvents, sourceTallies } from './source-analysis.repo';
import { sourceAnalysisTexts } from './source-analysis-texts';
import { sendXlsx } from './xlsx-export';

type DrillQuery = TReportFilter & {
  metric: string;
  key?: string | undefined;
  period: 'current' | 'previous';
  page: number;
  pageSize: number;
};

const figuresOf = ({ key: _key, ...figures }: SourceFigures) => figures;

/** Source analysis (core/reports/source-analysis.ts), its drill-down and export. */
export const createSourceAnalysisService = ({ db }: { db: Db }) => {
  const report = async (ctx: AuthContext, query: TReportFilter): Promise<TSourceAnalysisReport> => {
    const scope = await resolveReportScope(db, ctx, query);
    const tallies = await sourceTallies(db, scope, scope);
    const current = sourceAnalysisOfTallies(tallies.current);
    const previous = sourceAnalysisOfTallies(tallies.previous);
    const keys = [...new Set([...current.sources, ...previous.sources].map((s) => s.key))];
    const names = await namesOf(db, scope.dealerIds, 'source', keys.filter(Boolean));
    const empty = sourceAnalysisOfTallies([]).total;
    const sources = keys.map((key) => {
      const now = current.sources.find((s) => s.key === key);
      const before = previous.sources.find((s) => s.key === key);
      const named = names.find((n) => n.id === key);
      return {
        key,
        name: named?.name ?? '',
        nameEn: named?.nameEn ?? null,
        current: figuresOf(now ?? { ...empty, key }),
        previous: figuresOf(before ?? { ...empty, key }),
      };
    });
    return {
      meta: reportMetaOf(scope),
      costRecorded: false,
      total: { current: figuresOf(current.total), previous: figuresOf(previous.total) },
      sources: sources.sort(
        (a, b) =>
          b.current.leads - a.current.leads ||
          b.current.orders - a.current.orders ||
          a.key.localeCompare(b.key),
      ),
    };
  };

  const customers = async (ctx: AuthContext, query: DrillQuery): Promise<TDrilldownPage> => {
    if (!isSourceMetric(query.metric)) {
      const message = `Choose one of the source figures: ${SOURCE_METRICS.join(', ')}.`;
      throw new DomainError('validation_failed', message, { fields: { metric: message } });
    }
    const scope = await resolveReportScope(db, ctx, query);
    const events = await sourceEvents(
      db,
      scope,
      query.period === 'previous' ? scope.previousRange : scope.range,
    );
    return drilldownPage(db, scope, sourceCustomers(events, query.metric, query.key), query);
  };

  const exportXlsx = async (
    ctx: AuthContext,
    query: TReportFilter & { lang: TExportLanguage },
    reply: FastifyReply,
    log: FastifyBaseLogger,
    requestId: string,
  ): Promise<FastifyReply> => {
    const scope = await resolveReportScope(db, ctx, query);
    const data = await report(ctx, query);
    const texts = sourceAnalysisTexts(query.lang);
    type Line = { label: string; figures: TSourceAnalysisReport['total']['current'] };
    const rows: Line[] = [
      { label: texts.total, figures: data.total.current },
      { label: texts.previous, figures: data.total.previous },
      ...data.sources.map((s) => ({
        label: (query.lang === 'en' ? s.nameEn : s.name) || texts.none,
        figures: s.current,
      })),
    ];
    return sendXlsx(db, reply, log, {
      report: 'sources',
      fileName: `sources-${data.meta.from}-${data.meta.to}.xlsx`,
      sheetName: texts.sheet,
      heading: [
        texts.title,
        texts.period(data.meta.from, data.meta.to, data.meta.previousFrom, data.meta.previousTo),
        texts.noCost,
      ],
      columns: [
        { header: texts.source, width: 22, value: (l) => l.label },
        { header: texts.leads, width: 10, value: (l) => l.figures.leads },
        { header: texts.visits, width: 10, value: (l) => l.figures.visits },
        { header: texts.orders, width: 10, value: (l) => l.figures.orders },
        { header: texts.leadToOrder, width: 14, numFmt: '0.0%', value: (l) => l.figures.leadToOrderRate },
        { header: texts.cost, width: 10, value: (l) => l.figures.cost ?? '—' },
      ],
      rows,
      audit: { dealerId: ctx.dealerId, actorId: ctx.userId, filter: auditedFilterOf(scope), requestId },
    });
  };

  return { report, customers, exportXlsx };
};

export type SourceAnalysisService = ReturnType<typeof createSourceAnalysisService>;
