import type {
  TDccReport,
  TDccReportDrilldownQuery,
  TDccReportExportQuery,
  TDccReportQuery,
} from '@qianke/contracts/reports/dcc';
import type { TDrilldownPage } from '@qianke/contracts/reports/filter';
import { type DccFigures, dccReport, isCallIn, isInvitationIn } from '@qianke/core/reports/dcc';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { Clock } from '../infra/clock';
import type { Executor } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import { dccAgentIds, dccCallRows, dccInvitationRows } from './dcc-report.repo';
import { drilldownPage } from './drilldown';
import { userNames } from './quality-filter.repo';
import { parseRowKey, rowKeyOf } from './quality-keys';
import { qualityTexts } from './quality-texts';
import { auditedFilterOf, reportMetaOf, resolveReportScope } from './report-scope';
import { sendXlsx } from './xlsx-export';

const compare = <K extends keyof DccFigures>(current: DccFigures, previous: DccFigures, key: K) => ({
  current: current[key],
  previous: previous[key],
});

/** The DCC report (issue 6): core/reports/dcc.ts over the rates of core/dcc/rates.ts. */
export const createDccReportService = ({ db, clock }: { db: Executor; clock: Clock }) => {
  const load = async (ctx: AuthContext, filter: TDccReportQuery) => {
    const now = clock.now();
    const scope = await resolveReportScope(db, ctx, filter);
    const [calls, invitations, agentIds] = await Promise.all([
      dccCallRows(db, scope),
      dccInvitationRows(db, scope),
      dccAgentIds(db, scope),
    ]);
    const rows = { calls, invitations };
    const report = dccReport(rows, { current: scope.range, previous: scope.previousRange }, now, agentIds);
    const names = await userNames(
      db,
      scope,
      report.byAgent.map((a) => a.agentId),
    );
    return { scope, rows, report, names };
  };

  const report = async (ctx: AuthContext, query: TDccReportQuery): Promise<TDccReport> => {
    const { scope, report: r, names } = await load(ctx, query);
    const c = r.current;
    const p = r.previous;
    return {
      meta: reportMetaOf(scope),
      totals: {
        calls: compare(c, p, 'calls'),
        reached: compare(c, p, 'reached'),
        reachRate: compare(c, p, 'reachRate'),
        invitations: compare(c, p, 'invitations'),
        invitationsDue: compare(c, p, 'invitationsDue'),
        arrived: compare(c, p, 'arrived'),
        invitationRate: compare(c, p, 'invitationRate'),
        arrivalRate: compare(c, p, 'arrivalRate'),
        ordered: compare(c, p, 'ordered'),
        invitationToOrderRate: compare(c, p, 'invitationToOrderRate'),
      },
      byAgent: r.byAgent.map(({ agentId, previous, ...figures }) => ({
        key: rowKeyOf('agent', agentId),
        agent: { id: agentId, name: names.get(agentId) ?? '' },
        ...figures,
        previous,
      })),
    };
  };

  /** The customers behind a figure, by the same rules (core) over the same rows as the figure. */
  const customers = async (ctx: AuthContext, query: TDccReportDrilldownQuery): Promise<TDrilldownPage> => {
    const { scope, rows } = await load(ctx, query);
    const key = parseRowKey(query.key, ['agent']);
    const range = query.period === 'previous' ? scope.previousRange : scope.range;
    const whose = (agentId: string) => !key || agentId === key.value;
    const { metric } = query;
    const ids: (string | null)[] =
      metric === 'calls' || metric === 'reached'
        ? rows.calls.filter((r) => isCallIn(r, metric, range) && whose(r.agentId)).map((r) => r.customerId)
        : rows.invitations
            .filter((r) => isInvitationIn(r, metric, range) && whose(r.agentId))
            .map((r) => r.customerId);
    return drilldownPage(
      db,
      scope,
      ids.filter((id): id is string => id !== null),
      { page: query.page, pageSize: query.pageSize },
    );
  };

  /** The table by agent and a total line. */
  const exportXlsx = async (
    ctx: AuthContext,
    query: TDccReportExportQuery,
    reply: FastifyReply,
    log: FastifyBaseLogger,
    requestId: string,
  ): Promise<FastifyReply> => {
    const { scope, report: r, names } = await load(ctx, query);
    const t = qualityTexts(query.lang);
    const cols = t.dcc.columns;
    type Line = DccFigures & { name: string };
    const lines: Line[] = [
      ...r.byAgent.map((a) => ({ ...a, name: names.get(a.agentId) ?? '' })),
      { ...r.current, name: t.dcc.total },
    ];
    const rate = '0.0%';
    return sendXlsx<Line>(db, reply, log, {
      report: 'dcc',
      fileName: `dcc-${scope.period.from}-${scope.period.to}.xlsx`,
      sheetName: t.dcc.sheet,
      heading: [t.dcc.title, t.period(scope.period.from, scope.period.to)],
      columns: [
        { header: cols.agent, value: (l) => l.name, width: 18 },
        { header: cols.calls, value: (l) => l.calls },
        { header: cols.reached, value: (l) => l.reached },
        { header: cols.reachRate, value: (l) => l.reachRate, numFmt: rate },
        { header: cols.invitations, value: (l) => l.invitations },
        { header: cols.invitationRate, value: (l) => l.invitationRate, numFmt: rate },
        { header: cols.arrived, value: (l) => l.arrived },
        { header: cols.arrivalRate, value: (l) => l.arrivalRate, numFmt: rate },
        { header: cols.ordered, value: (l) => l.ordered },
        { header: cols.invitationToOrderRate, value: (l) => l.invitationToOrderRate, numFmt: rate },
      ],
      rows: lines,
      audit: { dealerId: ctx.dealerId, actorId: ctx.userId, filter: auditedFilterOf(scope), requestId },
    });
  };

  return { report, customers, exportXlsx };
};

export type DccReportService = ReturnType<typeof createDccReportService>;
