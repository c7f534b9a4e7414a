import { DomainError, type FieldErrors } from '../shared/domain-error';

/**
 * Sales order (销售订单), DOMAIN §3: draft -> confirmed -> delivered, or cancelled from draft or
 * confirmed. A delivered car is never cancelled here (a return is another process). Paying the deposit
 * (定金) makes the lead level O (ordered); cancelling returns the lead to the open pipeline with a
 * reason; delivery makes the customer an owner (保有客户) and starts owner care.
 */
export const ORDER_STATUSES = ['draft', 'confirmed', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_ACTIONS = ['edit', 'confirm', 'pay_deposit', 'deliver', 'cancel'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/** The statuses each action may start from. */
const ALLOWED_FROM: Record<OrderAction, readonly OrderStatus[]> = {
  edit: ['draft'],
  confirm: ['draft'],
  pay_deposit: ['draft', 'confirmed'],
  deliver: ['confirmed'],
  cancel: ['draft', 'confirmed'],
};

/** The status an action leads to (paying a deposit keeps the status). */
const NEXT: Record<OrderAction, OrderStatus | null> = {
  edit: null,
  confirm: 'confirmed',
  pay_deposit: null,
  deliver: 'delivered',
  cancel: 'cancelled',
};

/** What the action implies beyond the order itself. */
export type OrderEffect = {
  /** The stock vehicle the order holds becomes this. */
  vehicle: 'reserved' | 'in_stock' | 'sold' | null;
  /** The lead of the order: level O, back to the open pipeline, or won. */
  lead: 'level_o' | 'reopen' | 'won' | null;
  /** The customer becomes an owner (owner_since, owner care tasks). */
  owner: boolean;
};

const EFFECTS: Record<OrderAction, OrderEffect> = {
  edit: { vehicle: null, lead: null, owner: false },
  confirm: { vehicle: null, lead: null, owner: false },
  pay_deposit: { vehicle: null, lead: 'level_o', owner: false },
  deliver: { vehicle: 'sold', lead: 'won', owner: true },
  cancel: { vehicle: 'in_stock', lead: 'reopen', owner: false },
};

export const canApply = (status: OrderStatus, action: OrderAction): boolean =>
  ALLOWED_FROM[action].includes(status);

const REFUSALS: Record<OrderAction, string> = {
  edit: 'Only a draft order can be changed; this one is {status}.',
  confirm: 'Only a draft order can be confirmed; this one is {status}.',
  pay_deposit: 'A deposit is paid on a draft or confirmed order; this one is {status}.',
  deliver: 'Confirm the order before delivering the car; this one is {status}.',
  cancel: 'A {status} order cannot be cancelled.',
};

/**
 * The order's next status and what else changes, or a conflict saying why not. Paying a deposit twice
 * is refused (the deposit is already recorded).
 */
export const decideOrderAction = (input: {
  status: OrderStatus;
  action: OrderAction;
  depositPaid?: boolean;
  cancelReason?: string | null;
}): { status: OrderStatus; effect: OrderEffect } => {
  const { status, action } = input;
  if (!canApply(status, action)) {
    throw new DomainError('conflict', REFUSALS[action].replace('{status}', status));
  }
  if (action === 'pay_deposit' && input.depositPaid) {
    throw new DomainError('conflict', 'The deposit of this order is already paid.');
  }
  if (action === 'cancel' && !input.cancelReason?.trim()) {
    const message = 'Say why the order is cancelled.';
    throw new DomainError('validation_failed', message, { fields: { reason: message } });
  }
  return { status: NEXT[action] ?? status, effect: EFFECTS[action] };
};

/** Yuan with fen: sums of prices are rounded to 2 decimals so 0.1 + 0.2 stays 0.30. */
const money = (value: number) => Math.round(value * 100) / 100;

export type OrderPrice = {
  price: number;
  discount: number;
  deposit: number;
  tradeInValuation?: number | null;
};

export type OrderTotals = {
  /** Price after the discount: what the car is sold for. */
  netPrice: number;
  /** What the customer still owes after the deposit. */
  balance: number;
  /** The balance less the value of the car taken in part exchange (never below zero). */
  balanceAfterTradeIn: number;
};

/**
 * Checks the price maths of an order: amounts are not negative, the discount leaves a price of zero
 * or more, and the deposit is no more than that price. Field errors name the amount to correct.
 */
export const checkOrderPrice = (input: OrderPrice): OrderTotals => {
  const fields: FieldErrors = {};
  if (!(input.price > 0)) fields.price = 'Enter the price of the car.';
  if (input.discount < 0) fields.discount = 'A discount cannot be negative.';
  if (input.deposit < 0) fields.deposit = 'A deposit cannot be negative.';
  if ((input.tradeInValuation ?? 0) < 0) fields['tradeIn.valuation'] = 'A valuation cannot be negative.';
  const netPrice = money(input.price - input.discount);
  if (!fields.price && !fields.discount && netPrice < 0) {
    fields.discount = `The discount (${input.discount}) is more than the price (${input.price}).`;
  }
  if (!fields.deposit && netPrice >= 0 && input.deposit > netPrice) {
    fields.deposit = `The deposit (${input.deposit}) is more than the price after discount (${netPrice}).`;
  }
  const keys = Object.keys(fields);
  if (keys.length > 0) {
    throw new DomainError('validation_failed', fields[keys[0] as string] as string, { fields });
  }
  const balance = money(netPrice - input.deposit);
  return {
    netPrice,
    balance,
    balanceAfterTradeIn: Math.max(0, money(balance - (input.tradeInValuation ?? 0))),
  };
};

/** Order numbers per store and month: SO-SHPD-2611-0001 (the store code without dashes). */
export const orderNoPrefixOf = (storeCode: string, localDate: string): { prefix: string; month: number } => {
  const yymm = `${localDate.slice(2, 4)}${localDate.slice(5, 7)}`;
  return { prefix: `SO-${storeCode.replaceAll('-', '')}-${yymm}`, month: Number(yymm) };
};

export const formatOrderNo = (prefix: string, serial: number): string =>
  `${prefix}-${String(serial).padStart(4, '0')}`;

/** A lead of the buyer, as delivery sees it. */
export type BuyerLead = { id: string; status: 'open' | 'won' | 'lost' | 'nurturing'; createdAt: Date };

/**
 * The lead a delivery wins and plans owner care on (DOMAIN §3: delivery makes the customer an owner,
 * owner care per the rule table). The order's own lead when it has one; else, for a buyer who had no
 * open lead when ordering (closed as lost, or won on an earlier car), the newest open or nurturing lead,
 * else the newest lead of any status. Null only for a buyer without any lead.
 */
export const leadForDelivery = (orderLeadId: string | null, leads: readonly BuyerLead[]): string | null => {
  if (orderLeadId) return orderLeadId;
  const newestFirst = [...leads].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const live = newestFirst.find((lead) => lead.status === 'open' || lead.status === 'nurturing');
  return (live ?? newestFirst[0])?.id ?? null;
};
