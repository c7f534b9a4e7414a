-- The funnel's milestones on each lead (customers/lead-milestones.repo.ts keeps them from here on), so a
-- report reads one row per lead instead of every visit, test drive and order of the group.
ALTER TABLE "leads" ADD COLUMN "visited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "test_driven_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "ordered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
-- Backfill: the same rule as refreshLeadMilestones. An event counts for the lead it names, or, without a
-- lead, for each of the customer's leads created at or before it.
WITH
  visited AS (
    SELECT x.dealer_id, x.lead_id, min(x.at) AS at FROM (
      SELECT e.dealer_id, e.lead_id, e.arrived_at AS at FROM showroom_visits e WHERE e.lead_id IS NOT NULL
      UNION ALL
      SELECT l.dealer_id, l.id, e.arrived_at FROM showroom_visits e
        JOIN leads l ON l.dealer_id = e.dealer_id AND l.customer_id = e.customer_id AND e.arrived_at >= l.created_at
        WHERE e.lead_id IS NULL
    ) x GROUP BY x.dealer_id, x.lead_id),
  test_driven AS (
    SELECT x.dealer_id, x.lead_id, min(x.at) AS at FROM (
      SELECT e.dealer_id, e.lead_id, e.ends_at AS at FROM test_drives e WHERE e.status = 'done' AND e.lead_id IS NOT NULL
      UNION ALL
      SELECT l.dealer_id, l.id, e.ends_at FROM test_drives e
        JOIN leads l ON l.dealer_id = e.dealer_id AND l.customer_id = e.customer_id AND e.starts_at >= l.created_at
        WHERE e.status = 'done' AND e.lead_id IS NULL
    ) x GROUP BY x.dealer_id, x.lead_id),
  ordered AS (
    SELECT x.dealer_id, x.lead_id, min(x.at) AS at FROM (
      SELECT e.dealer_id, e.lead_id, e.ordered_at AS at FROM orders e WHERE e.status <> 'cancelled' AND e.lead_id IS NOT NULL
      UNION ALL
      SELECT l.dealer_id, l.id, e.ordered_at FROM orders e
        JOIN leads l ON l.dealer_id = e.dealer_id AND l.customer_id = e.customer_id AND e.ordered_at >= l.created_at
        WHERE e.status <> 'cancelled' AND e.lead_id IS NULL
    ) x GROUP BY x.dealer_id, x.lead_id),
  delivered AS (
    SELECT x.dealer_id, x.lead_id, min(x.at) AS at FROM (
      SELECT e.dealer_id, e.lead_id, e.delivered_at AS at FROM orders e WHERE e.status = 'delivered' AND e.lead_id IS NOT NULL
      UNION ALL
      SELECT l.dealer_id, l.id, e.delivered_at FROM orders e
        JOIN leads l ON l.dealer_id = e.dealer_id AND l.customer_id = e.customer_id AND e.ordered_at >= l.created_at
        WHERE e.status = 'delivered' AND e.lead_id IS NULL
    ) x GROUP BY x.dealer_id, x.lead_id),
  reached AS (
    SELECT coalesce(v.dealer_id, t.dealer_id, o.dealer_id, d.dealer_id) AS dealer_id,
      coalesce(v.lead_id, t.lead_id, o.lead_id, d.lead_id) AS lead_id,
      v.at AS visited_at, t.at AS test_driven_at, o.at AS ordered_at, d.at AS delivered_at
    FROM visited v
    FULL JOIN test_driven t ON t.dealer_id = v.dealer_id AND t.lead_id = v.lead_id
    FULL JOIN ordered o ON o.dealer_id = coalesce(v.dealer_id, t.dealer_id) AND o.lead_id = coalesce(v.lead_id, t.lead_id)
    FULL JOIN delivered d ON d.dealer_id = coalesce(v.dealer_id, t.dealer_id, o.dealer_id)
      AND d.lead_id = coalesce(v.lead_id, t.lead_id, o.lead_id)
  )
UPDATE "leads" l
SET "visited_at" = r.visited_at, "test_driven_at" = r.test_driven_at, "ordered_at" = r.ordered_at,
  "delivered_at" = r.delivered_at
FROM reached r
WHERE l.dealer_id = r.dealer_id AND l.id = r.lead_id;--> statement-breakpoint
-- IF NOT EXISTS: a large database can build it beforehand with CREATE INDEX CONCURRENTLY (docs/operations.md).
CREATE INDEX IF NOT EXISTS "leads_created_idx" ON "leads" USING btree ("dealer_id","created_at");
