import { normalisePhone } from '@qianke/core/customers/phone';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../infra/db/database';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { type CaptureLeadResult, captureLead } from './capture-lead';
import { type CardSerials, cardSerialsInTransaction, cardSerialsOf } from './card-serials';

let t: TestServer;
let dealerId: string;
let walkIn: string;
beforeAll(async () => {
  t = await startTestServer();
  const [row] = await t.rows<{ dealer_id: string; walk_in: string }>(sql`
    select d.id as dealer_id,
      (select id from lead_sources where dealer_id = d.id and code = 'walk_in') as walk_in
    from dealers d where d.code = 'SH-PD'`);
  if (!row) throw new Error('demo store not found');
  ({ dealer_id: dealerId, walk_in: walkIn } = row);
});
afterAll(() => t?.close());

let nextPhone = 13_677_770_000;
/** A walk-in with a phone the store has never seen, captured in `tx` with card numbers from `serials`. */
const captureNew = (tx: Executor, serials: CardSerials): Promise<CaptureLeadResult> => {
  const raw = String(nextPhone++);
  const phone = normalisePhone(raw);
  if (!phone) throw new Error(`bad phone ${raw}`);
  return captureLead(
    tx,
    {
      dealerId,
      actorId: null,
      customer: { name: `客户${raw.slice(-4)}`, phoneE164: phone.e164, phoneRaw: raw },
      lead: { sourceId: walkIn, channel: 'walk_in' },
      occurredAt: new Date(),
      via: 'manual',
    },
    { cardSerials: serials },
  );
};

/** The serial at the end of a card number (`XX-26-0042` -> 42). */
const serialOf = async (customerId: string): Promise<number> => {
  const [row] = await t.rows<{ card_no: string }>(
    sql`select card_no from customers where dealer_id = ${dealerId} and id = ${customerId}`,
  );
  if (!row) throw new Error(`customer ${customerId} not stored`);
  return Number(row.card_no.split('-').at(-1));
};

const rollBack = new Error('roll back');

describe('card serials', () => {
  it('continue the series one capture after another, however they are taken', async () => {
    const serials = cardSerialsOf(t.server.database);
    const first = await t.db.transaction((tx) => captureNew(tx, serials));
    const second = await t.db.transaction((tx) => captureNew(tx, serials));
    const third = await t.db.transaction((tx) => captureNew(tx, cardSerialsInTransaction));
    expect(await serialOf(second.customerId)).toBe((await serialOf(first.customerId)) + 1);
    expect(await serialOf(third.customerId)).toBe((await serialOf(first.customerId)) + 2);
  });

  it('on PGlite are taken in the capture transaction: a rolled-back capture leaves no gap', async () => {
    if (t.dbKind !== 'pglite') return;
    expect(cardSerialsOf(t.server.database)).toBe(cardSerialsInTransaction);
    const serials = cardSerialsOf(t.server.database);
    const before = await t.db.transaction((tx) => captureNew(tx, serials));
    await t.db
      .transaction(async (tx) => {
        await captureNew(tx, serials);
        throw rollBack;
      })
      .catch((error: unknown) => {
        if (error !== rollBack) throw error;
      });
    const after = await t.db.transaction((tx) => captureNew(tx, serials));
    expect(await serialOf(after.customerId)).toBe((await serialOf(before.customerId)) + 1);
  });

  it('on PostgreSQL do not make a capture wait for another one still open; a rollback leaves a gap', async () => {
    if (t.dbKind !== 'postgres') return;
    const serials = cardSerialsOf(t.server.database);
    expect(serials).not.toBe(cardSerialsInTransaction);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let firstTaken = () => {};
    const taken = new Promise<void>((resolve) => {
      firstTaken = resolve;
    });
    // A capture that has taken its number and stays open until the second one is stored. Were the
    // counter locked until its commit, the second capture would wait for it forever (the test times out).
    const open = t.db.transaction(async (tx) => {
      const result = await captureNew(tx, serials);
      firstTaken();
      await held;
      return result;
    });
    await taken;
    const meanwhile = await t.db.transaction((tx) => captureNew(tx, serials));
    release();
    const first = await open;
    expect(await serialOf(meanwhile.customerId)).toBe((await serialOf(first.customerId)) + 1);

    await t.db
      .transaction(async (tx) => {
        await captureNew(tx, serials);
        throw rollBack;
      })
      .catch((error: unknown) => {
        if (error !== rollBack) throw error;
      });
    const after = await t.db.transaction((tx) => captureNew(tx, serials));
    expect(await serialOf(after.customerId)).toBe((await serialOf(meanwhile.customerId)) + 2);
  });
});
