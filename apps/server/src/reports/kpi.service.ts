import type { TDrilldownPage, TExportLanguage, TReportFilter } from '@qianke/contracts/reports/filter';
import type {
  TKpiDrilldownQuery,
  TKpiFigure,
  TKpiReport,
  TKpiTargets,
  TSetKpiTargets,
} from '@qianke/contracts/reports/kpi';
import {
  addKpiTallies,
  isRateMetric,
  isValidTarget,
  type KpiFigure,
  type KpiTally,
  type KpiTargets,
  kpiFigures,
  rollUpTargets,
  tallyKpis,
} from '@qianke/core/reports/kpi';
import { isStoreMonth, type MonthWindow, monthWindowOf } from '@qianke/core/reports/store-month';
import { DomainError } from '@qianke/core/shared/domain-error';
import { storeDateOf } from '@qianke/core/showroom/store-day';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import { recordAudit } from '../infra/audit/record-audit';
import type { Clock } from '../infra/clock';
import type { Db, Executor } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import { drilldownPage } from './drilldown';
import { callbackRows, taskRows } from './follow-up-compliance.repo';
import {
  deleteTarget,
  type KpiEventRow,
  kpiEvents,
  retentionVisits,
  storeNames,
  type TargetRow,
  targetsFor,
  targetsOf,
  upsertTarget,
  usersOfStore,
} from './kpi.repo';
import { managementTexts } from './management-texts';
import { type Person, reportPeople } from './progress.repo';
import { auditedFilterOf, type ReportScope, reportMetaOf, resolveReportScope } from './report-scope';
import { sendXlsx, type XlsxColumn } from './xlsx-export';

export type StoreKpis = {
  store: { id: string; name: string };
  people: Person[];
  events: KpiEventRow[];
  current: { store: KpiTally; consultants: Map<string, KpiTally> };
  previous: { store: KpiTally; consultants: Map<string, KpiTally> };
};

/**
 * The KPI tallies of the scope's month and the month before, store by store (the call-back and task
 * rows carry no store, so each store is read on its own), with the month's targets.
 */
export const kpiMonth = async (
  db: Executor,
  scope: ReportScope,
  now: Date,
): Promise<{ window: MonthWindow; stores: StoreKpis[]; targets: TargetRow[] }> => {
  const window = monthWindowOf(scope.period.from, scope.timeZone, now);
  const span = { start: window.previousRange.start, end: window.asOf };
  const names = await storeNames(db, scope.dealerIds);
  const stores: StoreKpis[] = [];
  for (const dealerId of scope.dealerIds) {
    const one: ReportScope = {
      ...scope,
      dealerIds: [dealerId],
      range: window.range,
      previousRange: window.previousRange,
    };
    const events = await kpiEvents(db, one, span);
    const visits = await retentionVisits(db, one, span);
    const callbacks = await callbackRows(db, one);
    const tasks = await taskRows(db, one, now);
    const people = await reportPeople(
      db,
      one,
      events.flatMap((e) => (e.consultantId ? [e.consultantId] : [])),
    );
    const ids = people.map((p) => p.id);
    const rows = { events, visits, callbacks, tasks };
    stores.push({
      store: { id: dealerId, name: names.get(dealerId) ?? '' },
      people,
      events,
      current: tallyKpis(rows, window.range, now, ids),
      previous: tallyKpis(rows, window.previousRange, now, ids),
    });
  }
  return { window, stores, targets: await targetsOf(db, scope.dealerIds, window.month) };
};

const withPrevious = (figures: KpiFigure[], previous: KpiTally): TKpiFigure[] => {
  const before = kpiFigures(previous, {});
  return figures.map((f, i) => ({ ...f, previous: before[i]?.actual ?? null }));
};

const MONTH_MESSAGE = 'Choose a month (YYYY-MM).';

/** The KPI dashboard (store, consultants, group roll-up), its drill-down, export, and the targets form. */
export const createKpiService = ({ db, clock }: { db: Db; clock: Clock }) => {
  const figuresOf = async (scope: ReportScope) => {
    const { window, stores, targets } = await kpiMonth(db, scope, clock.now());
    // A consultant's own figures, or one consultant picked: the store lines would be theirs only.
    const storeLines = scope.consultantId
      ? []
      : stores.map((s) => ({
          store: s.store,
          figures: withPrevious(
            kpiFigures(s.current.store, targetsFor(targets, s.store.id, null)),
            s.previous.store,
          ),
        }));
    const rollUp =
      stores.length > 1 && !scope.consultantId
        ? withPrevious(
            kpiFigures(
              addKpiTallies(stores.map((s) => s.current.store)),
              rollUpTargets(stores.map((s) => targetsFor(targets, s.store.id, null))),
            ),
            addKpiTallies(stores.map((s) => s.previous.store)),
          )
        : null;
    const consultants = stores.flatMap((s) =>
      s.people.map((p) => ({
        consultant: { id: p.id, name: p.name },
        storeId: s.store.id,
        figures: withPrevious(
          kpiFigures(s.current.consultants.get(p.id) as KpiTally, targetsFor(targets, s.store.id, p.id)),
          s.previous.consultants.get(p.id) as KpiTally,
        ),
      })),
    );
    return { window, stores, storeLines, rollUp, consultants };
  };

  const report = async (ctx: AuthContext, query: TReportFilter): Promise<TKpiReport> => {
    const scope = await resolveReportScope(db, ctx, query);
    const { window, storeLines, rollUp, consultants } = await figuresOf(scope);
    return {
      meta: reportMetaOf(scope),
      month: window.month,
      previousMonth: window.previousMonth,
      stores: storeLines,
      rollUp,
      consultants,
    };
  };

  const customers = async (ctx: AuthContext, query: TKpiDrilldownQuery): Promise<TDrilldownPage> => {
    const scope = await resolveReportScope(db, ctx, query);
    const window = monthWindowOf(scope.period.from, scope.timeZone, clock.now());
    const range = query.period === 'previous' ? window.previousRange : window.range;
    const end = Math.min(range.end.getTime(), clock.now().getTime());
    const events = await kpiEvents(db, scope, {
      start: range.start,
      end: new Date(Math.max(end, range.start.getTime())),
    });
    const ids = events
      .filter((e) => e.metric === query.metric && (query.key === undefined || e.consultantId === query.key))
      .flatMap((e) => (e.customerId ? [e.customerId] : []));
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
    const { window, storeLines, rollUp, consultants } = await figuresOf(scope);
    const texts = managementTexts(query.lang);
    type Line = { who: string; figure: TKpiFigure };
    const rows: Line[] = [
      ...(rollUp ?? []).map((figure) => ({ who: texts.kpi.group, figure })),
      ...storeLines.flatMap((s) => s.figures.map((figure) => ({ who: s.store.name, figure }))),
      ...consultants.flatMap((c) => c.figures.map((figure) => ({ who: c.consultant.name, figure }))),
    ];
    const asRate = (r: Line) => isRateMetric(r.figure.metric);
    const columns: XlsxColumn<Line>[] = [
      { header: texts.kpi.who, width: 16, value: (r) => r.who },
      { header: texts.kpi.metric, width: 18, value: (r) => texts.metrics[r.figure.metric] },
      {
        header: texts.kpi.actual,
        width: 12,
        value: (r) =>
          asRate(r) && r.figure.actual !== null ? `${(r.figure.actual * 100).toFixed(1)}%` : r.figure.actual,
      },
      {
        header: texts.kpi.target,
        width: 12,
        value: (r) =>
          asRate(r) && r.figure.target !== null ? `${(r.figure.target * 100).toFixed(1)}%` : r.figure.target,
      },
      { header: texts.kpi.attainment, width: 12, numFmt: '0.0%', value: (r) => r.figure.attainment },
      {
        header: texts.kpi.previous,
        width: 12,
        value: (r) =>
          asRate(r) && r.figure.previous !== null
            ? `${(r.figure.previous * 100).toFixed(1)}%`
            : r.figure.previous,
      },
    ];
    return sendXlsx(db, reply, log, {
      report: 'kpi',
      fileName: `kpi-${window.month}.xlsx`,
      sheetName: texts.kpi.sheet,
      heading: [
        texts.kpi.title,
        texts.month(window.month, storeDateOf(new Date(window.asOf.getTime() - 1), scope.timeZone)),
      ],
      columns,
      rows,
      audit: {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        filter: { ...auditedFilterOf(scope), month: window.month },
        requestId,
      },
    });
  };

  const targets = async (ctx: AuthContext, month: string, executor: Executor = db): Promise<TKpiTargets> => {
    if (!isStoreMonth(month))
      throw new DomainError('validation_failed', MONTH_MESSAGE, { fields: { month: MONTH_MESSAGE } });
    const people = await reportPeople(executor, { dealerIds: [ctx.dealerId], consultantId: undefined }, []);
    const rows = await targetsOf(executor, [ctx.dealerId], month);
    return {
      month,
      consultants: people.map((p) => ({ id: p.id, name: p.name })),
      targets: rows.map((r) => ({ consultantId: r.consultantId, metric: r.metric, target: r.target })),
    };
  };

  /** Sets (or with `target: null` removes) targets of the caller's store; one audit row per change. */
  const setTargets = async (
    ctx: AuthContext,
    input: TSetKpiTargets,
    requestId?: string,
  ): Promise<TKpiTargets> => {
    if (!isStoreMonth(input.month))
      throw new DomainError('validation_failed', MONTH_MESSAGE, { fields: { month: MONTH_MESSAGE } });
    const fields: Record<string, string> = {};
    const seen = new Set<string>();
    input.targets.forEach((t, i) => {
      const key = `${t.consultantId ?? 'store'}:${t.metric}`;
      if (seen.has(key)) fields[`targets.${i}.metric`] = 'This target is given twice.';
      seen.add(key);
      if (t.target !== null && !isValidTarget(t.metric, t.target))
        fields[`targets.${i}.target`] = isRateMetric(t.metric)
          ? 'A rate target is between 0 and 1 (e.g. 0.95 for 95%).'
          : 'A count target is a whole number, 0 or more.';
    });
    if (Object.keys(fields).length > 0)
      throw new DomainError('validation_failed', 'Some targets cannot be saved: see the marked fields.', {
        fields,
      });
    const consultantIds = [
      ...new Set(input.targets.flatMap((t) => (t.consultantId ? [t.consultantId] : []))),
    ];
    return db.transaction(async (tx) => {
      const known = await usersOfStore(tx, ctx.dealerId, consultantIds);
      const unknown = consultantIds.find((id) => !known.has(id));
      if (unknown) throw new DomainError('not_found', 'There is no such consultant in this store.');
      const before = targetsOf(tx, [ctx.dealerId], input.month);
      const old = new Map((await before).map((r) => [`${r.consultantId ?? 'store'}:${r.metric}`, r.target]));
      for (const t of input.targets) {
        const key = `${t.consultantId ?? 'store'}:${t.metric}`;
        const was = old.get(key) ?? null;
        if (was === t.target) continue;
        const where = {
          dealerId: ctx.dealerId,
          month: input.month,
          consultantId: t.consultantId,
          metric: t.metric,
        };
        if (t.target === null) await deleteTarget(tx, where);
        else await upsertTarget(tx, { ...where, target: t.target, userId: ctx.userId });
        await recordAudit(tx, {
          dealerId: ctx.dealerId,
          actorId: ctx.userId,
          action: t.target === null ? 'kpi_target.remove' : 'kpi_target.set',
          entity: 'kpi_target',
          entityId: `${input.month}:${key}`,
          before: was === null ? null : { target: was },
          after:
            t.target === null
              ? null
              : { month: input.month, consultantId: t.consultantId, metric: t.metric, target: t.target },
          requestId,
        });
      }
      return targets(ctx, input.month, tx);
    });
  };

  return { report, customers, exportXlsx, targets, setTargets };
};

export type KpiService = ReturnType<typeof createKpiService>;
export type { KpiTargets };
