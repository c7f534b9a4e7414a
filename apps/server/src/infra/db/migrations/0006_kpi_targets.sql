CREATE TABLE "kpi_targets" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"month" text NOT NULL,
	"consultant_id" uuid,
	"metric" text NOT NULL,
	"target" numeric(12, 4) NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "kpi_targets_dealer_id_id_pk" PRIMARY KEY("dealer_id","id"),
	CONSTRAINT "kpi_targets_key" UNIQUE NULLS NOT DISTINCT("dealer_id","month","consultant_id","metric")
);
--> statement-breakpoint
ALTER TABLE "kpi_targets" ADD CONSTRAINT "kpi_targets_dealer_id_dealers_id_fk" FOREIGN KEY ("dealer_id") REFERENCES "public"."dealers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_targets" ADD CONSTRAINT "kpi_targets_dealer_id_consultant_id_users_dealer_id_id_fk" FOREIGN KEY ("dealer_id","consultant_id") REFERENCES "public"."users"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_targets_month_idx" ON "kpi_targets" USING btree ("dealer_id","month");