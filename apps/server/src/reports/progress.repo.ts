import { isLevel, type Level } from '@qianke/core/leads/grading';
import type { LedgerLead, LevelChange } from '@qianke/core/reports/progress-ledger';
import { sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import {
  dateOf,
  dateOrNull,
  instant,
  leadFilters,
  personFilter,
  rowsOf,
  storeFilter,
} from './quality-filter.repo';
import type { ReportScope } from './report-scope';
import { uuidArray } from './report-scope.repo';

export type LedgerLeadRow = LedgerLead & { dealerId: string; cardNo: string; seriesName: string | null };

type RawLedgerLead = {
  lead_id: string;
  dealer_id: string;
  customer_id: string;
  customer_name: string;
  card_no: string;
  owner_id: string;
  created_at: Date | string;
  level: string | null;
  series_name: string | null;
  sold_at: Date | string | null;
  defeated_at: Date | string | null;
  changes: RawChange[] | string | null;
};

type RawChange = { at: string; from: string | null; to: string };

const levelOrNull = (value: string | null): Level | null => (value !== null && isLevel(value) ? value : null);

/**
 * The leads that may stand on a progress table of the months [start, asOf) (core/reports/progress-ledger.ts):
 * owned, created before `asOf`, not closed before `start`; with the first live order, the defeat (closed
 * as lost or an approved defeat request) and every level change. The core drops what had a result before.
 */
export const ledgerLeads = async (
  db: Executor,
  scope: Pick<ReportScope, 'dealerIds' | 'consultantId' | 'sourceId' | 'seriesId' | 'campaignCode'>,
  window: { start: Date; asOf: Date },
): Promise<LedgerLeadRow[]> => {
  const rows = rowsOf<RawLedgerLead>(
    await db.execute(sql`
      select l.id as lead_id, l.dealer_id, l.customer_id, c.name as customer_name, c.card_no, l.owner_id,
             l.created_at, l.level, s.name as series_name,
             (select min(o.ordered_at) from orders o
               where o.dealer_id = l.dealer_id and o.lead_id = l.id and o.status <> 'cancelled') as sold_at,
             least(case when l.status = 'lost' then l.closed_at end,
                   (select min(d.decided_at) from defeat_requests d
                     where d.dealer_id = l.dealer_id and d.lead_id = l.id and d.status = 'approved')) as defeated_at,
             (select json_agg(json_build_object('at', ch.changed_at, 'from', ch.from_level, 'to', ch.to_level))
                from lead_level_changes ch where ch.dealer_id = l.dealer_id and ch.lead_id = l.id) as changes
        from leads l
        join customers c on c.dealer_id = l.dealer_id and c.id = l.customer_id
        left join catalog_series s on s.dealer_id = l.dealer_id and s.id = l.series_id
       where ${storeFilter(sql`l.dealer_id`, scope)}
         and l.owner_id is not null
         and l.created_at < ${instant(window.asOf)}
         and (l.closed_at is null or l.closed_at >= ${instant(window.start)})
         and ${personFilter(sql`l.owner_id`, scope)} and ${leadFilters(scope)}
       order by l.created_at, l.id`),
  );
  return rows.map((r) => {
    const raw = typeof r.changes === 'string' ? (JSON.parse(r.changes) as RawChange[]) : r.changes;
    const changes: LevelChange[] = (raw ?? []).flatMap((ch) =>
      isLevel(ch.to) ? [{ at: new Date(ch.at), from: levelOrNull(ch.from), to: ch.to }] : [],
    );
    return {
      leadId: r.lead_id,
      dealerId: r.dealer_id,
      customerId: r.customer_id,
      customerName: r.customer_name,
      cardNo: r.card_no,
      seriesName: r.series_name,
      consultantId: r.owner_id,
      createdAt: dateOf(r.created_at),
      level: levelOrNull(r.level),
      changes,
      soldAt: dateOrNull(r.sold_at),
      defeatedAt: dateOrNull(r.defeated_at),
    };
  });
};

export type Person = { id: string; name: string; dealerId: string };

/**
 * The people a report has a line for: the store's active consultants, and anyone else the rows name
 * (a DCC agent or manager who owns leads). Only one person when the scope names one.
 */
export const reportPeople = async (
  db: Executor,
  scope: Pick<ReportScope, 'dealerIds' | 'consultantId'>,
  alsoIds: readonly string[],
): Promise<Person[]> => {
  const also = [...new Set(alsoIds)];
  const rows = rowsOf<{ id: string; name: string; dealer_id: string }>(
    await db.execute(sql`
      select u.id, u.display_name as name, u.dealer_id from users u
       where ${storeFilter(sql`u.dealer_id`, scope)} and ${personFilter(sql`u.id`, scope)}
         and ((u.disabled_at is null and exists (select 1 from user_roles r
                where r.dealer_id = u.dealer_id and r.user_id = u.id and r.role = 'consultant'))
              or u.id = any(${uuidArray(also)}))
       order by u.dealer_id, u.consultant_code nulls last, u.display_name, u.id`),
  );
  return rows.map((r) => ({ id: r.id, name: r.name, dealerId: r.dealer_id }));
};
