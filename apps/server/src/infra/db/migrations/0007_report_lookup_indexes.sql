CREATE INDEX "showroom_visits_lead_idx" ON "showroom_visits" USING btree ("dealer_id","lead_id");--> statement-breakpoint
CREATE INDEX "showroom_visits_customer_idx" ON "showroom_visits" USING btree ("dealer_id","customer_id");--> statement-breakpoint
CREATE INDEX "orders_lead_idx" ON "orders" USING btree ("dealer_id","lead_id");--> statement-breakpoint
CREATE INDEX "test_drives_lead_idx" ON "test_drives" USING btree ("dealer_id","lead_id");