import { customerOwnerAfter } from '@qianke/core/assignment/assignees';
import type { AssignmentDecision } from '@qianke/core/assignment/choose-owner';
import { ownerRotation } from '@qianke/core/assignment/choose-owner';
import { cardPrefixOf, cardSeriesCounts, cardYearOf, numberCards } from '@qianke/core/customers/card-number';
import { planFirstContact } from '@qianke/core/follow-ups/cadence';
import { desiredLeadTask } from '@qianke/core/follow-ups/lead-task';
import { uuidv7 } from 'uuidv7';
import { loadAssignmentPool } from '../assignment/auto-assign';
import { loadPlanningContext } from '../follow-ups/plan-lead-tasks';
import type { Executor } from '../infra/db/database';
import type { auditLog, customers, leads, notifications, tasks } from '../infra/db/schema/index';
import {
  consultantCodes,
  customersByPhones,
  type KnownCustomer,
  sourceCodes,
  writeCaptured,
} from './capture-batch.repo';
import { type CaptureLeadInput, type CaptureLeadResult, leadFieldsOf } from './capture-input';
import { type CardSerials, cardSerialsInTransaction } from './card-serials';
import { keepLeadMilestones } from './lead-milestones';

/** Another desk opened one of the batch's phones while it was captured: capture those rows one by one. */
export class PhoneTakenMeanwhile extends Error {
  constructor() {
    super('A customer with one of these phones was opened at the same moment. Import the row again.');
  }
}

export type CaptureOptions = {
  /** Where new cards take their numbers: in the capture's transaction unless the service says otherwise. */
  cardSerials?: CardSerials;
  /** A further audit row for a captured lead, written with the capture's own (intake: which key sent it). */
  alsoAudit?: (
    result: CaptureLeadResult,
    input: CaptureLeadInput,
  ) => Omit<typeof auditLog.$inferInsert, 'dealerId'> | null;
};

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/**
 * `captureLead` for many leads at once (an import batch), with the same outcome as capturing them one
 * after another in this order, in a handful of statements whatever their number: one customer per
 * phone (a known phone, main or further, adds a lead to its customer; a phone repeated in the batch
 * opens one card), card numbers continuing each series (a block reserved per prefix and year), the
 * same audit rows (customer.create, lead.create, and for a rule's assignment customer.owner_change and
 * lead.assign), the first call-back of every owned lead by the rule table, and the store's automatic
 * assignment for leads without an owner (core ownerRotation: fair rotation as if one by one), with the
 * new owner notified. Runs in the caller's transaction. Every input is of one store, through one
 * channel of capture (`via`), and none asks to reuse an open lead.
 */
export const captureLeads = async (
  tx: Executor,
  inputs: readonly CaptureLeadInput[],
  options: CaptureOptions = {},
): Promise<CaptureLeadResult[]> => {
  const first = inputs[0];
  if (!first) return [];
  const { dealerId } = first;
  if (inputs.some((input) => input.dealerId !== dealerId || input.reuseOpenLead)) {
    throw new Error('captureLeads takes leads of one store that do not reuse an open lead');
  }
  const planning = await loadPlanningContext(tx, dealerId);
  const known = await customersByPhones(tx, dealerId, unique(inputs.map((i) => i.customer.phoneE164)));

  // The first row of an unknown phone opens its card; later rows of that phone add leads to it.
  const opened = new Map<string, { index: number; id: string }>();
  inputs.forEach((input, index) => {
    const phone = input.customer.phoneE164;
    if (!known.has(phone) && !opened.has(phone)) opened.set(phone, { index, id: uuidv7() });
  });
  // Automatic assignment needs the rules, the pool and the sources' codes only when a lead has no owner.
  const mayNeedRule = inputs.some((i) => !i.ownerId && !known.get(i.customer.phoneE164)?.ownerId);
  const { rules, members } = mayNeedRule
    ? await loadAssignmentPool(tx, dealerId)
    : { rules: [], members: [] };
  const codeOfSource = mayNeedRule
    ? await sourceCodes(tx, dealerId, unique(inputs.map((i) => i.lead.sourceId)))
    : new Map<string, string>();

  const openers = [...opened.values()].map(({ index }) => inputs[index] as CaptureLeadInput);
  const codes = await consultantCodes(
    tx,
    dealerId,
    unique(openers.flatMap((o) => (o.ownerId ? [o.ownerId] : []))),
  );
  const series = openers.map((o) => ({
    prefix: cardPrefixOf(o.ownerId ? codes.get(o.ownerId) : null),
    year: cardYearOf(o.occurredAt, planning.timeZone),
  }));
  // Taken last before the writes: in the transaction, the counter rows stay locked until it ends.
  const reserve = options.cardSerials ?? cardSerialsInTransaction;
  const cardNos = numberCards(series, await reserve(tx, dealerId, cardSeriesCounts(series)));

  // Customers as the batch goes: the known ones, then each card as it is opened.
  const customerOf = new Map<string, KnownCustomer>(known);
  const newCustomers = new Map<string, typeof customers.$inferInsert>();
  [...opened.entries()].forEach(([phone, { index, id }], i) => {
    const input = inputs[index] as CaptureLeadInput;
    const cardNo = cardNos[i] as string;
    const ownerId = input.ownerId ?? null;
    newCustomers.set(id, {
      id,
      dealerId,
      cardNo,
      ...input.customer,
      kind: input.customer.kind ?? 'person',
      sourceId: input.lead.sourceId,
      ownerId,
      level: input.lead.level ?? null,
      version: 0,
    });
    customerOf.set(phone, { id, ownerId, name: input.customer.name, cardNo });
  });

  const leadRows: (typeof leads.$inferInsert)[] = [];
  const taskRows: (typeof tasks.$inferInsert)[] = [];
  const audits: (typeof auditLog.$inferInsert)[] = [];
  const notes: (typeof notifications.$inferInsert)[] = [];
  const ownerChanges = new Map<string, string>();
  const results: CaptureLeadResult[] = [];
  const rotation = ownerRotation(rules, members, first.now ?? first.occurredAt);

  inputs.forEach((input, index) => {
    const now = input.now ?? input.occurredAt;
    const phone = input.customer.phoneE164;
    const customer = customerOf.get(phone) as KnownCustomer;
    const opener = opened.get(phone);
    const isNew = opener?.index === index;
    const audit = (entry: Omit<typeof auditLog.$inferInsert, 'dealerId' | 'actorId' | 'requestId'>) =>
      audits.push({
        dealerId,
        actorId: input.actorId,
        before: null,
        ...entry,
        requestId: input.requestId ?? null,
      });
    if (isNew) {
      audit({
        action: 'customer.create',
        entity: 'customer',
        entityId: customer.id,
        after: {
          cardNo: customer.cardNo,
          name: customer.name,
          ownerId: input.ownerId ?? null,
          via: input.via,
        },
      });
    }
    const leadId = uuidv7();
    const capturedOwner = isNew ? (input.ownerId ?? null) : (customer.ownerId ?? input.ownerId ?? null);
    audit({
      action: 'lead.create',
      entity: 'lead',
      entityId: leadId,
      after: {
        customerId: customer.id,
        channel: input.lead.channel,
        sourceId: input.lead.sourceId,
        ownerId: capturedOwner,
        via: input.via,
      },
    });
    const firstContactDueAt = planFirstContact(input.occurredAt, planning.rules).dueAt;
    let ownerId = capturedOwner;
    let assignedAt: Date | null = capturedOwner ? input.occurredAt : null;
    let decision: AssignmentDecision | null = null;
    if (capturedOwner) rotation.given(capturedOwner, input.occurredAt);
    else {
      decision = rotation.choose({
        channel: input.lead.channel,
        sourceCode: codeOfSource.get(input.lead.sourceId) ?? '',
      });
      ownerId = decision.ownerId;
      assignedAt = decision.ownerId ? now : null;
    }
    if (decision?.ownerId) {
      const next = customerOwnerAfter({
        customerOwnerId: customer.ownerId,
        previousLeadOwnerId: null,
        newOwnerId: decision.ownerId,
      });
      if (next !== customer.ownerId && next !== null) {
        audit({
          action: 'customer.owner_change',
          entity: 'customer',
          entityId: customer.id,
          before: { ownerId: customer.ownerId },
          after: { ownerId: next, reason: decision.reason },
        });
        customer.ownerId = next;
        const card = newCustomers.get(customer.id);
        if (card) Object.assign(card, { ownerId: next, version: (card.version ?? 0) + 1 });
        else ownerChanges.set(customer.id, next);
      }
      audit({
        action: 'lead.assign',
        entity: 'lead',
        entityId: leadId,
        before: { ownerId: null, status: 'open' },
        after: { ownerId: decision.ownerId, status: 'open', reason: decision.reason },
      });
      notes.push({
        id: uuidv7(),
        dealerId,
        userId: decision.ownerId,
        kind: 'assignment',
        subjectKey: `lead:${leadId}:${now.toISOString()}`,
        payload: { leadId, customerId: customer.id, customerName: customer.name, cardNo: customer.cardNo },
      });
    }
    leadRows.push({
      id: leadId,
      dealerId,
      customerId: customer.id,
      ...leadFieldsOf(input.lead),
      ownerId,
      assignedAt,
      assignmentReason: decision?.reason ?? null,
      firstContactDueAt,
      createdAt: input.occurredAt,
      // A rule's assignment is a change of the lead just captured, as transferLeads makes it.
      version: decision?.ownerId ? 1 : 0,
    });
    const task = desiredLeadTask({
      lead: {
        status: 'open',
        ownerId,
        level: input.lead.level ?? null,
        createdAt: input.occurredAt,
        firstContactDueAt,
        firstContactedAt: null,
        lastFollowUpAt: null,
        deliveredAt: null,
      },
      current: null,
      rules: planning.rules,
      timeZone: planning.timeZone,
      holidays: planning.holidays,
    });
    if (task) {
      taskRows.push({
        id: uuidv7(),
        dealerId,
        leadId,
        customerId: customer.id,
        assigneeId: task.assigneeId,
        kind: task.kind,
        dueAt: task.dueAt,
        ruleKey: task.ruleKey,
        title: task.holiday ? task.holiday.nameZh : null,
        custom: false,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      });
    }
    results.push({ customerId: customer.id, leadId, duplicate: !isNew, ownerId });
  });

  for (const [index, result] of results.entries()) {
    const extra = options.alsoAudit?.(result, inputs[index] as CaptureLeadInput);
    if (extra) audits.push({ dealerId, actorId: null, before: null, requestId: null, ...extra });
  }
  const written = await writeCaptured(tx, dealerId, {
    customers: [...newCustomers.values()],
    ownerChanges: [...ownerChanges].map(([id, ownerId]) => ({ id, ownerId })),
    leads: leadRows,
    tasks: taskRows,
    audits,
    notifications: notes,
  });
  if (!written) throw new PhoneTakenMeanwhile();
  // A lead dated before now (an import's inquiry time, a portal's) on a card the store knew: the card's
  // visits, drives and orders without a lead since that time count for it (its funnel milestones).
  const backdated = results.filter((result, index) => {
    const input = inputs[index] as CaptureLeadInput;
    return result.duplicate && input.now !== undefined && input.occurredAt < input.now;
  });
  if (backdated.length > 0) {
    await keepLeadMilestones(
      tx,
      dealerId,
      backdated.map((result) => result.customerId),
    );
  }
  return results;
};
