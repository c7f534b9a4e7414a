import type { TTimelineEntry } from '@qianke/contracts/customers';
import type { TimelineRows } from './timeline.repo';

const iso = (at: Date | string) => (at instanceof Date ? at : new Date(at)).toISOString();
const whoOf = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

const keysOf = (value: unknown): string[] => (value && typeof value === 'object' ? Object.keys(value) : []);

/**
 * What an audited change of the card says, without values (phone numbers stay in the audit log): the
 * fields an edit changed, the cards a merge took in, the card number a card was opened with.
 */
const changeSummary = (action: string, before: unknown, after: unknown): string => {
  const a = (after ?? {}) as Record<string, unknown>;
  switch (action) {
    case 'customer.update': {
      const fields = new Set(
        [...keysOf(before), ...keysOf(after)].map((key) => (key === 'phoneE164' ? 'phone' : key)),
      );
      if (fields.has('phone')) fields.delete('phoneRaw');
      else if (fields.delete('phoneRaw')) fields.add('phone');
      return [...fields].join(', ');
    }
    case 'customer.merge':
      return Array.isArray(a.merged)
        ? a.merged.map((m: { cardNo?: unknown }) => String(m.cardNo ?? '')).join(', ')
        : '';
    case 'customer.create':
    case 'customer.merged_into':
      return typeof a.cardNo === 'string' ? a.cardNo : '';
    default:
      return '';
  }
};

/** Orders (issue 5): the audited action of an order -> the event its timeline entry names. */
const ORDER_EVENTS: Record<string, string> = {
  'order.confirm': 'confirmed',
  'order.pay_deposit': 'deposit_paid',
  'order.deliver': 'delivered',
  'order.cancel': 'cancelled',
};

/**
 * One list, newest first, of everything that happened to a customer: leads, showroom visits and calls,
 * follow-ups, level changes, orders and changes to the card. Phone numbers never appear in it.
 */
export const toTimeline = (rows: TimelineRows): TTimelineEntry[] => {
  const entries: TTimelineEntry[] = [
    ...rows.leadRows.map((r) => ({
      type: 'lead' as const,
      id: r.id,
      at: iso(r.at),
      who: whoOf(r.whoId, r.whoName),
      summary: r.note ?? '',
      details: {
        channel: r.channel,
        sourceNameZh: r.sourceNameZh,
        sourceNameEn: r.sourceNameEn,
        series: r.seriesName,
        level: r.level,
        horizon: r.horizon,
        status: r.status,
        campaignCode: r.campaignCode,
      },
    })),
    ...rows.visitRows.map((r) => ({
      type: r.kind === 'phone_in' ? ('phone_in' as const) : ('visit' as const),
      id: r.id,
      at: iso(r.at),
      who: whoOf(r.whoId, r.whoName),
      summary: r.note ?? '',
      details: {
        leftAt: r.leftAt ? iso(r.leftAt) : null,
        partySize: r.partySize,
        firstVisit: r.firstVisit,
        series: r.seriesName,
      },
    })),
    ...rows.followUpRows.map((r) => ({
      type: 'follow_up' as const,
      id: r.id,
      at: iso(r.at),
      who: whoOf(r.whoId, r.whoName),
      summary: r.content,
      details: { channel: r.channel, result: r.result, levelBefore: r.levelBefore, levelAfter: r.levelAfter },
    })),
    ...rows.levelRows.map((r) => ({
      type: 'level_change' as const,
      id: r.id,
      at: iso(r.at),
      who: whoOf(r.whoId, r.whoName),
      summary: `${r.fromLevel ?? '-'} → ${r.toLevel}`,
      details: { leadId: r.leadId, fromLevel: r.fromLevel, toLevel: r.toLevel, reason: r.reason },
    })),
    ...rows.orderRows.map((r) => ({
      type: 'order' as const,
      id: r.id,
      at: iso(r.at),
      who: whoOf(r.whoId, r.whoName),
      summary: r.orderNo,
      details: { orderNo: r.orderNo, status: r.status, price: r.price, deposit: r.deposit, event: 'created' },
    })),
    ...rows.changeRows.map((r) => ({
      type: 'change' as const,
      id: String(r.id),
      at: iso(r.at),
      who: whoOf(r.whoId, r.whoName),
      summary: changeSummary(r.action, r.before, r.after),
      details: { action: r.action },
    })),
    // Test drives (issue 5)
    ...rows.testDriveRows.map((r) => ({
      type: 'test_drive' as const,
      id: r.id,
      at: iso(r.at),
      who: whoOf(r.whoId, r.whoName),
      summary: r.feedback ?? r.cancelReason ?? r.route ?? '',
      details: {
        endsAt: iso(r.endsAt),
        status: r.status,
        plateNo: r.plateNo,
        series: r.seriesName,
        route: r.route,
        rating: r.rating,
        licenceChecked: r.licenceChecked,
        followUpId: r.followUpId,
      },
    })),
    // Orders (issue 5): what happened to an order after it was created.
    ...rows.orderEventRows.map((r) => {
      const after = (r.after ?? {}) as Record<string, unknown>;
      const event = ORDER_EVENTS[r.action] ?? r.action;
      const reason = typeof after.reason === 'string' ? after.reason : null;
      return {
        type: 'order' as const,
        id: `${r.orderId}:${r.id}`,
        at: iso(r.at),
        who: whoOf(r.whoId, r.whoName),
        summary: reason ? `${r.orderNo}: ${reason}` : r.orderNo,
        details: {
          orderNo: r.orderNo,
          event,
          status: typeof after.status === 'string' ? after.status : null,
          price: r.price,
          deposit: typeof after.deposit === 'number' ? after.deposit : r.deposit,
          reason,
          plateNo: typeof after.plateNo === 'string' ? after.plateNo : null,
        },
      };
    }),
    // DCC calls and invitations (issue 5)
    ...rows.callRows.map((r) => ({
      type: 'call' as const,
      id: r.id,
      at: iso(r.at),
      who: whoOf(r.whoId, r.whoName),
      summary: r.note ?? '',
      details: {
        direction: r.direction,
        outcome: r.outcome,
        nextCallAt: r.nextCallAt ? iso(r.nextCallAt) : null,
        invitationId: r.invitationId,
      },
    })),
    ...rows.invitationRows.map((r) => ({
      type: 'invitation' as const,
      id: r.id,
      at: iso(r.at),
      who: whoOf(r.whoId, r.whoName),
      summary: r.note ?? '',
      details: {
        scheduledAt: iso(r.scheduledAt),
        purpose: r.purpose,
        status: r.status,
        arrivedAt: r.arrivedAt ? iso(r.arrivedAt) : null,
      },
    })),
  ];
  return entries.sort((a, b) => b.at.localeCompare(a.at));
};
