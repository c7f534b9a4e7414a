import { DEFAULT_DEFEAT_REASONS } from '@qianke/core/leads/defeat';
import type { Executor } from '../infra/db/database';
import {
  insertDefaultReasons,
  insertRequests,
  listReasons,
  lostLeadsOf,
  managerIdsOf,
  type NewRequestRow,
  openColdLeadsOf,
  userIdsByUsername,
} from './defeat.repo';

const HOUR = 3_600_000;

const NOTES: Record<string, string> = {
  bought_competitor: '客户已购买{competitor}，申请战败',
  price: '客户认为价格偏高，多次议价未果，已在其他渠道购车',
  financing_refused: '客户贷款审批未通过，暂无力全款购车',
  no_longer_buying: '客户表示近期不再考虑购车',
  unreachable: '连续多次电话未接通，短信微信均未回复',
  other: '客户情况有变，申请战败',
};

/** '已购竞品：特斯拉 Model 3' -> brand 特斯拉, model Model 3. */
const competitorOf = (note: string | null): { brand: string | null; model: string | null } => {
  const named = note?.match(/^已购竞品：(\S+)(?:\s+(.+))?$/);
  return { brand: named?.[1] ?? null, model: named?.[2] ?? null };
};

/** Pending requests the demo manager finds on the first morning. */
const PENDING: readonly { reason: string; hoursAgo: number; competitor?: [string, string] }[] = [
  { reason: 'no_longer_buying', hoursAgo: 3 },
  { reason: 'bought_competitor', hoursAgo: 26, competitor: ['吉利银河', 'L7'] },
  { reason: 'unreachable', hoursAgo: 50 },
];

/**
 * The demo's defeat reasons and history: every store gets the default reasons; every lead the demo
 * closed as lost gets the request its owner made and the manager's approval, so the monthly defeat
 * record has figures; and store 1 has a few requests waiting for the manager.
 */
export const loadDemoDefeats = async (
  tx: Executor,
  input: { storeIds: readonly string[]; now: Date },
): Promise<void> => {
  for (const [index, dealerId] of input.storeIds.entries()) {
    await insertDefaultReasons(tx, dealerId, DEFAULT_DEFEAT_REASONS, input.now);
    const reasons = new Map((await listReasons(tx, dealerId)).map((reason) => [reason.code, reason]));
    const other = reasons.get('other');
    const [managerId] = await managerIdsOf(tx, dealerId);
    if (!other || !managerId) throw new Error('a demo store has no defeat reasons or no manager');

    const rows: NewRequestRow[] = [];
    for (const lead of await lostLeadsOf(tx, dealerId)) {
      if (!lead.ownerId || !lead.closedAt) continue;
      const reason = reasons.get(lead.lostReason ?? '') ?? other;
      const competitor = reason.needsCompetitor ? competitorOf(lead.note) : { brand: null, model: null };
      const requestedAt = new Date(Math.max(lead.createdAt.getTime(), lead.closedAt.getTime() - 20 * HOUR));
      rows.push({
        dealerId,
        leadId: lead.id,
        requestedBy: lead.ownerId,
        reasonId: reason.id,
        competitorBrand: competitor.brand ?? (reason.needsCompetitor ? '其他品牌' : null),
        competitorModel: competitor.model,
        note: (NOTES[reason.code] ?? NOTES.other ?? '').replace(
          '{competitor}',
          [competitor.brand, competitor.model].filter(Boolean).join(' ') || '竞品',
        ),
        status: 'approved',
        outcome: 'lost',
        decidedBy: managerId,
        decidedAt: lead.closedAt,
        managerNote: '已核实，同意战败',
        createdAt: requestedAt,
        updatedAt: lead.closedAt,
      });
    }

    if (index === 0) {
      const consultants = await userIdsByUsername(tx, dealerId, ['consultant1', 'consultant2']);
      const leads = await openColdLeadsOf(tx, dealerId, [...consultants.values()], PENDING.length);
      for (const [i, lead] of leads.entries()) {
        const pending = PENDING[i];
        const reason = pending ? reasons.get(pending.reason) : undefined;
        if (!pending || !reason || !lead.ownerId) continue;
        const at = new Date(
          Math.min(
            input.now.getTime(),
            Math.max(lead.createdAt.getTime() + HOUR, input.now.getTime() - pending.hoursAgo * HOUR),
          ),
        );
        rows.push({
          dealerId,
          leadId: lead.id,
          requestedBy: lead.ownerId,
          reasonId: reason.id,
          competitorBrand: pending.competitor?.[0] ?? null,
          competitorModel: pending.competitor?.[1] ?? null,
          note: (NOTES[reason.code] ?? '').replace('{competitor}', pending.competitor?.join(' ') ?? ''),
          status: 'pending',
          createdAt: at,
          updatedAt: at,
        });
      }
    }
    await insertRequests(tx, rows);
  }
};
