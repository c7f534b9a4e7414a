import type {
  TCancelOrderRequest,
  TCreateOrderRequest,
  TDeliverOrderRequest,
  TListOrdersQuery,
  TListOwnersQuery,
  TOrder,
  TOrderList,
  TOrderSheet,
  TOwnerCard,
  TOwnerList,
  TPayDepositRequest,
  TTradeIn,
  TUpdateOrderRequest,
} from '@qianke/contracts/orders';
import { maskPhone, normalisePhone } from '@qianke/core/customers/phone';
import { displayPhone } from '@qianke/core/customers/phone-display';
import { customerScopeOf, seesPhoneInFull } from '@qianke/core/customers/visibility';
import {
  checkOrderPrice,
  decideOrderAction,
  formatOrderNo,
  leadForDelivery,
  type OrderAction,
  orderNoPrefixOf,
} from '@qianke/core/orders/order-state';
import { DomainError, type FieldErrors } from '@qianke/core/shared/domain-error';
import { addDays, instantAt, localDateKey, parseLocalDate } from '@qianke/core/shared/local-time';
import { captureLead } from '../customers/capture-lead';
import { type CardSerials, cardSerialsInTransaction } from '../customers/card-serials';
import { loadVisibleCard } from '../customers/customer-access';
import { keepLeadMilestones } from '../customers/lead-milestones';
import { keepOrderFacts } from '../customers/order-facts';
import { regradeLead } from '../follow-ups/follow-ups.service';
import { replanLeadTasks } from '../follow-ups/plan-lead-tasks';
import { recordAudit } from '../infra/audit/record-audit';
import type { Clock } from '../infra/clock';
import type { Db, Executor } from '../infra/db/database';
import { uniqueViolationOf } from '../infra/db/pg-errors';
import type { AuthContext } from '../infra/http/auth-context';
import { findCatalogPick, lockStockVehicle, setStockVehicleStatus } from '../vehicles/vehicles.service';
import {
  cancelOpenRuleTasks,
  findLeadOfCustomer,
  findOpenLeadOf,
  findOrder,
  findWalkInSource,
  insertOrder,
  type LockedOrder,
  leadsOfCustomer,
  listOrders,
  listOwners,
  lockOrder,
  markOwner,
  nextOrderSerial,
  type OrderRow,
  reopenLead,
  storeOf,
  updateOrder,
  winLead,
} from './orders.repo';

const NO_SUCH_ORDER = 'There is no such order in this store.';
const STALE = 'Someone else changed this order in the meantime. Reload and try again.';

const iso = (at: Date | null) => (at ? at.toISOString() : null);

const fail = (fields: FieldErrors) => {
  const first = Object.values(fields)[0];
  if (first) throw new DomainError('validation_failed', first, { fields });
};

const tradeInOf = (value: unknown): TTradeIn | null =>
  value && typeof value === 'object' && 'brand' in value ? (value as TTradeIn) : null;

const toOrder = (row: OrderRow, ctx: AuthContext): TOrder => {
  const full = seesPhoneInFull(ctx.roles, ctx.userId, row.customerOwnerId);
  const net = Math.round((row.price - row.discount) * 100) / 100;
  return {
    id: row.id,
    orderNo: row.orderNo,
    status: row.status,
    customer: {
      id: row.customerId,
      name: row.customerName,
      cardNo: row.cardNo,
      phone: row.phoneE164 ? (full ? displayPhone(row.phoneE164) : maskPhone(row.phoneE164)) : null,
      phoneMasked: !full,
    },
    leadId: row.leadId,
    consultant: { id: row.consultantId, name: row.consultantName },
    stockVehicleId: row.stockVehicleId,
    vin: row.vin,
    vehicle:
      row.configurationId && row.configurationName
        ? {
            configurationId: row.configurationId,
            seriesName: row.seriesName ?? '',
            modelName: row.modelName ?? '',
            modelYear: row.modelYear ?? 0,
            configurationName: row.configurationName,
            colourName: row.colourName,
            guidePrice: row.guidePrice ?? 0,
          }
        : null,
    colourId: row.colourId,
    price: row.price,
    discount: row.discount,
    deposit: row.deposit,
    depositPaidAt: iso(row.depositPaidAt),
    netPrice: net,
    balance: Math.round((net - row.deposit) * 100) / 100,
    paymentMethod: row.paymentMethod,
    loanStatus: row.loanStatus ?? null,
    loanBank: row.loanBank,
    tradeIn: tradeInOf(row.tradeIn),
    orderedAt: row.orderedAt.toISOString(),
    confirmedAt: iso(row.confirmedAt),
    expectedDeliveryOn: row.expectedDeliveryOn,
    deliveredAt: iso(row.deliveredAt),
    plateNo: row.plateNo,
    licensedOn: row.licensedOn,
    cancelledAt: iso(row.cancelledAt),
    cancelReason: row.cancelReason,
    note: row.note,
    version: row.version,
  };
};

/** A consultant sees the orders they sell and those of customers they own; other roles the store's. */
const visibleTo = (ctx: AuthContext): string | undefined =>
  customerScopeOf(ctx.roles) === 'own' ? ctx.userId : undefined;

const canSee = (ctx: AuthContext, order: Pick<LockedOrder, 'consultantId' | 'customerOwnerId'>) => {
  const own = visibleTo(ctx);
  return own === undefined || order.consultantId === own || order.customerOwnerId === own;
};

/** Cash orders carry no loan facts. */
const loanFields = (input: {
  paymentMethod: 'cash' | 'loan';
  loanStatus?: TCreateOrderRequest['loanStatus'];
  loanBank?: string | null | undefined;
}) =>
  input.paymentMethod === 'cash'
    ? { loanStatus: null, loanBank: null }
    : { loanStatus: input.loanStatus ?? null, loanBank: input.loanBank?.trim() || null };

/** Sales orders (DOMAIN §3): order, confirm, deposit, deliver or cancel; the sheet; owner cards. */
export const createOrdersService = ({
  db,
  clock,
  cardSerials = cardSerialsInTransaction,
}: {
  db: Db;
  clock: Clock;
  cardSerials?: CardSerials;
}) => {
  const getIn = async (executor: Executor, ctx: AuthContext, id: string): Promise<TOrder> => {
    const row = await findOrder(executor, ctx.dealerId, id);
    if (!row || !canSee(ctx, row)) throw new DomainError('not_found', NO_SUCH_ORDER);
    return toOrder(row, ctx);
  };

  const get = (ctx: AuthContext, id: string) => getIn(db, ctx, id);

  const list = async (ctx: AuthContext, query: TListOrdersQuery): Promise<TOrderList> => {
    const { timeZone } = await storeOf(db, ctx.dealerId);
    const own = visibleTo(ctx);
    const { rows, total } = await listOrders(
      db,
      ctx.dealerId,
      {
        ...(query.status ? { status: query.status } : {}),
        ...(query.consultantId ? { consultantId: query.consultantId } : {}),
        ...(query.customerId ? { customerId: query.customerId } : {}),
        ...(own ? { visibleTo: own } : {}),
        ...(query.from ? { from: instantAt(parseLocalDate(query.from), 0, 0, timeZone) } : {}),
        ...(query.to ? { to: instantAt(addDays(parseLocalDate(query.to), 1), 0, 0, timeZone) } : {}),
        ...(query.q ? { q: query.q } : {}),
      },
      { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
    );
    return { items: rows.map((row) => toOrder(row, ctx)), total };
  };

  /**
   * Every order the list would show with these filters, a batch at a time (for the .xlsx export), with the
   * store's time zone for its dates.
   */
  const allOfList = async (
    ctx: AuthContext,
    query: Omit<TListOrdersQuery, 'page' | 'pageSize'>,
    batchSize: number,
  ): Promise<{ timeZone: string; items: AsyncGenerator<TOrder> }> => {
    const { timeZone } = await storeOf(db, ctx.dealerId);
    async function* items(): AsyncGenerator<TOrder> {
      for (let page = 1; ; page++) {
        const { items: batch } = await list(ctx, { ...query, page, pageSize: batchSize });
        yield* batch;
        if (batch.length < batchSize) return;
      }
    }
    return { timeZone, items: items() };
  };

  /** The lead gets level O through the follow-up engine's grading path: history row, audit, tasks. */
  const gradeO = async (
    tx: Executor,
    ctx: AuthContext,
    leadId: string | null,
    orderNo: string,
    now: Date,
  ) => {
    if (!leadId) return;
    await regradeLead(tx, ctx, leadId, { level: 'O', reason: `Deposit paid on order ${orderNo}.`, now });
  };

  const create = async (
    ctx: AuthContext,
    input: TCreateOrderRequest,
    requestId?: string,
  ): Promise<TOrder> => {
    const now = clock.now();
    const fields: FieldErrors = {};
    if (!input.customerId === !input.buyer) {
      fields.customerId = 'Choose a customer, or enter the walk-in buyer’s name and phone.';
    }
    if (!input.stockVehicleId === !input.configurationId) {
      fields.stockVehicleId = 'Choose a vehicle from stock, or a configuration from the catalog.';
    }
    const buyerPhone = input.buyer ? normalisePhone(input.buyer.phone) : undefined;
    if (input.buyer && !buyerPhone) fields['buyer.phone'] = 'Enter a mobile number such as 138 0013 8000.';
    try {
      checkOrderPrice({
        price: input.price,
        discount: input.discount,
        deposit: input.deposit,
        tradeInValuation: input.tradeIn?.valuation ?? null,
      });
    } catch (error) {
      if (error instanceof DomainError && error.fields) Object.assign(fields, error.fields);
      else throw error;
    }
    fail(fields);

    try {
      const id = await db.transaction(async (tx) => {
        let customerId: string;
        let leadId: string | null = null;
        let customerOwnerId: string | null;
        if (input.customerId) {
          const card = await loadVisibleCard(tx, ctx, input.customerId);
          customerId = card.id;
          customerOwnerId = card.ownerId;
          if (input.leadId) {
            const lead = await findLeadOfCustomer(tx, ctx.dealerId, input.leadId, customerId);
            if (!lead) fail({ leadId: "Choose one of this customer's leads." });
            leadId = input.leadId;
          } else {
            leadId = (await findOpenLeadOf(tx, ctx.dealerId, customerId))?.id ?? null;
          }
        } else {
          const buyer = input.buyer;
          if (!buyer || !buyerPhone) throw new Error('unreachable: a walk-in order has a buyer');
          const source = await findWalkInSource(tx, ctx.dealerId);
          if (!source)
            fail({ 'buyer.phone': 'The store has no walk-in source; ask an administrator to add one.' });
          const captured = await captureLead(
            tx,
            {
              dealerId: ctx.dealerId,
              actorId: ctx.userId,
              customer: {
                name: buyer.name,
                phoneE164: buyerPhone.e164,
                phoneRaw: buyer.phone,
                gender: buyer.gender ?? null,
                region: buyer.region ?? null,
                address: buyer.address ?? null,
              },
              lead: { sourceId: source?.id ?? '', channel: 'walk_in', note: 'Ordered on the spot' },
              ownerId: ctx.userId,
              occurredAt: now,
              reuseOpenLead: true,
              via: 'order',
              ...(requestId ? { requestId } : {}),
            },
            { cardSerials },
          );
          customerId = captured.customerId;
          leadId = captured.leadId;
          customerOwnerId = captured.ownerId;
        }

        let vehicle: {
          stockVehicleId: string | null;
          vin: string | null;
          configurationId: string;
          colourId: string | null;
        };
        if (input.stockVehicleId) {
          const stock = await lockStockVehicle(tx, ctx.dealerId, input.stockVehicleId);
          if (!stock) fail({ stockVehicleId: "Choose a vehicle of the store's stock." });
          if (stock && stock.status !== 'in_stock') {
            const message = `The vehicle ${stock.vin} is already ${stock.status === 'sold' ? 'sold' : 'reserved by another order'}; choose another one.`;
            throw new DomainError('conflict', message, { fields: { stockVehicleId: message } });
          }
          if (!stock) throw new Error('unreachable');
          vehicle = {
            stockVehicleId: stock.id,
            vin: stock.vin,
            configurationId: stock.configurationId,
            colourId: stock.colourId,
          };
          await setStockVehicleStatus(tx, ctx.dealerId, stock.id, 'reserved');
        } else {
          const colourId = input.colourId ?? null;
          const found = await findCatalogPick(tx, ctx.dealerId, input.configurationId ?? '', colourId);
          if (!found.configuration)
            fail({ configurationId: "Choose a configuration of the store's catalog." });
          if (found.colour === undefined) fail({ colourId: 'Choose a colour of this series.' });
          vehicle = {
            stockVehicleId: null,
            vin: null,
            configurationId: input.configurationId ?? '',
            colourId,
          };
        }

        const store = await storeOf(tx, ctx.dealerId);
        const { prefix, month } = orderNoPrefixOf(store.code, localDateKey(now, store.timeZone));
        const orderNo = formatOrderNo(prefix, await nextOrderSerial(tx, ctx.dealerId, prefix, month));
        const consultantId = ctx.roles.includes('consultant') ? ctx.userId : (customerOwnerId ?? ctx.userId);
        const depositPaidAt = input.depositPaid && input.deposit > 0 ? now : null;
        const row = {
          dealerId: ctx.dealerId,
          orderNo,
          customerId,
          leadId,
          consultantId,
          ...vehicle,
          price: input.price,
          discount: input.discount,
          deposit: input.deposit,
          depositPaidAt,
          paymentMethod: input.paymentMethod,
          ...loanFields(input),
          tradeIn: input.tradeIn ?? null,
          status: 'draft' as const,
          orderedAt: now,
          expectedDeliveryOn: input.expectedDeliveryOn ?? null,
          note: input.note?.trim() || null,
          createdBy: ctx.userId,
          createdAt: now,
          updatedAt: now,
        };
        const orderId = await insertOrder(tx, row);
        await keepLeadMilestones(tx, ctx.dealerId, [customerId]);
        await keepOrderFacts(tx, ctx.dealerId, [customerId]);
        await recordAudit(tx, {
          dealerId: ctx.dealerId,
          actorId: ctx.userId,
          action: 'order.create',
          entity: 'order',
          entityId: orderId,
          after: { orderNo, customerId, leadId, vin: vehicle.vin, price: row.price, deposit: row.deposit },
          requestId,
        });
        if (depositPaidAt) await gradeO(tx, ctx, leadId, orderNo, now);
        if (leadId) await replanLeadTasks(tx, { dealerId: ctx.dealerId, leadId, now });
        return orderId;
      });
      return get(ctx, id);
    } catch (error) {
      if (uniqueViolationOf(error) === 'orders_one_live_per_vehicle_key') {
        const message = 'Another order took this vehicle a moment ago; choose another one.';
        throw new DomainError('conflict', message, { fields: { stockVehicleId: message } });
      }
      throw error;
    }
  };

  /** Locks the order, checks who may see it, the version read and the state machine. */
  const begin = async (
    tx: Executor,
    ctx: AuthContext,
    id: string,
    version: number,
    action: OrderAction,
    extra: { cancelReason?: string } = {},
  ) => {
    const order = await lockOrder(tx, ctx.dealerId, id);
    if (!order || !canSee(ctx, order)) throw new DomainError('not_found', NO_SUCH_ORDER);
    const decision = decideOrderAction({
      status: order.status,
      action,
      depositPaid: order.depositPaidAt !== null,
      ...(extra.cancelReason !== undefined ? { cancelReason: extra.cancelReason } : {}),
    });
    if (order.version !== version) throw new DomainError('stale_version', STALE);
    return { order, decision };
  };

  const save = async (
    tx: Executor,
    ctx: AuthContext,
    order: LockedOrder,
    patch: Parameters<typeof updateOrder>[4],
  ) => {
    if (!(await updateOrder(tx, ctx.dealerId, order.id, order.version, patch))) {
      throw new DomainError('stale_version', STALE);
    }
    // Cancelled, delivered or reinstated: the funnel milestones of the customer's leads and what the
    // reports keep of the orders follow.
    await keepLeadMilestones(tx, ctx.dealerId, [order.customerId]);
    await keepOrderFacts(tx, ctx.dealerId, [order.customerId]);
  };

  const audit = (
    tx: Executor,
    ctx: AuthContext,
    order: LockedOrder,
    action: string,
    after: Record<string, unknown>,
    requestId?: string,
  ) =>
    recordAudit(tx, {
      dealerId: ctx.dealerId,
      actorId: ctx.userId,
      action,
      entity: 'order',
      entityId: order.id,
      before: { status: order.status },
      after: { orderNo: order.orderNo, ...after },
      requestId,
    });

  const update = async (ctx: AuthContext, id: string, input: TUpdateOrderRequest, requestId?: string) => {
    await db.transaction(async (tx) => {
      const { order } = await begin(tx, ctx, id, input.version, 'edit');
      const { version: _, ...patch } = input;
      const price = patch.price ?? order.price;
      const discount = patch.discount ?? order.discount;
      const deposit = patch.deposit ?? order.deposit;
      const tradeIn = patch.tradeIn === undefined ? tradeInOf(order.tradeIn) : patch.tradeIn;
      checkOrderPrice({ price, discount, deposit, tradeInValuation: tradeIn?.valuation ?? null });
      const changes: Parameters<typeof updateOrder>[4] = {
        price,
        discount,
        deposit,
        tradeIn: tradeIn ?? null,
      };
      if (patch.paymentMethod)
        Object.assign(
          changes,
          { paymentMethod: patch.paymentMethod },
          loanFields({ ...patch, paymentMethod: patch.paymentMethod }),
        );
      else if (patch.loanStatus !== undefined || patch.loanBank !== undefined) {
        if (patch.loanStatus !== undefined) changes.loanStatus = patch.loanStatus ?? null;
        if (patch.loanBank !== undefined) changes.loanBank = patch.loanBank?.trim() || null;
      }
      if (patch.expectedDeliveryOn !== undefined)
        changes.expectedDeliveryOn = patch.expectedDeliveryOn ?? null;
      if (patch.note !== undefined) changes.note = patch.note?.trim() || null;
      await save(tx, ctx, order, changes);
      await audit(tx, ctx, order, 'order.update', { ...patch }, requestId);
    });
    return get(ctx, id);
  };

  const confirm = async (ctx: AuthContext, id: string, version: number, requestId?: string) => {
    const now = clock.now();
    await db.transaction(async (tx) => {
      const { order, decision } = await begin(tx, ctx, id, version, 'confirm');
      await save(tx, ctx, order, { status: decision.status, confirmedAt: now });
      await audit(tx, ctx, order, 'order.confirm', { status: decision.status }, requestId);
    });
    return get(ctx, id);
  };

  const payDeposit = async (ctx: AuthContext, id: string, input: TPayDepositRequest, requestId?: string) => {
    const now = clock.now();
    await db.transaction(async (tx) => {
      const { order } = await begin(tx, ctx, id, input.version, 'pay_deposit');
      const deposit = input.deposit ?? order.deposit;
      if (!(deposit > 0)) fail({ deposit: 'Enter the deposit the customer paid.' });
      checkOrderPrice({ price: order.price, discount: order.discount, deposit });
      await save(tx, ctx, order, { deposit, depositPaidAt: now });
      await audit(tx, ctx, order, 'order.pay_deposit', { deposit, status: order.status }, requestId);
      await gradeO(tx, ctx, order.leadId, order.orderNo, now);
      if (order.leadId) await replanLeadTasks(tx, { dealerId: ctx.dealerId, leadId: order.leadId, now });
    });
    return get(ctx, id);
  };

  const cancel = async (ctx: AuthContext, id: string, input: TCancelOrderRequest, requestId?: string) => {
    const now = clock.now();
    const reason = input.reason.trim();
    await db.transaction(async (tx) => {
      const { order, decision } = await begin(tx, ctx, id, input.version, 'cancel', { cancelReason: reason });
      await save(tx, ctx, order, { status: decision.status, cancelledAt: now, cancelReason: reason });
      if (order.stockVehicleId)
        await setStockVehicleStatus(tx, ctx.dealerId, order.stockVehicleId, 'in_stock');
      await audit(tx, ctx, order, 'order.cancel', { status: decision.status, reason }, requestId);
      if (order.leadId) {
        await reopenLead(tx, ctx.dealerId, order.leadId);
        // Ordered (O) no longer holds: the lead goes back to H, hot, with the reason on its history.
        await regradeLead(tx, ctx, order.leadId, {
          level: 'H',
          reason: `Order ${order.orderNo} cancelled: ${reason}`,
          now,
          onlyFrom: 'O',
        });
        await replanLeadTasks(tx, { dealerId: ctx.dealerId, leadId: order.leadId, now });
      }
    });
    return get(ctx, id);
  };

  const deliver = async (ctx: AuthContext, id: string, input: TDeliverOrderRequest, requestId?: string) => {
    const now = clock.now();
    await db.transaction(async (tx) => {
      const { order, decision } = await begin(tx, ctx, id, input.version, 'deliver');
      const { timeZone } = await storeOf(tx, ctx.dealerId);
      const today = localDateKey(now, timeZone);
      if (input.licensedOn && input.licensedOn > today) {
        fail({ licensedOn: 'The registration day cannot be in the future.' });
      }
      const plateNo = input.plateNo?.trim().toUpperCase() || null;
      // A buyer without an open lead when ordering (closed as lost, say) still gets owner care: the
      // delivery wins their newest lead, and the order is linked to it.
      const leadId = order.leadId
        ? order.leadId
        : leadForDelivery(null, await leadsOfCustomer(tx, ctx.dealerId, order.customerId));
      await save(tx, ctx, order, {
        status: decision.status,
        deliveredAt: now,
        plateNo,
        licensedOn: input.licensedOn ?? null,
        ...(leadId !== order.leadId ? { leadId } : {}),
      });
      if (order.stockVehicleId) await setStockVehicleStatus(tx, ctx.dealerId, order.stockVehicleId, 'sold');
      await markOwner(tx, ctx.dealerId, order.customerId, today);
      await audit(
        tx,
        ctx,
        order,
        'order.deliver',
        { status: decision.status, plateNo, licensedOn: input.licensedOn ?? null, leadId },
        requestId,
      );
      if (leadId) {
        await winLead(tx, ctx.dealerId, leadId, now, order.consultantId);
        // Owner care replaces whatever contact was planned before the handover.
        await cancelOpenRuleTasks(tx, ctx.dealerId, leadId);
        await replanLeadTasks(tx, { dealerId: ctx.dealerId, leadId, now });
      }
    });
    return get(ctx, id);
  };

  const sheet = async (ctx: AuthContext, id: string): Promise<TOrderSheet> => {
    const order = await get(ctx, id);
    const store = await storeOf(db, ctx.dealerId);
    const totals = checkOrderPrice({
      price: order.price,
      discount: order.discount,
      deposit: Math.min(order.deposit, Math.max(0, order.price - order.discount)),
      tradeInValuation: order.tradeIn?.valuation ?? null,
    });
    return {
      order,
      store: { name: store.name, code: store.code },
      tradeInValuation: order.tradeIn?.valuation ?? 0,
      balanceAfterTradeIn: totals.balanceAfterTradeIn,
      printedAt: clock.now().toISOString(),
    };
  };

  const owners = async (ctx: AuthContext, query: TListOwnersQuery): Promise<TOwnerList> => {
    const { timeZone } = await storeOf(db, ctx.dealerId);
    const own = visibleTo(ctx);
    const { rows, total } = await listOwners(
      db,
      ctx.dealerId,
      {
        timeZone,
        ...(query.licenceMonth ? { licenceMonth: query.licenceMonth } : {}),
        ...(own ? { visibleTo: own } : {}),
        ...(query.q ? { q: query.q } : {}),
      },
      { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
    );
    return {
      items: rows.map((row) => {
        const full = seesPhoneInFull(ctx.roles, ctx.userId, row.customerOwnerId);
        return {
          customerId: row.customerId,
          name: row.name,
          cardNo: row.cardNo,
          phone: row.phoneE164 ? (full ? displayPhone(row.phoneE164) : maskPhone(row.phoneE164)) : null,
          phoneMasked: !full,
          ownerSince: row.ownerSince,
          orderId: row.orderId,
          orderNo: row.orderNo,
          vin: row.vin,
          vehicle: [row.seriesName, row.modelName, row.configurationName].filter(Boolean).join(' '),
          plateNo: row.plateNo,
          licensedOn: row.licensedOn,
          deliveredAt: row.deliveredAt.toISOString(),
          licenceMonth: row.licenceMonth,
          consultant: { id: row.consultantId, name: row.consultantName },
        };
      }),
      total,
    };
  };

  /** Every owner card the list would show with these filters, a batch at a time (for the .xlsx export). */
  const allOwners = async (
    ctx: AuthContext,
    query: Omit<TListOwnersQuery, 'page' | 'pageSize'>,
    batchSize: number,
  ): Promise<{ timeZone: string; items: AsyncGenerator<TOwnerCard> }> => {
    const { timeZone } = await storeOf(db, ctx.dealerId);
    async function* items(): AsyncGenerator<TOwnerCard> {
      for (let page = 1; ; page++) {
        const { items: batch } = await owners(ctx, { ...query, page, pageSize: batchSize });
        yield* batch;
        if (batch.length < batchSize) return;
      }
    }
    return { timeZone, items: items() };
  };

  return {
    list,
    allOfList,
    allOwners,
    get,
    create,
    update,
    confirm,
    payDeposit,
    cancel,
    deliver,
    sheet,
    owners,
  };
};

export type OrdersService = ReturnType<typeof createOrdersService>;
