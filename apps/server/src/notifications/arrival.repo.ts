import { sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';

export type ArrivalFacts = {
  ownerId: string;
  loggedBy: string | null;
  customerId: string;
  customerName: string;
  cardNo: string;
  leadId: string | null;
  arrivedAt: Date;
  consultantName: string | null;
};

type ArrivalRow = {
  owner_id: string;
  logged_by: string | null;
  customer_id: string;
  customer_name: string;
  card_no: string;
  lead_id: string | null;
  arrived_at: string | Date;
  consultant_name: string | null;
};

/** A showroom visit (not a phone-in) of a customer who has an active owner; undefined otherwise. */
export const findArrival = async (
  db: Executor,
  dealerId: string,
  visitId: string,
): Promise<ArrivalFacts | undefined> => {
  const result = await db.execute(sql`
    select c.owner_id, v.logged_by, c.id as customer_id, c.name as customer_name, c.card_no, v.lead_id,
           v.arrived_at, k.display_name as consultant_name
      from showroom_visits v
      join customers c on c.dealer_id = v.dealer_id and c.id = v.customer_id
      join users o on o.dealer_id = c.dealer_id and o.id = c.owner_id and o.disabled_at is null
      left join users k on k.dealer_id = v.dealer_id and k.id = v.consultant_id
     where v.dealer_id = ${dealerId}::uuid and v.id = ${visitId}::uuid and v.kind = 'visit'`);
  const [row] = (result as unknown as { rows: ArrivalRow[] }).rows;
  if (!row) return undefined;
  return {
    ownerId: row.owner_id,
    loggedBy: row.logged_by,
    customerId: row.customer_id,
    customerName: row.customer_name,
    cardNo: row.card_no,
    leadId: row.lead_id,
    arrivedAt: new Date(row.arrived_at),
    consultantName: row.consultant_name,
  };
};
