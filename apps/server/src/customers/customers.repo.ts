import type { Role } from '@qianke/core/accounts/roles';
import type { OtherPhone } from '@qianke/core/customers/merge-profile';
import { and, desc, eq, isNull, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../infra/db/database';
import {
  catalogColours,
  catalogModels,
  catalogSeries,
  customers,
  leadMan,
  leadSources,
  leads,
  userRoles,
  users,
} from '../infra/db/schema/index';

const owner = alias(users, 'owner');

/** Leads of the customer on the current row, as a correlated subquery over `leads l`. */
const ofThisCustomer = sql.raw(`l.dealer_id = "customers"."dealer_id" and l.customer_id = "customers"."id"`);

/**
 * The status a list shows for a customer: open if any lead is open, else nurturing, else won, else lost.
 * The `status` filter uses the same expression, so what is filtered is what is shown.
 */
export const customerStatusSql = sql<'open' | 'nurturing' | 'won' | 'lost' | null>`(
  select case when bool_or(l.status = 'open') then 'open' when bool_or(l.status = 'nurturing') then 'nurturing'
    when bool_or(l.status = 'won') then 'won' when bool_or(l.status = 'lost') then 'lost' end
  from ${leads} l where ${ofThisCustomer})`;

/** Everything a list row or a card shows, with the names of its owner, source and latest series. */
export const cardColumns = {
  id: customers.id,
  dealerId: customers.dealerId,
  cardNo: customers.cardNo,
  name: customers.name,
  kind: customers.kind,
  gender: customers.gender,
  phoneE164: customers.phoneE164,
  phoneRaw: customers.phoneRaw,
  otherPhones: sql<OtherPhone[]>`${customers.otherPhones}`,
  region: customers.region,
  address: customers.address,
  occupation: customers.occupation,
  company: customers.company,
  currentCar: customers.currentCar,
  budgetMin: customers.budgetMin,
  budgetMax: customers.budgetMax,
  paymentIntent: customers.paymentIntent,
  level: customers.level,
  ownerId: customers.ownerId,
  ownerName: owner.displayName,
  sourceId: customers.sourceId,
  sourceCode: leadSources.code,
  sourceNameZh: leadSources.nameZh,
  sourceNameEn: leadSources.nameEn,
  nextContactAt: customers.nextContactAt,
  fleet: customers.fleet,
  ownerSince: customers.ownerSince,
  mergedIntoId: customers.mergedIntoId,
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
  version: customers.version,
  leadCount: sql<number>`(select count(*)::int from ${leads} l where ${ofThisCustomer})`,
  status: customerStatusSql,
  latestSeries: sql<{ id: string; name: string; nameEn: string | null } | null>`(
    select json_build_object('id', s.id, 'name', s.name, 'nameEn', s.name_en)
    from ${leads} l join ${catalogSeries} s on s.dealer_id = l.dealer_id and s.id = l.series_id
    where ${ofThisCustomer} order by l.created_at desc, l.id desc limit 1)`,
};

/**
 * The card query with the joins for names; the caller adds the filter. `sortKey` is read back as text
 * for keyset pagination (the list); a card alone leaves it out.
 */
export const selectCards = (db: Executor, sortKey: SQL = sql`null`) =>
  db
    .select({ ...cardColumns, sortKey: sql<string | null>`(${sortKey})::text` })
    .from(customers)
    .leftJoin(owner, and(eq(owner.dealerId, customers.dealerId), eq(owner.id, customers.ownerId)))
    .leftJoin(
      leadSources,
      and(eq(leadSources.dealerId, customers.dealerId), eq(leadSources.id, customers.sourceId)),
    );

export const findCard = async (db: Executor, dealerId: string, id: string) => {
  const [row] = await selectCards(db)
    .where(and(eq(customers.dealerId, dealerId), eq(customers.id, id)))
    .limit(1);
  return row;
};

export type CardRow = NonNullable<Awaited<ReturnType<typeof findCard>>>;

const leadOwner = alias(users, 'lead_owner');

export const leadsOfCustomer = async (db: Executor, dealerId: string, customerId: string) =>
  db
    .select({
      id: leads.id,
      level: leads.level,
      horizon: leads.horizon,
      status: leads.status,
      ownerId: leads.ownerId,
      ownerName: leadOwner.displayName,
      sourceId: leads.sourceId,
      sourceCode: leadSources.code,
      sourceNameZh: leadSources.nameZh,
      sourceNameEn: leadSources.nameEn,
      seriesId: catalogSeries.id,
      seriesName: catalogSeries.name,
      seriesNameEn: catalogSeries.nameEn,
      modelId: catalogModels.id,
      modelName: catalogModels.name,
      colourId: catalogColours.id,
      colourName: catalogColours.name,
      colourNameEn: catalogColours.nameEn,
      channel: leads.channel,
      campaignCode: leads.campaignCode,
      note: leads.note,
      createdAt: leads.createdAt,
      assignmentReason: leads.assignmentReason,
      manMoney: leadMan.money,
      manAuthority: leadMan.authority,
      manNeed: leadMan.need,
      version: leads.version,
    })
    .from(leads)
    .innerJoin(leadSources, and(eq(leadSources.dealerId, leads.dealerId), eq(leadSources.id, leads.sourceId)))
    .leftJoin(leadOwner, and(eq(leadOwner.dealerId, leads.dealerId), eq(leadOwner.id, leads.ownerId)))
    .leftJoin(leadMan, and(eq(leadMan.dealerId, leads.dealerId), eq(leadMan.leadId, leads.id)))
    .leftJoin(
      catalogSeries,
      and(eq(catalogSeries.dealerId, leads.dealerId), eq(catalogSeries.id, leads.seriesId)),
    )
    .leftJoin(
      catalogModels,
      and(eq(catalogModels.dealerId, leads.dealerId), eq(catalogModels.id, leads.modelId)),
    )
    .leftJoin(
      catalogColours,
      and(eq(catalogColours.dealerId, leads.dealerId), eq(catalogColours.id, leads.colourId)),
    )
    .where(and(eq(leads.dealerId, dealerId), eq(leads.customerId, customerId)))
    .orderBy(desc(leads.createdAt), desc(leads.id));

export type LeadRow = Awaited<ReturnType<typeof leadsOfCustomer>>[number];

/**
 * The customer who already has this phone, as its main number or as a further one; merged customers
 * are left out (their numbers live on the customer they were merged into).
 */
export const findPhoneHolder = async (
  db: Executor,
  dealerId: string,
  e164: string,
  exceptId?: string,
): Promise<
  { id: string; name: string; cardNo: string; ownerId: string | null; ownerName: string | null } | undefined
> => {
  const columns = {
    id: customers.id,
    name: customers.name,
    cardNo: customers.cardNo,
    ownerId: customers.ownerId,
    ownerName: owner.displayName,
  };
  const base = (match: SQL) =>
    db
      .select(columns)
      .from(customers)
      .leftJoin(owner, and(eq(owner.dealerId, customers.dealerId), eq(owner.id, customers.ownerId)))
      .where(
        and(
          eq(customers.dealerId, dealerId),
          isNull(customers.mergedIntoId),
          exceptId ? ne(customers.id, exceptId) : undefined,
          match,
        ),
      )
      .limit(1);
  // The main number first: it has a unique index; further numbers are rare and checked only if needed.
  const [main] = await base(eq(customers.phoneE164, e164));
  if (main) return main;
  const [further] = await base(sql`${customers.otherPhones} @> ${JSON.stringify([{ e164 }])}::jsonb`);
  return further;
};

export type CustomerPatch = Partial<
  Pick<
    typeof customers.$inferInsert,
    | 'name'
    | 'kind'
    | 'phoneE164'
    | 'phoneRaw'
    | 'otherPhones'
    | 'gender'
    | 'region'
    | 'address'
    | 'occupation'
    | 'company'
    | 'currentCar'
    | 'budgetMin'
    | 'budgetMax'
    | 'paymentIntent'
    | 'ownerId'
    | 'sourceId'
    | 'level'
    | 'nextContactAt'
    | 'fleet'
    | 'mergedIntoId'
  >
>;

/** Applies a patch if the row is still at `version` (when given); false when it is not. */
export const updateCustomer = async (
  db: Executor,
  dealerId: string,
  id: string,
  patch: CustomerPatch,
  expectedVersion?: number,
): Promise<boolean> => {
  const rows = await db
    .update(customers)
    .set({ ...patch, updatedAt: sql`now()`, version: sql`${customers.version} + 1` })
    .where(
      and(
        eq(customers.dealerId, dealerId),
        eq(customers.id, id),
        expectedVersion === undefined ? undefined : eq(customers.version, expectedVersion),
      ),
    )
    .returning({ id: customers.id });
  return rows.length > 0;
};

/** A node of the source tree, with whether a lead may use it (it and every node above it active). */
export const findLeadSource = async (db: Executor, dealerId: string, sourceId: string) => {
  const rows = await db.execute(sql`
    select s.id, s.code, (s.active and coalesce(p.active, true) and coalesce(g.active, true)) as selectable,
           coalesce(g.code, p.code, s.code) as channel_code
    from ${leadSources} s
    left join ${leadSources} p on p.dealer_id = s.dealer_id and p.id = s.parent_id
    left join ${leadSources} g on g.dealer_id = p.dealer_id and g.id = p.parent_id
    where s.dealer_id = ${dealerId} and s.id = ${sourceId}`);
  const [row] = (
    rows as unknown as { rows: { id: string; code: string; selectable: boolean; channel_code: string }[] }
  ).rows;
  return row
    ? { id: row.id, code: row.code, selectable: row.selectable, channelCode: row.channel_code }
    : undefined;
};

export const findSeries = async (db: Executor, dealerId: string, id: string) => {
  const [row] = await db
    .select({ id: catalogSeries.id })
    .from(catalogSeries)
    .where(and(eq(catalogSeries.dealerId, dealerId), eq(catalogSeries.id, id)));
  return row;
};

export const findModel = async (db: Executor, dealerId: string, id: string) => {
  const [row] = await db
    .select({ id: catalogModels.id, seriesId: catalogModels.seriesId })
    .from(catalogModels)
    .where(and(eq(catalogModels.dealerId, dealerId), eq(catalogModels.id, id)));
  return row;
};

export const findColour = async (db: Executor, dealerId: string, id: string) => {
  const [row] = await db
    .select({ id: catalogColours.id, seriesId: catalogColours.seriesId })
    .from(catalogColours)
    .where(and(eq(catalogColours.dealerId, dealerId), eq(catalogColours.id, id)));
  return row;
};

/** A user of the store who may be named owner: their roles, and whether the account is disabled. */
export const findStaff = async (db: Executor, dealerId: string, userId: string) => {
  const [row] = await db
    .select({
      id: users.id,
      disabled: sql<boolean>`${users.disabledAt} is not null`,
      roles: sql<
        Role[]
      >`array(select r.role from ${userRoles} r where r.dealer_id = "users"."dealer_id" and r.user_id = "users"."id")`,
    })
    .from(users)
    .where(and(eq(users.dealerId, dealerId), eq(users.id, userId)));
  return row;
};

/** Further numbers of a card just opened (no version bump: nobody has read it yet). */
export const setOtherPhones = async (
  db: Executor,
  dealerId: string,
  id: string,
  phones: readonly OtherPhone[],
) => {
  await db
    .update(customers)
    .set({ otherPhones: [...phones] })
    .where(and(eq(customers.dealerId, dealerId), eq(customers.id, id)));
};
