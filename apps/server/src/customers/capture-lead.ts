import { cardPrefixOf, cardYearOf, formatCardNumber } from '@qianke/core/customers/card-number';
import { planFirstContact } from '@qianke/core/follow-ups/cadence';
import type { Horizon } from '@qianke/core/leads/horizon';
import { autoAssignLead } from '../assignment/auto-assign';
import { loadPlanningContext, replanLeadTasks } from '../follow-ups/plan-lead-tasks';
import { recordAudit } from '../infra/audit/record-audit';
import type { Executor } from '../infra/db/database';
import {
  consultantCodeOf,
  findCustomerIdByPhone,
  findOpenLead,
  insertCustomerIfNew,
  insertLead,
  type NewCustomerRow,
  nextCardSerial,
  storeTimeZone,
} from './capture.repo';

/**
 * The customer a phone belongs to, exactly as capture dedups it (the main phone or a further phone kept
 * on a card; merged cards left out): other parts that match a caller by phone (DCC inbound calls) use
 * this one lookup.
 */
export const findCustomerByPhone = findCustomerIdByPhone;

export type CaptureLeadInput = {
  dealerId: string;
  /** The user who captured it; null for the intake API and imports by key. */
  actorId: string | null;
  customer: {
    name: string;
    phoneE164: string;
    phoneRaw: string;
    kind?: 'person' | 'company';
    gender?: 'male' | 'female' | null;
    region?: string | null;
    address?: string | null;
    occupation?: string | null;
    company?: string | null;
    currentCar?: string | null;
    budgetMin?: number | null;
    budgetMax?: number | null;
    paymentIntent?: 'cash' | 'loan' | 'undecided' | null;
  };
  lead: {
    sourceId: string;
    channel: string;
    seriesId?: string | null;
    modelId?: string | null;
    colourId?: string | null;
    campaignCode?: string | null;
    level?: 'O' | 'H' | 'A' | 'B' | 'C' | null;
    horizon?: Horizon | null;
    note?: string | null;
    externalId?: string | null;
    rawPayload?: unknown;
  };
  /** Owner of a new customer and of the lead; a known customer keeps its owner, who gets the lead. */
  ownerId?: string | null;
  occurredAt: Date;
  /** When it is recorded (the server's clock); the inquiry may have happened earlier. Default: occurredAt. */
  now?: Date;
  /** A known customer's open lead takes this contact instead of a new lead (a returning visitor). */
  reuseOpenLead?: boolean;
  /** What the audit row says captured it: 'intake.json', 'intake.adf', 'showroom', 'import', 'manual'. */
  via: string;
  requestId?: string;
};

/** What the inquiry itself says, as the lead row stores it (one capture or a batch of them). */
export const leadFieldsOf = (lead: CaptureLeadInput['lead']) => ({
  sourceId: lead.sourceId,
  channel: lead.channel,
  seriesId: lead.seriesId ?? null,
  modelId: lead.modelId ?? null,
  colourId: lead.colourId ?? null,
  campaignCode: lead.campaignCode ?? null,
  level: lead.level ?? null,
  horizon: lead.horizon ?? null,
  note: lead.note ?? null,
  externalId: lead.externalId ?? null,
  rawPayload: lead.rawPayload ?? null,
});

export type CaptureLeadResult = {
  customerId: string;
  leadId: string;
  duplicate: boolean;
  ownerId: string | null;
};

/**
 * The one way a lead enters Qianke, from every channel: one customer per phone in a store. A known
 * phone adds a lead to its customer; a new phone opens a card (numbered `A01-26-0001`). Runs inside
 * the caller's transaction, so a failure later in the request leaves nothing half stored.
 *
 * In the same transaction the lead gets its owner and its first task (never a batch that can miss):
 * a lead captured without an owner goes through the store's automatic assignment rules (or stays in
 * the manager's distribution queue), and the owner gets the first call-back, due by the store's rule
 * table (24 hours by default, DOMAIN §3).
 */
export const captureLead = async (tx: Executor, input: CaptureLeadInput): Promise<CaptureLeadResult> => {
  const { dealerId } = input;
  let existing = await findCustomerIdByPhone(tx, dealerId, input.customer.phoneE164);
  let customerId = existing?.id;
  if (!customerId) {
    const ownerId = input.ownerId ?? null;
    const prefix = cardPrefixOf(await consultantCodeOf(tx, dealerId, ownerId));
    const year = cardYearOf(input.occurredAt, await storeTimeZone(tx, dealerId));
    const serial = await nextCardSerial(tx, dealerId, prefix, year);
    const row: NewCustomerRow = {
      dealerId,
      cardNo: formatCardNumber(prefix, year, serial),
      ...input.customer,
      sourceId: input.lead.sourceId,
      ownerId,
      level: input.lead.level ?? null,
    };
    customerId = await insertCustomerIfNew(tx, row);
    if (customerId) {
      await recordAudit(tx, {
        dealerId,
        actorId: input.actorId,
        action: 'customer.create',
        entity: 'customer',
        entityId: customerId,
        after: { cardNo: row.cardNo, name: row.name, ownerId, via: input.via },
        requestId: input.requestId,
      });
    } else {
      // Another desk opened this phone a moment ago: add the lead to that customer.
      existing = await findCustomerIdByPhone(tx, dealerId, input.customer.phoneE164);
      customerId = existing?.id;
      if (!customerId) throw new Error('a customer vanished between insert and read');
    }
  }
  const ownerId = existing ? (existing.ownerId ?? input.ownerId ?? null) : (input.ownerId ?? null);
  if (existing && input.reuseOpenLead) {
    const open = await findOpenLead(tx, dealerId, customerId);
    if (open) return { customerId, leadId: open.id, duplicate: true, ownerId: open.ownerId };
  }
  const now = input.now ?? input.occurredAt;
  const planning = await loadPlanningContext(tx, dealerId);
  const leadId = await insertLead(tx, {
    dealerId,
    customerId,
    ...leadFieldsOf(input.lead),
    ownerId,
    assignedAt: ownerId ? input.occurredAt : null,
    firstContactDueAt: planFirstContact(input.occurredAt, planning.rules).dueAt,
    createdAt: input.occurredAt,
  });
  await recordAudit(tx, {
    dealerId,
    actorId: input.actorId,
    action: 'lead.create',
    entity: 'lead',
    entityId: leadId,
    after: {
      customerId,
      channel: input.lead.channel,
      sourceId: input.lead.sourceId,
      ownerId,
      via: input.via,
    },
    requestId: input.requestId,
  });
  if (ownerId) {
    await replanLeadTasks(tx, { dealerId, leadId, now });
    return { customerId, leadId, duplicate: existing !== undefined, ownerId };
  }
  const decision = await autoAssignLead(tx, {
    dealerId,
    leadId,
    now,
    ...(input.requestId ? { requestId: input.requestId } : {}),
  });
  return { customerId, leadId, duplicate: existing !== undefined, ownerId: decision?.ownerId ?? null };
};
