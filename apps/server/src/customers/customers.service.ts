import type {
  TCaptureResult,
  TCreateCustomerParsed,
  TCustomer,
  TCustomerFormOptions,
  TCustomerList,
  TCustomerListItem,
  TCustomerTimeline,
  TListCustomersParsed,
  TMergeCustomersRequest,
  TNewLead,
  TRevealedPhones,
  TUpdateCustomerRequest,
} from '@qianke/contracts/customers';
import { displayPhone } from '@qianke/core/customers/phone-display';
import { customerSearchTermsOf } from '@qianke/core/customers/search-terms';
import { recordAudit } from '../infra/audit/record-audit';
import type { Clock } from '../infra/clock';
import type { Db } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import { storeTimeZone } from './capture.repo';
import type { CardSerials } from './card-serials';
import { addLead, createCustomer } from './create-customer';
import { loadVisibleCard, ownedByOf } from './customer-access';
import { type Keyset, listCustomerPage } from './customer-list.repo';
import { toTimeline } from './customer-timeline';
import { otherPhonesFor, toCustomer, toListItem } from './customer-view';
import { leadsOfCustomer } from './customers.repo';
import { catalogOptions, ownerOptions } from './form-options.repo';
import { decodeCursor, encodeCursor } from './list-cursor';
import { mergeCustomers } from './merge-customers';
import { timelineRows } from './timeline.repo';
import { promoteToFleet, updateCustomerCard } from './update-customer';

export type CustomersServiceDeps = { db: Db; clock: Clock; cardSerials?: CardSerials };

/** Customers and their inquiries: the list, the 360 card, and the actions on it (one file per action). */
export const createCustomersService = ({ db, clock, cardSerials }: CustomersServiceDeps) => {
  const get = async (ctx: AuthContext, id: string): Promise<TCustomer> => {
    const row = await loadVisibleCard(db, ctx, id);
    return toCustomer(row, await leadsOfCustomer(db, ctx.dealerId, id), ctx);
  };

  const listFilterOf = async (ctx: AuthContext, query: Omit<TListCustomersParsed, 'cursor' | 'limit'>) => {
    const q = query.q?.trim();
    return {
      dealerId: ctx.dealerId,
      ownedBy: ownedByOf(ctx),
      terms: q ? customerSearchTermsOf(q) : undefined,
      level: query.level,
      horizon: query.horizon,
      sourceId: query.sourceId,
      ownerId: query.ownerId,
      status: query.status,
      createdFrom: query.createdFrom,
      createdTo: query.createdTo,
      timeZone: await storeTimeZone(db, ctx.dealerId),
    };
  };

  const list = async (ctx: AuthContext, query: TListCustomersParsed): Promise<TCustomerList> => {
    const order = query.order ?? (query.sort === 'createdAt' ? 'desc' : 'asc');
    const after = query.cursor ? decodeCursor(query.cursor, query.sort, order) : undefined;
    const { rows, next } = await listCustomerPage(db, await listFilterOf(ctx, query), {
      sort: query.sort,
      order,
      after,
      limit: query.limit,
    });
    return {
      items: rows.map((row) => toListItem(row, ctx)),
      nextCursor: next ? encodeCursor(query.sort, order, next) : null,
    };
  };

  /**
   * Every customer of the list with its filters and order, read in keyset batches of `batchSize` (the
   * .xlsx export, issue 6): memory holds one batch however long the list. Phones as the list shows them.
   */
  const allOfList = async (
    ctx: AuthContext,
    query: Omit<TListCustomersParsed, 'cursor' | 'limit'>,
    batchSize: number,
  ): Promise<{ timeZone: string; items: AsyncGenerator<TCustomerListItem> }> => {
    const order = query.order ?? (query.sort === 'createdAt' ? 'desc' : 'asc');
    const filter = await listFilterOf(ctx, query);
    async function* items(): AsyncGenerator<TCustomerListItem> {
      let after: Keyset | undefined;
      do {
        const page = await listCustomerPage(db, filter, { sort: query.sort, order, after, limit: batchSize });
        for (const row of page.rows) yield toListItem(row, ctx);
        after = page.next;
      } while (after);
    }
    return { timeZone: filter.timeZone, items: items() };
  };

  const timeline = async (ctx: AuthContext, id: string): Promise<TCustomerTimeline> => {
    await loadVisibleCard(db, ctx, id);
    return { items: toTimeline(await timelineRows(db, ctx.dealerId, id)) };
  };

  /** The full numbers of a masked card, for whoever may see the customer; every look is audited. */
  const revealPhone = async (ctx: AuthContext, id: string, requestId?: string): Promise<TRevealedPhones> => {
    const row = await loadVisibleCard(db, ctx, id);
    await recordAudit(db, {
      dealerId: ctx.dealerId,
      actorId: ctx.userId,
      action: 'customer.reveal_phone',
      entity: 'customer',
      entityId: id,
      after: { cardNo: row.cardNo },
      requestId,
    });
    return {
      phone: row.phoneE164 ? displayPhone(row.phoneE164) : null,
      phoneE164: row.phoneE164,
      otherPhones: otherPhonesFor(row.otherPhones, true),
    };
  };

  const create = async (ctx: AuthContext, input: TCreateCustomerParsed, requestId?: string) =>
    get(ctx, await createCustomer({ db, clock, cardSerials }, ctx, input, requestId));

  const addInquiry = (
    ctx: AuthContext,
    id: string,
    input: TNewLead,
    requestId?: string,
  ): Promise<TCaptureResult> => addLead({ db, clock, cardSerials }, ctx, id, input, requestId);

  const update = async (ctx: AuthContext, id: string, input: TUpdateCustomerRequest, requestId?: string) => {
    await updateCustomerCard(db, ctx, id, input, requestId);
    return get(ctx, id);
  };

  const fleet = async (ctx: AuthContext, id: string, version: number, requestId?: string) => {
    await promoteToFleet(db, ctx, id, version, requestId);
    return get(ctx, id);
  };

  const merge = async (ctx: AuthContext, input: TMergeCustomersRequest, requestId?: string) =>
    get(ctx, await mergeCustomers(db, ctx, input, requestId));

  const formOptions = async (ctx: AuthContext): Promise<TCustomerFormOptions> => {
    const [series, owners] = await Promise.all([
      catalogOptions(db, ctx.dealerId),
      ownerOptions(db, ctx.dealerId),
    ]);
    return { series, owners };
  };

  return {
    list,
    allOfList,
    get,
    timeline,
    revealPhone,
    create,
    addInquiry,
    update,
    fleet,
    merge,
    formOptions,
  };
};

export type CustomersService = ReturnType<typeof createCustomersService>;
