import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import {
  canApply,
  checkOrderPrice,
  decideOrderAction,
  formatOrderNo,
  leadForDelivery,
  type OrderAction,
  type OrderStatus,
  orderNoPrefixOf,
} from './order-state';

describe('which actions each status allows', () => {
  const table: [OrderStatus, Record<OrderAction, boolean>][] = [
    ['draft', { edit: true, confirm: true, pay_deposit: true, deliver: false, cancel: true }],
    ['confirmed', { edit: false, confirm: false, pay_deposit: true, deliver: true, cancel: true }],
    ['delivered', { edit: false, confirm: false, pay_deposit: false, deliver: false, cancel: false }],
    ['cancelled', { edit: false, confirm: false, pay_deposit: false, deliver: false, cancel: false }],
  ];
  for (const [status, actions] of table) {
    for (const [action, allowed] of Object.entries(actions)) {
      it(`${status} ${allowed ? 'allows' : 'refuses'} ${action}`, () => {
        expect(canApply(status, action as OrderAction)).toBe(allowed);
      });
    }
  }
});

describe('decideOrderAction', () => {
  it.each([
    ['draft', 'confirm', 'confirmed', { vehicle: null, lead: null, owner: false }],
    ['draft', 'pay_deposit', 'draft', { vehicle: null, lead: 'level_o', owner: false }],
    ['confirmed', 'pay_deposit', 'confirmed', { vehicle: null, lead: 'level_o', owner: false }],
    ['confirmed', 'deliver', 'delivered', { vehicle: 'sold', lead: 'won', owner: true }],
    ['draft', 'cancel', 'cancelled', { vehicle: 'in_stock', lead: 'reopen', owner: false }],
    ['confirmed', 'cancel', 'cancelled', { vehicle: 'in_stock', lead: 'reopen', owner: false }],
  ] as const)('%s + %s -> %s', (status, action, next, effect) => {
    expect(decideOrderAction({ status, action, cancelReason: 'changed mind' })).toEqual({
      status: next,
      effect,
    });
  });

  it('refuses to deliver a draft, saying to confirm first', () => {
    expect(() => decideOrderAction({ status: 'draft', action: 'deliver' })).toThrow(
      'Confirm the order before delivering the car; this one is draft.',
    );
  });

  it('refuses to cancel a delivered order as a conflict', () => {
    try {
      decideOrderAction({ status: 'delivered', action: 'cancel', cancelReason: 'x' });
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).code).toBe('conflict');
    }
  });

  it('needs a reason to cancel', () => {
    for (const cancelReason of [undefined, null, '', '   ']) {
      try {
        decideOrderAction({ status: 'confirmed', action: 'cancel', cancelReason });
        expect.unreachable();
      } catch (error) {
        expect((error as DomainError).code).toBe('validation_failed');
        expect((error as DomainError).fields).toEqual({ reason: 'Say why the order is cancelled.' });
      }
    }
  });

  it('refuses a second deposit', () => {
    expect(() =>
      decideOrderAction({ status: 'confirmed', action: 'pay_deposit', depositPaid: true }),
    ).toThrow('already paid');
  });
});

describe('checkOrderPrice', () => {
  it.each([
    [
      { price: 189_800, discount: 8_000, deposit: 10_000 },
      { netPrice: 181_800, balance: 171_800, balanceAfterTradeIn: 171_800 },
    ],
    [
      { price: 189_800, discount: 0, deposit: 0 },
      { netPrice: 189_800, balance: 189_800, balanceAfterTradeIn: 189_800 },
    ],
    // The deposit may be the whole price after discount.
    [
      { price: 100_000, discount: 10_000, deposit: 90_000 },
      { netPrice: 90_000, balance: 0, balanceAfterTradeIn: 0 },
    ],
    // Fen stay exact.
    [
      { price: 0.3, discount: 0.1, deposit: 0.2 },
      { netPrice: 0.2, balance: 0, balanceAfterTradeIn: 0 },
    ],
    [
      { price: 150_000, discount: 5_000, deposit: 5_000, tradeInValuation: 42_000 },
      { netPrice: 145_000, balance: 140_000, balanceAfterTradeIn: 98_000 },
    ],
    // A trade-in worth more than the balance leaves nothing to pay (the dealer pays the difference).
    [
      { price: 60_000, discount: 0, deposit: 50_000, tradeInValuation: 30_000 },
      { netPrice: 60_000, balance: 10_000, balanceAfterTradeIn: 0 },
    ],
  ])('%o -> %o', (input, totals) => {
    expect(checkOrderPrice(input)).toEqual(totals);
  });

  it.each([
    [{ price: 0, discount: 0, deposit: 0 }, { price: 'Enter the price of the car.' }],
    [{ price: 100_000, discount: -1, deposit: 0 }, { discount: 'A discount cannot be negative.' }],
    [
      { price: 100_000, discount: 100_001, deposit: 0 },
      { discount: 'The discount (100001) is more than the price (100000).' },
    ],
    [
      { price: 100_000, discount: 10_000, deposit: 90_001 },
      { deposit: 'The deposit (90001) is more than the price after discount (90000).' },
    ],
    [{ price: 100_000, discount: 0, deposit: -5 }, { deposit: 'A deposit cannot be negative.' }],
  ])('%o is refused: %o', (input, fields) => {
    try {
      checkOrderPrice(input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('validation_failed');
      expect((error as DomainError).fields).toEqual(fields);
    }
  });
});

describe('order numbers', () => {
  it.each([
    ['SH-PD', '2026-11-30', 1, 'SO-SHPD-2611-0001'],
    ['SH-MH', '2026-12-01', 42, 'SO-SHMH-2612-0042'],
    ['BJ', '2027-01-01', 12345, 'SO-BJ-2701-12345'],
  ])('%s on %s, serial %d: %s', (code, date, serial, expected) => {
    const { prefix } = orderNoPrefixOf(code, date);
    expect(formatOrderNo(prefix, serial)).toBe(expected);
  });
});

describe('the lead a delivery wins', () => {
  const at = (iso: string) => new Date(iso);
  const lost2025 = { id: 'lost-2025', status: 'lost' as const, createdAt: at('2025-12-31T16:30:00Z') };
  const lost2026 = { id: 'lost-2026', status: 'lost' as const, createdAt: at('2026-01-31T16:00:00Z') };
  const won = { id: 'won', status: 'won' as const, createdAt: at('2026-02-28T15:59:59Z') };
  const nurturing = { id: 'nurturing', status: 'nurturing' as const, createdAt: at('2025-06-01T00:00:00Z') };
  const open = { id: 'open', status: 'open' as const, createdAt: at('2025-01-01T00:00:00Z') };
  it.each([
    ['the order names its lead', 'order-lead', [open, lost2026], 'order-lead'],
    ['no lead on the order, an open one now', null, [lost2026, open, won], 'open'],
    ['no lead on the order, a nurturing one', null, [lost2026, nurturing], 'nurturing'],
    ['only closed leads: the newest (across a year end)', null, [lost2025, lost2026], 'lost-2026'],
    ['only closed leads, listed newest first', null, [won, lost2026, lost2025], 'won'],
    ['no lead at all', null, [], null],
  ] as const)('%s', (_, orderLeadId, leads, expected) => {
    expect(leadForDelivery(orderLeadId, leads)).toBe(expected);
  });
});
