import type { TDrilldownCustomer, TDrilldownPage } from '@qianke/contracts/reports/filter';
import type { Role } from '@qianke/core/accounts/roles';
import { maskPhone } from '@qianke/core/customers/phone';
import { displayPhone } from '@qianke/core/customers/phone-display';
import { seesPhoneInFull } from '@qianke/core/customers/visibility';
import type { Executor } from '../infra/db/database';
import { customersPage } from './drilldown.repo';
import type { ReportScope } from './report-scope';

/**
 * A phone as the viewer may see it (core/customers/visibility.ts, the rule the customer card uses): in
 * full for a manager or the customer's owner, masked (138****8000) otherwise.
 */
export const phoneForViewer = (
  e164: string | null,
  ownerId: string | null,
  viewer: { userId: string; roles: readonly Role[] },
): { phone: string | null; masked: boolean } => {
  if (e164 === null) return { phone: null, masked: false };
  const full = seesPhoneInFull(viewer.roles, viewer.userId, ownerId);
  return { phone: full ? displayPhone(e164) : maskPhone(e164), masked: !full };
};

const iso = (at: Date | string): string => (at instanceof Date ? at : new Date(at)).toISOString();

/**
 * The drill-down of a figure: the customers behind it, paged, phones masked per the caller's rights.
 * A report computes the customer ids of the figure (from the same rows its maths counted) and hands
 * them here; ids of other stores never show because the query is limited to the scope's stores.
 */
export const drilldownPage = async (
  db: Executor,
  scope: ReportScope,
  customerIds: Iterable<string>,
  page: { page: number; pageSize: number },
): Promise<TDrilldownPage> => {
  const ids = [...new Set(customerIds)];
  const rows = await customersPage(db, scope.dealerIds, ids, {
    offset: (page.page - 1) * page.pageSize,
    limit: page.pageSize,
  });
  const items: TDrilldownCustomer[] = rows.map((row) => {
    const { phone, masked } = phoneForViewer(row.phoneE164, row.ownerId, scope.viewer);
    return {
      id: row.id,
      storeId: row.dealerId,
      cardNo: row.cardNo,
      name: row.name,
      phone,
      phoneMasked: masked,
      level: row.level,
      ownerName: row.ownerName,
      sourceNameZh: row.sourceNameZh,
      sourceNameEn: row.sourceNameEn,
      createdAt: iso(row.createdAt),
    };
  });
  // Past the last page the window has no rows to carry the total: count the ids that exist instead.
  const total = rows[0] ? Number(rows[0].total) : page.page === 1 ? 0 : await countExisting(db, scope, ids);
  return { items, total, page: page.page, pageSize: page.pageSize };
};

const countExisting = async (db: Executor, scope: ReportScope, ids: string[]): Promise<number> => {
  const first = await customersPage(db, scope.dealerIds, ids, { offset: 0, limit: 1 });
  return first[0] ? Number(first[0].total) : 0;
};
