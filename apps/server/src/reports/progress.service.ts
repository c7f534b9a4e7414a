import type { TDrilldownPage, TExportLanguage, TReportFilter } from '@qianke/contracts/reports/filter';
import type {
  TLedgerRow,
  TProgressDrilldownQuery,
  TProgressReport,
} from '@qianke/contracts/reports/progress';
import {
  addSummaries,
  type ConsultantLedger,
  ledgerRowsFor,
  progressLedgers,
} from '@qianke/core/reports/progress-ledger';
import { type MonthWindow, monthWindowOf } from '@qianke/core/reports/store-month';
import { storeDateOf } from '@qianke/core/showroom/store-day';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { Clock } from '../infra/clock';
import type { Db, Executor } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import { drilldownPage } from './drilldown';
import { managementTexts } from './management-texts';
import { type LedgerLeadRow, ledgerLeads, type Person, reportPeople } from './progress.repo';
import { auditedFilterOf, type ReportScope, reportMetaOf, resolveReportScope } from './report-scope';
import { sendXlsx, type XlsxColumn } from './xlsx-export';

export type MonthLedgers = {
  window: MonthWindow;
  people: Person[];
  leads: LedgerLeadRow[];
  current: ConsultantLedger[];
  previous: ConsultantLedger[];
};

/** The progress tables of the scope's month and the month before (core/reports/progress-ledger.ts). */
export const monthLedgers = async (db: Executor, scope: ReportScope, now: Date): Promise<MonthLedgers> => {
  const window = monthWindowOf(scope.period.from, scope.timeZone, now);
  const leads = await ledgerLeads(db, scope, { start: window.previousRange.start, asOf: window.asOf });
  const people = await reportPeople(
    db,
    scope,
    leads.map((l) => l.consultantId),
  );
  const ids = people.map((p) => p.id);
  return {
    window,
    people,
    leads,
    current: progressLedgers(leads, { start: window.range.start, asOf: window.asOf }, ids),
    previous: progressLedgers(leads, { start: window.previousRange.start, asOf: window.previousAsOf }, ids),
  };
};

/** The intention customer progress table (意向客户进度管制表), its drill-down and export. */
export const createProgressService = ({ db, clock }: { db: Db; clock: Clock }) => {
  const report = async (ctx: AuthContext, query: TReportFilter): Promise<TProgressReport> => {
    const scope = await resolveReportScope(db, ctx, query);
    const { window, people, leads, current, previous } = await monthLedgers(db, scope, clock.now());
    const leadOf = new Map(leads.map((l) => [l.leadId, l]));
    const consultants = current.map((ledger, i) => {
      const person = people[i] as Person;
      const rows: TLedgerRow[] = ledger.rows.map((row) => ({
        leadId: row.leadId,
        customer: {
          id: row.customerId,
          name: row.customerName,
          cardNo: leadOf.get(row.leadId)?.cardNo ?? '',
        },
        seriesName: leadOf.get(row.leadId)?.seriesName ?? null,
        isNew: row.isNew,
        levelAtStart: row.levelAtStart,
        levelAsOf: row.levelAsOf,
        changes: row.changes.map((c) => ({ at: c.at.toISOString(), from: c.from, to: c.to })),
        result: row.result,
        resultAt: row.resultAt?.toISOString() ?? null,
        struck: row.struck,
      }));
      return {
        consultant: { id: person.id, name: person.name },
        storeId: person.dealerId,
        summary: ledger.summary,
        previous: previous[i]?.summary ?? addSummaries([]),
        rows,
      };
    });
    return {
      meta: reportMetaOf(scope),
      month: window.month,
      previousMonth: window.previousMonth,
      asOf: window.asOf.toISOString(),
      consultants,
      total: {
        current: addSummaries(current.map((l) => l.summary)),
        previous: addSummaries(previous.map((l) => l.summary)),
      },
    };
  };

  const customers = async (ctx: AuthContext, query: TProgressDrilldownQuery): Promise<TDrilldownPage> => {
    const scope = await resolveReportScope(db, ctx, query);
    const { current, previous } = await monthLedgers(db, scope, clock.now());
    const ledgers = (query.period === 'previous' ? previous : current).filter(
      (l) => query.key === undefined || l.consultantId === query.key,
    );
    const ids = ledgers.flatMap((l) =>
      ledgerRowsFor(l.rows, query.metric, query.level).map((r) => r.customerId),
    );
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
    const { window, people, leads, current } = await monthLedgers(db, scope, clock.now());
    const texts = managementTexts(query.lang);
    const t = texts.progress;
    const leadOf = new Map(leads.map((l) => [l.leadId, l]));
    const nameOf = new Map(people.map((p) => [p.id, p.name]));
    type Line = ConsultantLedger['rows'][number];
    const day = (at: Date) => storeDateOf(at, scope.timeZone);
    const columns: XlsxColumn<Line>[] = [
      { header: texts.consultant, width: 12, value: (r) => nameOf.get(r.consultantId) ?? '' },
      { header: t.card, width: 16, value: (r) => leadOf.get(r.leadId)?.cardNo ?? '' },
      { header: t.customer, width: 14, value: (r) => r.customerName },
      { header: t.series, width: 12, value: (r) => leadOf.get(r.leadId)?.seriesName ?? '' },
      { header: t.isNew, width: 10, value: (r) => (r.isNew ? t.yes : t.no) },
      { header: t.levelAtStart, width: 10, value: (r) => r.levelAtStart ?? '' },
      {
        header: t.changes,
        width: 28,
        value: (r) => r.changes.map((c) => `${day(c.at).slice(5)} ${c.from ?? '-'}→${c.to}`).join('; '),
      },
      { header: t.levelAsOf, width: 10, value: (r) => r.levelAsOf ?? '' },
      {
        header: t.result,
        width: 14,
        value: (r) => (r.result ? `${t.results[r.result]} ${day(r.resultAt as Date)}` : ''),
      },
      { header: t.rollOver, width: 10, value: (r) => (r.struck ? t.no : t.yes) },
    ];
    return sendXlsx(db, reply, log, {
      report: 'progress',
      fileName: `progress-${window.month}.xlsx`,
      sheetName: t.sheet,
      heading: [t.title, texts.month(window.month, day(new Date(window.asOf.getTime() - 1)))],
      columns,
      rows: current.flatMap((l) => l.rows),
      audit: {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        filter: { ...auditedFilterOf(scope), month: window.month },
        requestId,
      },
    });
  };

  return { report, customers, exportXlsx };
};

export type ProgressService = ReturnType<typeof createProgressService>;
