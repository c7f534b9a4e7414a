import type {
  TDepartRequest,
  TDutyConsultant,
  TListVisitsQuery,
  TLoggedVisit,
  TLogVisit,
  TPhoneLookup,
  TShowroomOptions,
  TSuggestedConsultant,
  TUpdateVisitRequest,
  TVisit,
  TVisitKind,
  TVisitList,
} from '@qianke/contracts/showroom';
import { maskPhone, normalisePhone } from '@qianke/core/customers/phone';
import { customerScopeOf, seesPhoneInFull } from '@qianke/core/customers/visibility';
import { DomainError, type FieldErrors } from '@qianke/core/shared/domain-error';
import { suggestConsultantWithReason } from '@qianke/core/showroom/rotation';
import { storeDateOf, storeDayBounds } from '@qianke/core/showroom/store-day';
import {
  arrivalTimeProblem,
  CHANNEL_OF,
  callbackDueAt,
  DEFAULT_SOURCE_CODE,
  departureProblem,
  isFirstVisit,
  isInShowroomNow,
  retentionOf,
  stayMinutes,
  visitorNameOf,
} from '@qianke/core/showroom/visits';
import { captureLead } from '../customers/capture-lead';
import { type CardSerials, cardSerialsInTransaction } from '../customers/card-serials';
import { keepLeadMilestones } from '../customers/lead-milestones';
import { recordAudit } from '../infra/audit/record-audit';
import type { Clock } from '../infra/clock';
import type { Db, Executor } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import { markInvitationArrived } from '../invitations/invitation-arrival';
import { notifyArrival } from '../notifications/arrival';
import {
  findActiveSource,
  findCustomerByPhone,
  findVisit,
  findVisitView,
  insertVisit,
  listActiveConsultants,
  listActiveSeries,
  listActiveSources,
  listCustomerContacts,
  listVisitViewsBetween,
  seriesExists,
  storeTimeZoneOf,
  updateVisit,
  type VisitPatch,
  type VisitRow,
  type VisitView,
} from './showroom.repo';

const MESSAGES = {
  phone: 'This is not a phone number we can call: check the digits.',
  consultant: 'Choose an active consultant of this store.',
  series: 'Choose a series this store sells.',
  source: 'Choose an active source of this store.',
  noDefaultSource: 'This store has no active source for this kind of arrival: choose one.',
  notFound: 'There is no such visit in this store.',
  alreadyLeft: 'This visitor has already been marked as left.',
  stale: 'Someone else changed this visit in the meantime. Reload and try again.',
} as const;

/** One 422 for every field at fault, so the form shows them all at once. */
const failIfAny = (fields: FieldErrors) => {
  const [first, ...more] = Object.values(fields);
  if (first === undefined) return;
  throw new DomainError('validation_failed', more.length === 0 ? first : 'Some fields are not valid.', {
    fields,
  });
};

/** A stored phone as staff dial it: a CN mobile as its 11 digits, anything else in E.164. */
const dialable = (e164: string) => (/^\+861\d{10}$/.test(e164) ? e164.slice(3) : e164);

const phoneAsSeenBy = (ctx: AuthContext, e164: string | null, ownerId: string | null): string | null => {
  if (!e164) return null;
  return seesPhoneInFull(ctx.roles, ctx.userId, ownerId) ? dialable(e164) : maskPhone(e164);
};

/** Consultants see their own customers only (customers/visibility.ts); everyone else the store. */
const seesCustomer = (ctx: AuthContext, ownerId: string | null) =>
  customerScopeOf(ctx.roles) === 'store' || ownerId === ctx.userId;

const toVisit = (ctx: AuthContext, row: VisitView, now: Date, timeZone: string): TVisit => {
  const times = { kind: row.kind, arrivedAt: row.arrivedAt, leftAt: row.leftAt };
  const customerVisible =
    row.customerId !== null && row.customerName !== null && seesCustomer(ctx, row.customerOwnerId);
  return {
    id: row.id,
    kind: row.kind,
    arrivedAt: row.arrivedAt.toISOString(),
    leftAt: row.leftAt?.toISOString() ?? null,
    stayMinutes: stayMinutes(times, now, timeZone),
    inShowroomNow: isInShowroomNow(times, now, timeZone),
    partySize: row.partySize,
    firstVisit: row.firstVisit,
    leftContact: row.leftContact,
    closedOnSpot: row.closedOnSpot,
    callbackDueAt: row.callbackDueAt?.toISOString() ?? null,
    consultant:
      row.consultantId && row.consultantName ? { id: row.consultantId, name: row.consultantName } : null,
    series:
      row.seriesId && row.seriesName
        ? { id: row.seriesId, name: row.seriesName, nameEn: row.seriesNameEn }
        : null,
    source:
      row.sourceId && row.sourceNameZh
        ? { id: row.sourceId, nameZh: row.sourceNameZh, nameEn: row.sourceNameEn ?? row.sourceNameZh }
        : null,
    customer:
      customerVisible && row.customerId
        ? { id: row.customerId, name: row.customerName ?? '', cardNo: row.customerCardNo ?? '' }
        : null,
    phone: phoneAsSeenBy(ctx, row.customerPhoneE164, row.customerOwnerId),
    leadId: customerVisible ? row.leadId : null,
    note: row.note,
    version: row.version,
  };
};

/** What the audit log keeps of a visit. */
const auditView = (
  row: Pick<VisitRow, 'partySize' | 'consultantId' | 'seriesId' | 'closedOnSpot' | 'leftAt' | 'note'>,
) => ({
  partySize: row.partySize,
  consultantId: row.consultantId,
  seriesId: row.seriesId,
  closedOnSpot: row.closedOnSpot,
  leftAt: row.leftAt?.toISOString() ?? null,
  note: row.note,
});

export type ShowroomServiceDeps = { db: Db; clock: Clock; cardSerials?: CardSerials };

/** The receptionist's desk: showroom arrivals and phone-ins, the board, the day's log and the rotation. */
export const createShowroomService = ({
  db,
  clock,
  cardSerials = cardSerialsInTransaction,
}: ShowroomServiceDeps) => {
  const checkConsultant = async (exec: Executor, ctx: AuthContext, id: string, fields: FieldErrors) => {
    const active = await listActiveConsultants(exec, ctx.dealerId);
    if (!active.some((c) => c.id === id)) fields.consultantId = MESSAGES.consultant;
  };

  const checkSeries = async (
    exec: Executor,
    ctx: AuthContext,
    id: string | null | undefined,
    fields: FieldErrors,
  ) => {
    if (id && !(await seriesExists(exec, ctx.dealerId, id))) fields.seriesId = MESSAGES.series;
  };

  const loadVisit = async (exec: Executor, ctx: AuthContext, id: string): Promise<VisitRow> => {
    const row = await findVisit(exec, ctx.dealerId, id);
    if (!row) throw new DomainError('not_found', MESSAGES.notFound);
    return row;
  };

  const view = async (ctx: AuthContext, id: string): Promise<TVisit> => {
    const row = await findVisitView(db, ctx.dealerId, id);
    if (!row) throw new DomainError('not_found', MESSAGES.notFound);
    return toVisit(ctx, row, clock.now(), await storeTimeZoneOf(db, ctx.dealerId));
  };

  /**
   * Logs an arrival or a phone-in. With a phone, the visitor becomes (or is found as) a customer through
   * captureLead in the same transaction, and the call-back falls due 24 hours after arriving.
   */
  const logVisit = async (ctx: AuthContext, input: TLogVisit, requestId?: string): Promise<TLoggedVisit> => {
    const now = clock.now();
    const arrivedAt = input.arrivedAt ? new Date(input.arrivedAt) : now;
    const fields: FieldErrors = {};
    const arrivalProblem = arrivalTimeProblem(arrivedAt, now);
    if (arrivalProblem) fields.arrivedAt = arrivalProblem;
    const rawPhone = input.phone?.trim() || null;
    const phone = rawPhone ? normalisePhone(rawPhone) : undefined;
    if (rawPhone && !phone) fields.phone = MESSAGES.phone;
    await checkConsultant(db, ctx, input.consultantId, fields);
    await checkSeries(db, ctx, input.seriesId, fields);
    const source = input.sourceId
      ? await findActiveSource(db, ctx.dealerId, { id: input.sourceId })
      : await findActiveSource(db, ctx.dealerId, { code: DEFAULT_SOURCE_CODE[input.kind] });
    if (!source) fields.sourceId = input.sourceId ? MESSAGES.source : MESSAGES.noDefaultSource;
    failIfAny(fields);
    if (!source) throw new Error('unreachable: a missing source is a field error');

    const name = input.name?.trim() || null;
    const note = input.note?.trim() || null;
    const { id, newCustomer } = await db.transaction(async (tx) => {
      let customerId: string | null = null;
      let leadId: string | null = null;
      let newCustomer = false;
      let earlier: { kind: TVisitKind; arrivedAt: Date }[] | undefined;
      if (phone && rawPhone) {
        const captured = await captureLead(
          tx,
          {
            dealerId: ctx.dealerId,
            actorId: ctx.userId,
            customer: {
              name: visitorNameOf(name, input.kind),
              phoneE164: phone.e164,
              phoneRaw: rawPhone,
              gender: input.gender ?? null,
            },
            lead: {
              sourceId: source.id,
              channel: CHANNEL_OF[input.kind],
              seriesId: input.seriesId ?? null,
              note,
            },
            ownerId: input.consultantId,
            occurredAt: arrivedAt,
            // A customer who comes back is the same inquiry, not a new one.
            reuseOpenLead: true,
            via: 'showroom',
            ...(requestId ? { requestId } : {}),
          },
          { cardSerials },
        );
        customerId = captured.customerId;
        leadId = captured.leadId;
        newCustomer = !captured.duplicate;
        earlier = newCustomer ? [] : await listCustomerContacts(tx, ctx.dealerId, customerId);
      }
      const leftContact = customerId !== null;
      const firstVisit = isFirstVisit({
        kind: input.kind,
        arrivedAt,
        earlier,
        declaredFirst: input.firstVisit,
      });
      // A visitor who gives a name but no phone cannot be called back: the name stays with the visit.
      const visitNote = !leftContact && name ? [name, note].filter(Boolean).join(' · ') : note;
      const visitId = await insertVisit(tx, {
        dealerId: ctx.dealerId,
        kind: input.kind,
        customerId,
        leadId,
        arrivedAt,
        partySize: input.partySize,
        firstVisit,
        consultantId: input.consultantId,
        seriesId: input.seriesId ?? null,
        sourceId: source.id,
        leftContact,
        closedOnSpot: input.closedOnSpot,
        callbackDueAt: callbackDueAt(arrivedAt, leftContact),
        loggedBy: ctx.userId,
        note: visitNote,
      });
      await keepLeadMilestones(tx, ctx.dealerId, [customerId]);
      await notifyArrival(tx, { dealerId: ctx.dealerId, visitId });
      // An invited customer arriving marks the invitation and alerts its consultant and agent (issue 5).
      if (customerId && input.kind === 'visit') {
        await markInvitationArrived(tx, {
          dealerId: ctx.dealerId,
          customerId,
          visitId,
          arrivedAt,
          actorId: ctx.userId,
          now,
        });
      }
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'showroom_visit.create',
        entity: 'showroom_visit',
        entityId: visitId,
        after: {
          kind: input.kind,
          arrivedAt: arrivedAt.toISOString(),
          partySize: input.partySize,
          firstVisit,
          consultantId: input.consultantId,
          seriesId: input.seriesId ?? null,
          sourceId: source.id,
          leftContact,
          customerId,
          leadId,
          newCustomer,
        },
        ...(requestId ? { requestId } : {}),
      });
      return { id: visitId, newCustomer };
    });
    return { ...(await view(ctx, id)), newCustomer };
  };

  /** The time out of a showroom visitor. */
  const depart = async (ctx: AuthContext, id: string, input: TDepartRequest): Promise<TVisit> => {
    const now = clock.now();
    const before = await loadVisit(db, ctx, id);
    const leftAt = input.leftAt ? new Date(input.leftAt) : now;
    const problem = departureProblem(before, leftAt, now);
    if (problem) throw new DomainError('validation_failed', problem, { fields: { leftAt: problem } });
    if (before.leftAt) throw new DomainError('conflict', MESSAGES.alreadyLeft);
    await db.transaction(async (tx) => {
      if (!(await updateVisit(tx, ctx.dealerId, id, { leftAt }, before.version))) {
        throw new DomainError('stale_version', MESSAGES.stale);
      }
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'showroom_visit.depart',
        entity: 'showroom_visit',
        entityId: id,
        before: { leftAt: null },
        after: { leftAt: leftAt.toISOString() },
      });
    });
    return view(ctx, id);
  };

  /** Corrects a logged visit: party size, consultant, series, closed on the spot, time out, note. */
  const update = async (ctx: AuthContext, id: string, input: TUpdateVisitRequest): Promise<TVisit> => {
    const now = clock.now();
    const before = await loadVisit(db, ctx, id);
    const fields: FieldErrors = {};
    // A consultant who has left since may stay on their old visits; a new one must be active.
    if (input.consultantId !== undefined && input.consultantId !== before.consultantId) {
      await checkConsultant(db, ctx, input.consultantId, fields);
    }
    await checkSeries(db, ctx, input.seriesId, fields);
    const leftAt =
      input.leftAt === undefined ? undefined : input.leftAt === null ? null : new Date(input.leftAt);
    if (leftAt) {
      const problem = departureProblem(before, leftAt, now);
      if (problem) fields.leftAt = problem;
    }
    failIfAny(fields);
    const patch: VisitPatch = {
      ...(input.partySize !== undefined ? { partySize: input.partySize } : {}),
      ...(input.consultantId !== undefined ? { consultantId: input.consultantId } : {}),
      ...(input.seriesId !== undefined ? { seriesId: input.seriesId } : {}),
      ...(input.closedOnSpot !== undefined ? { closedOnSpot: input.closedOnSpot } : {}),
      ...(leftAt !== undefined ? { leftAt } : {}),
      ...(input.note !== undefined ? { note: input.note?.trim() || null } : {}),
    };
    await db.transaction(async (tx) => {
      if (!(await updateVisit(tx, ctx.dealerId, id, patch, input.version))) {
        throw new DomainError('stale_version', MESSAGES.stale);
      }
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'showroom_visit.update',
        entity: 'showroom_visit',
        entityId: id,
        before: auditView(before),
        after: auditView({ ...before, ...patch }),
      });
    });
    return view(ctx, id);
  };

  /** "In the showroom now" or one day's log, by the store's calendar. */
  const list = async (ctx: AuthContext, query: TListVisitsQuery): Promise<TVisitList> => {
    const now = clock.now();
    const timeZone = await storeTimeZoneOf(db, ctx.dealerId);
    const viewName = query.view ?? 'day';
    const date = viewName === 'now' ? storeDateOf(now, timeZone) : (query.date ?? storeDateOf(now, timeZone));
    const { start, end } = storeDayBounds(date, timeZone);
    const rows = await listVisitViewsBetween(db, ctx.dealerId, start, end);
    const inNow = (row: VisitView) => isInShowroomNow(row, now, timeZone);
    const shown = rows
      .filter((row) => (viewName === 'now' ? inNow(row) : true))
      .filter((row) => !query.kind || row.kind === query.kind);
    // The board lists who has waited longest first; the log the latest arrival first.
    if (viewName === 'now') shown.reverse();
    const visits = rows.filter((row) => row.kind === 'visit');
    return {
      view: viewName,
      date,
      timeZone,
      items: shown.map((row) => toVisit(ctx, row, now, timeZone)),
      summary: {
        visits: visits.length,
        phoneIns: rows.length - visits.length,
        people: visits.reduce((sum, row) => sum + row.partySize, 0),
        firstVisits: visits.filter((row) => row.firstVisit).length,
        leftContact: rows.filter((row) => row.leftContact).length,
        inShowroomNow: rows.filter(inNow).length,
        retentionRate: retentionOf(rows).rate,
      },
    };
  };

  /** As the receptionist types a phone: is it a customer, and would this be a first or repeat visit? */
  const lookupPhone = async (
    ctx: AuthContext,
    query: { phone: string; kind: TVisitKind },
  ): Promise<TPhoneLookup> => {
    const phone = normalisePhone(query.phone);
    if (!phone)
      throw new DomainError('validation_failed', MESSAGES.phone, { fields: { phone: MESSAGES.phone } });
    const now = clock.now();
    const customer = await findCustomerByPhone(db, ctx.dealerId, phone.e164);
    if (!customer) {
      return {
        known: false,
        firstVisit: true,
        phone: phoneAsSeenBy(ctx, phone.e164, null) ?? '',
        visits: 0,
        phoneIns: 0,
        lastVisitAt: null,
      };
    }
    const contacts = await listCustomerContacts(db, ctx.dealerId, customer.id);
    const visits = contacts.filter((c) => c.kind === 'visit');
    const visible = seesCustomer(ctx, customer.ownerId);
    return {
      known: true,
      firstVisit: isFirstVisit({ kind: query.kind, arrivedAt: now, earlier: contacts }),
      ...(visible
        ? {
            customerId: customer.id,
            customerName: customer.name,
            cardNo: customer.cardNo,
            ownerName: customer.ownerName,
          }
        : {}),
      phone: phoneAsSeenBy(ctx, phone.e164, customer.ownerId) ?? '',
      visits: visits.length,
      phoneIns: contacts.length - visits.length,
      lastVisitAt: visits.at(-1)?.arrivedAt.toISOString() ?? null,
    };
  };

  /** The consultant the fair rotation offers next, and every active consultant's figures of today. */
  const suggestConsultant = async (ctx: AuthContext): Promise<TSuggestedConsultant> => {
    const now = clock.now();
    const timeZone = await storeTimeZoneOf(db, ctx.dealerId);
    const { start, end } = storeDayBounds(storeDateOf(now, timeZone), timeZone);
    const [active, today] = [
      await listActiveConsultants(db, ctx.dealerId),
      await listVisitViewsBetween(db, ctx.dealerId, start, end),
    ];
    const consultants: TDutyConsultant[] = active.map((consultant) => {
      const received = today.filter((row) => row.consultantId === consultant.id);
      const last = received.reduce<Date | null>(
        (latest, row) => (latest === null || row.arrivedAt > latest ? row.arrivedAt : latest),
        null,
      );
      return {
        id: consultant.id,
        name: consultant.name,
        consultantCode: consultant.consultantCode,
        onDuty: consultant.onDuty,
        receptionsToday: received.length,
        lastReceptionAt: last?.toISOString() ?? null,
        busy: received.some((row) => isInShowroomNow(row, now, timeZone)),
      };
    });
    const suggestion = suggestConsultantWithReason(
      consultants
        .filter((c) => c.onDuty)
        .map((c) => ({
          userId: c.id,
          receptionsToday: c.receptionsToday,
          lastReceptionAt: c.lastReceptionAt ? new Date(c.lastReceptionAt) : null,
          busy: c.busy,
        })),
    );
    const chosen = consultants.find((c) => c.id === suggestion?.userId);
    return {
      consultantId: chosen?.id ?? null,
      name: chosen?.name ?? null,
      reason: suggestion?.reason ?? null,
      consultants,
    };
  };

  /** What the arrival form offers: the series the store sells and its active sources. */
  const options = async (ctx: AuthContext): Promise<TShowroomOptions> => {
    const [series, sources] = [
      await listActiveSeries(db, ctx.dealerId),
      await listActiveSources(db, ctx.dealerId),
    ];
    const byCode = (code: string) => sources.find((s) => s.code === code)?.id ?? null;
    return {
      series,
      sources,
      defaultSourceIds: {
        visit: byCode(DEFAULT_SOURCE_CODE.visit),
        phone_in: byCode(DEFAULT_SOURCE_CODE.phone_in),
      },
    };
  };

  return { logVisit, depart, update, list, lookupPhone, suggestConsultant, options };
};

export type ShowroomService = ReturnType<typeof createShowroomService>;
