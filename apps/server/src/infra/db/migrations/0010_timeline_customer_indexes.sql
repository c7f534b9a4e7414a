-- A customer's timeline reads follow-ups and calls by customer. IF NOT EXISTS: a large database can build
-- them beforehand with CREATE INDEX CONCURRENTLY (docs/operations.md) so the upgrade does not block writes.
CREATE INDEX IF NOT EXISTS "follow_ups_customer_idx" ON "follow_ups" USING btree ("dealer_id","customer_id","occurred_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "dcc_calls_customer_idx" ON "dcc_calls" USING btree ("dealer_id","customer_id","occurred_at");