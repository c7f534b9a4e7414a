import type { TExportLanguage, TReportFilter } from '@qianke/contracts/reports/filter';
import type { TMonthlyPlan, TPlanLine } from '@qianke/contracts/reports/monthly-plan';
import { addKpiTallies, COUNT_METRICS, emptyKpiTally, rollUpTargets } from '@qianke/core/reports/kpi';
import { type PlanLine, planLine } from '@qianke/core/reports/monthly-plan';
import { addSummaries } from '@qianke/core/reports/progress-ledger';
import { storeDateOf } from '@qianke/core/showroom/store-day';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { Clock } from '../infra/clock';
import type { Db } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import { targetsFor } from './kpi.repo';
import { kpiMonth } from './kpi.service';
import { managementTexts } from './management-texts';
import { monthLedgers } from './progress.service';
import { auditedFilterOf, type ReportScope, reportMetaOf, resolveReportScope } from './report-scope';
import { sendXlsx, type XlsxColumn } from './xlsx-export';

const wire = (
  line: PlanLine,
  consultant: { id: string; name: string } | null,
  storeId: string | null,
): TPlanLine => ({
  consultant,
  storeId,
  prospects: line.prospects,
  carried: line.carried,
  new: line.new,
  sold: line.sold,
  defeated: line.defeated,
  figures: line.figures.map((f) => ({ ...f, previous: null })),
});

/** The monthly sales activity plan (月度销售活动计划表): the progress table's month end against the targets. */
export const createMonthlyPlanService = ({ db, clock }: { db: Db; clock: Clock }) => {
  const plan = async (scope: ReportScope) => {
    const now = clock.now();
    const ledgers = await monthLedgers(db, scope, now);
    const kpis = await kpiMonth(db, scope, now);
    const tallyOf = (consultantId: string) => {
      for (const s of kpis.stores) {
        const t = s.current.consultants.get(consultantId);
        if (t) return t;
      }
      return emptyKpiTally();
    };
    const lines = ledgers.current.map((ledger, i) => {
      const person = ledgers.people[i] as { id: string; name: string; dealerId: string };
      const line = planLine(
        person.id,
        ledger.summary,
        tallyOf(person.id),
        targetsFor(kpis.targets, person.dealerId, person.id),
      );
      return wire(line, { id: person.id, name: person.name }, person.dealerId);
    });
    const storeTargets =
      scope.dealerIds.length === 1
        ? targetsFor(kpis.targets, scope.dealerIds[0] as string, null)
        : rollUpTargets(scope.dealerIds.map((id) => targetsFor(kpis.targets, id, null)));
    const store = scope.consultantId
      ? null
      : wire(
          planLine(
            null,
            addSummaries(ledgers.current.map((l) => l.summary)),
            addKpiTallies(kpis.stores.map((s) => s.current.store)),
            storeTargets,
          ),
          null,
          scope.dealerIds.length === 1 ? (scope.dealerIds[0] ?? null) : null,
        );
    return { window: ledgers.window, lines, store };
  };

  const report = async (ctx: AuthContext, query: TReportFilter): Promise<TMonthlyPlan> => {
    const scope = await resolveReportScope(db, ctx, query);
    const { window, lines, store } = await plan(scope);
    return { meta: reportMetaOf(scope), month: window.month, asOf: window.asOf.toISOString(), lines, store };
  };

  const exportXlsx = async (
    ctx: AuthContext,
    query: TReportFilter & { lang: TExportLanguage },
    reply: FastifyReply,
    log: FastifyBaseLogger,
    requestId: string,
  ): Promise<FastifyReply> => {
    const scope = await resolveReportScope(db, ctx, query);
    const { window, lines, store } = await plan(scope);
    const texts = managementTexts(query.lang);
    const figure = (line: TPlanLine, metric: (typeof COUNT_METRICS)[number]) =>
      line.figures.find((f) => f.metric === metric);
    const columns: XlsxColumn<TPlanLine>[] = [
      { header: texts.consultant, width: 14, value: (l) => l.consultant?.name ?? texts.store },
      ...(['O', 'H', 'A', 'B', 'C'] as const).map((level) => ({
        header: level,
        width: 6,
        value: (l: TPlanLine) => l.prospects[level],
      })),
      { header: texts.plan.carried, width: 12, value: (l) => l.carried },
      { header: texts.plan.new, width: 8, value: (l) => l.new },
      { header: texts.plan.sold, width: 10, value: (l) => l.sold },
      { header: texts.plan.defeated, width: 8, value: (l) => l.defeated },
      ...COUNT_METRICS.flatMap((metric) => {
        const name = texts.metrics[metric];
        return [
          {
            header: texts.plan.target(name),
            width: 10,
            value: (l: TPlanLine) => figure(l, metric)?.target ?? null,
          },
          {
            header: texts.plan.actual(name),
            width: 10,
            value: (l: TPlanLine) => figure(l, metric)?.actual ?? null,
          },
          {
            header: texts.plan.attainment(name),
            width: 12,
            numFmt: '0.0%',
            value: (l: TPlanLine) => figure(l, metric)?.attainment ?? null,
          },
        ];
      }),
    ];
    return sendXlsx(db, reply, log, {
      report: 'monthly-plan',
      fileName: `monthly-plan-${window.month}.xlsx`,
      sheetName: texts.plan.sheet,
      heading: [
        texts.plan.title,
        texts.month(window.month, storeDateOf(new Date(window.asOf.getTime() - 1), scope.timeZone)),
      ],
      columns,
      rows: store ? [...lines, store] : lines,
      audit: {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        filter: { ...auditedFilterOf(scope), month: window.month },
        requestId,
      },
    });
  };

  return { report, exportXlsx };
};

export type MonthlyPlanService = ReturnType<typeof createMonthlyPlanService>;
