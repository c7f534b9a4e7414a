-- Set in place instead of rebuilding the indexes (a rebuild of a large store's trigram indexes blocks
-- writes for minutes); the entries already pending are moved into the indexes at once.
ALTER INDEX "customers_name_trgm_idx" SET (fastupdate = false);--> statement-breakpoint
ALTER INDEX "customers_phone_trgm_idx" SET (fastupdate = false);--> statement-breakpoint
ALTER INDEX "customers_card_no_trgm_idx" SET (fastupdate = false);--> statement-breakpoint
ALTER INDEX "customers_other_phones_idx" SET (fastupdate = false);--> statement-breakpoint
SELECT gin_clean_pending_list(c.oid) FROM pg_class c
  WHERE c.relname IN ('customers_name_trgm_idx', 'customers_phone_trgm_idx', 'customers_card_no_trgm_idx', 'customers_other_phones_idx')
    AND c.relnamespace = current_schema()::regnamespace;
