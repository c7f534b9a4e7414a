-- Two facts of the orders kept where the reports read them (customers/order-facts.ts keeps them from
-- here on): the customer's latest live order time, for the traffic report's "ordered" visits, and the
-- order's lead's source, for the source report. A group-year report joined 325,000 customers' orders or
-- looked up 386,000 leads for them.
ALTER TABLE "customers" ADD COLUMN "last_ordered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "lead_source_id" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_dealer_id_lead_source_id_lead_sources_dealer_id_id_fk" FOREIGN KEY ("dealer_id","lead_source_id") REFERENCES "public"."lead_sources"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Backfill: the same rules as refreshOrderFacts.
UPDATE "orders" o SET "lead_source_id" = l.source_id
FROM leads l
WHERE l.dealer_id = o.dealer_id AND l.id = o.lead_id;--> statement-breakpoint
UPDATE "customers" c SET "last_ordered_at" = x.at
FROM (
  SELECT dealer_id, customer_id, max(ordered_at) AS at FROM orders WHERE status <> 'cancelled'
  GROUP BY dealer_id, customer_id
) x
WHERE c.dealer_id = x.dealer_id AND c.id = x.customer_id;
