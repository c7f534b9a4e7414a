CREATE TABLE "audit_log" (
	"dealer_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	CONSTRAINT "audit_log_dealer_id_id_pk" PRIMARY KEY("dealer_id","id")
);
--> statement-breakpoint
CREATE TABLE "dealer_groups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dealers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"group_id" uuid NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"time_zone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dealers_group_code_key" UNIQUE("group_id","code")
);
--> statement-breakpoint
CREATE TABLE "installation" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"mode" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "installation_single_row" CHECK ("installation"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"dealer_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"current_dealer_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"dealer_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "user_roles_dealer_id_user_id_role_pk" PRIMARY KEY("dealer_id","user_id","role")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"group_admin" boolean DEFAULT false NOT NULL,
	"disabled_at" timestamp with time zone,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"consultant_code" text,
	"last_login_at" timestamp with time zone,
	CONSTRAINT "users_dealer_id_id_pk" PRIMARY KEY("dealer_id","id"),
	CONSTRAINT "users_dealer_consultant_code_key" UNIQUE("dealer_id","consultant_code")
);
--> statement-breakpoint
CREATE TABLE "catalog_brands" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "catalog_brands_dealer_id_id_pk" PRIMARY KEY("dealer_id","id"),
	CONSTRAINT "catalog_brands_name_key" UNIQUE("dealer_id","name")
);
--> statement-breakpoint
CREATE TABLE "catalog_colours" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"series_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"hex" text,
	"surcharge" numeric(10, 2) DEFAULT 0 NOT NULL,
	CONSTRAINT "catalog_colours_dealer_id_id_pk" PRIMARY KEY("dealer_id","id"),
	CONSTRAINT "catalog_colours_name_key" UNIQUE("dealer_id","series_id","name")
);
--> statement-breakpoint
CREATE TABLE "catalog_configurations" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"model_id" uuid NOT NULL,
	"name" text NOT NULL,
	"guide_price" numeric(12, 2) NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "catalog_configurations_dealer_id_id_pk" PRIMARY KEY("dealer_id","id"),
	CONSTRAINT "catalog_configurations_name_key" UNIQUE("dealer_id","model_id","name")
);
--> statement-breakpoint
CREATE TABLE "catalog_models" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"series_id" uuid NOT NULL,
	"name" text NOT NULL,
	"model_year" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "catalog_models_dealer_id_id_pk" PRIMARY KEY("dealer_id","id"),
	CONSTRAINT "catalog_models_name_key" UNIQUE("dealer_id","series_id","name","model_year")
);
--> statement-breakpoint
CREATE TABLE "catalog_series" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"brand_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"body_type" text,
	"energy" text,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "catalog_series_dealer_id_id_pk" PRIMARY KEY("dealer_id","id"),
	CONSTRAINT "catalog_series_name_key" UNIQUE("dealer_id","brand_id","name")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"card_no" text NOT NULL,
	"kind" text DEFAULT 'person' NOT NULL,
	"name" text NOT NULL,
	"gender" text,
	"phone_e164" text,
	"phone_raw" text,
	"other_phones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"region" text,
	"address" text,
	"occupation" text,
	"company" text,
	"current_car" text,
	"budget_min" numeric(12, 2),
	"budget_max" numeric(12, 2),
	"payment_intent" text,
	"source_id" uuid,
	"owner_id" uuid,
	"level" text,
	"next_contact_at" timestamp with time zone,
	"fleet" boolean DEFAULT false NOT NULL,
	"owner_since" date,
	"merged_into_id" uuid,
	CONSTRAINT "customers_dealer_id_id_pk" PRIMARY KEY("dealer_id","id"),
	CONSTRAINT "customers_phone_key" UNIQUE("dealer_id","phone_e164"),
	CONSTRAINT "customers_card_no_key" UNIQUE("dealer_id","card_no")
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"lead_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"content" text NOT NULL,
	"result" text NOT NULL,
	"level_before" text,
	"level_after" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"next_contact_at" timestamp with time zone,
	CONSTRAINT "follow_ups_dealer_id_id_pk" PRIMARY KEY("dealer_id","id")
);
--> statement-breakpoint
CREATE TABLE "lead_level_changes" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"lead_id" uuid NOT NULL,
	"from_level" text,
	"to_level" text NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone NOT NULL,
	"reason" text,
	CONSTRAINT "lead_level_changes_dealer_id_id_pk" PRIMARY KEY("dealer_id","id")
);
--> statement-breakpoint
CREATE TABLE "lead_sources" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"parent_id" uuid,
	"tier" text NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "lead_sources_dealer_id_id_pk" PRIMARY KEY("dealer_id","id"),
	CONSTRAINT "lead_sources_code_key" UNIQUE("dealer_id","code")
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"customer_id" uuid NOT NULL,
	"series_id" uuid,
	"model_id" uuid,
	"colour_id" uuid,
	"source_id" uuid NOT NULL,
	"campaign_code" text,
	"channel" text NOT NULL,
	"level" text,
	"horizon" text,
	"status" text DEFAULT 'open' NOT NULL,
	"owner_id" uuid,
	"assigned_at" timestamp with time zone,
	"first_contact_due_at" timestamp with time zone,
	"first_contacted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"lost_reason" text,
	"note" text,
	"external_id" text,
	"raw_payload" jsonb,
	CONSTRAINT "leads_dealer_id_id_pk" PRIMARY KEY("dealer_id","id")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"order_no" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"lead_id" uuid,
	"consultant_id" uuid NOT NULL,
	"configuration_id" uuid,
	"colour_id" uuid,
	"vin" text,
	"price" numeric(12, 2) NOT NULL,
	"discount" numeric(12, 2) DEFAULT 0 NOT NULL,
	"deposit" numeric(12, 2) DEFAULT 0 NOT NULL,
	"payment_method" text NOT NULL,
	"status" text NOT NULL,
	"ordered_at" timestamp with time zone NOT NULL,
	"expected_delivery_on" date,
	"delivered_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	CONSTRAINT "orders_dealer_id_id_pk" PRIMARY KEY("dealer_id","id"),
	CONSTRAINT "orders_order_no_key" UNIQUE("dealer_id","order_no")
);
--> statement-breakpoint
CREATE TABLE "showroom_visits" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"kind" text DEFAULT 'visit' NOT NULL,
	"customer_id" uuid,
	"lead_id" uuid,
	"arrived_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone,
	"party_size" integer DEFAULT 1 NOT NULL,
	"first_visit" boolean NOT NULL,
	"consultant_id" uuid,
	"series_id" uuid,
	"source_id" uuid,
	"left_contact" boolean NOT NULL,
	"closed_on_spot" boolean DEFAULT false NOT NULL,
	"callback_due_at" timestamp with time zone,
	"logged_by" uuid,
	"note" text,
	CONSTRAINT "showroom_visits_dealer_id_id_pk" PRIMARY KEY("dealer_id","id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"lead_id" uuid,
	"customer_id" uuid,
	"assignee_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"follow_up_id" uuid,
	"rule_key" text,
	"title" text,
	CONSTRAINT "tasks_dealer_id_id_pk" PRIMARY KEY("dealer_id","id")
);
--> statement-breakpoint
ALTER TABLE "dealers" ADD CONSTRAINT "dealers_group_id_dealer_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."dealer_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_dealer_id_user_id_users_dealer_id_id_fk" FOREIGN KEY ("dealer_id","user_id") REFERENCES "public"."users"("dealer_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_dealer_id_user_id_users_dealer_id_id_fk" FOREIGN KEY ("dealer_id","user_id") REFERENCES "public"."users"("dealer_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_dealer_id_dealers_id_fk" FOREIGN KEY ("dealer_id") REFERENCES "public"."dealers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_brands" ADD CONSTRAINT "catalog_brands_dealer_id_dealers_id_fk" FOREIGN KEY ("dealer_id") REFERENCES "public"."dealers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_colours" ADD CONSTRAINT "catalog_colours_dealer_id_series_id_catalog_series_dealer_id_id_fk" FOREIGN KEY ("dealer_id","series_id") REFERENCES "public"."catalog_series"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_configurations" ADD CONSTRAINT "catalog_configurations_dealer_id_model_id_catalog_models_dealer_id_id_fk" FOREIGN KEY ("dealer_id","model_id") REFERENCES "public"."catalog_models"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_models" ADD CONSTRAINT "catalog_models_dealer_id_series_id_catalog_series_dealer_id_id_fk" FOREIGN KEY ("dealer_id","series_id") REFERENCES "public"."catalog_series"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_series" ADD CONSTRAINT "catalog_series_dealer_id_brand_id_catalog_brands_dealer_id_id_fk" FOREIGN KEY ("dealer_id","brand_id") REFERENCES "public"."catalog_brands"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_dealer_id_dealers_id_fk" FOREIGN KEY ("dealer_id") REFERENCES "public"."dealers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_dealer_id_owner_id_users_dealer_id_id_fk" FOREIGN KEY ("dealer_id","owner_id") REFERENCES "public"."users"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_dealer_id_source_id_lead_sources_dealer_id_id_fk" FOREIGN KEY ("dealer_id","source_id") REFERENCES "public"."lead_sources"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_dealer_id_lead_id_leads_dealer_id_id_fk" FOREIGN KEY ("dealer_id","lead_id") REFERENCES "public"."leads"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_dealer_id_user_id_users_dealer_id_id_fk" FOREIGN KEY ("dealer_id","user_id") REFERENCES "public"."users"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_level_changes" ADD CONSTRAINT "lead_level_changes_dealer_id_lead_id_leads_dealer_id_id_fk" FOREIGN KEY ("dealer_id","lead_id") REFERENCES "public"."leads"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_sources" ADD CONSTRAINT "lead_sources_dealer_id_dealers_id_fk" FOREIGN KEY ("dealer_id") REFERENCES "public"."dealers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_sources" ADD CONSTRAINT "lead_sources_dealer_id_parent_id_lead_sources_dealer_id_id_fk" FOREIGN KEY ("dealer_id","parent_id") REFERENCES "public"."lead_sources"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_dealer_id_customer_id_customers_dealer_id_id_fk" FOREIGN KEY ("dealer_id","customer_id") REFERENCES "public"."customers"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_dealer_id_owner_id_users_dealer_id_id_fk" FOREIGN KEY ("dealer_id","owner_id") REFERENCES "public"."users"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_dealer_id_source_id_lead_sources_dealer_id_id_fk" FOREIGN KEY ("dealer_id","source_id") REFERENCES "public"."lead_sources"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_dealer_id_customer_id_customers_dealer_id_id_fk" FOREIGN KEY ("dealer_id","customer_id") REFERENCES "public"."customers"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_dealer_id_consultant_id_users_dealer_id_id_fk" FOREIGN KEY ("dealer_id","consultant_id") REFERENCES "public"."users"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "showroom_visits" ADD CONSTRAINT "showroom_visits_dealer_id_customer_id_customers_dealer_id_id_fk" FOREIGN KEY ("dealer_id","customer_id") REFERENCES "public"."customers"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "showroom_visits" ADD CONSTRAINT "showroom_visits_dealer_id_consultant_id_users_dealer_id_id_fk" FOREIGN KEY ("dealer_id","consultant_id") REFERENCES "public"."users"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_dealer_id_assignee_id_users_dealer_id_id_fk" FOREIGN KEY ("dealer_id","assignee_id") REFERENCES "public"."users"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_dealer_id_lead_id_leads_dealer_id_id_fk" FOREIGN KEY ("dealer_id","lead_id") REFERENCES "public"."leads"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("dealer_id","entity","entity_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("dealer_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key" ON "users" USING btree ("username");--> statement-breakpoint
CREATE INDEX "customers_owner_idx" ON "customers" USING btree ("dealer_id","owner_id");--> statement-breakpoint
CREATE INDEX "follow_ups_lead_idx" ON "follow_ups" USING btree ("dealer_id","lead_id","occurred_at");--> statement-breakpoint
CREATE INDEX "lead_level_changes_lead_idx" ON "lead_level_changes" USING btree ("dealer_id","lead_id");--> statement-breakpoint
CREATE INDEX "leads_customer_idx" ON "leads" USING btree ("dealer_id","customer_id");--> statement-breakpoint
CREATE INDEX "leads_owner_status_idx" ON "leads" USING btree ("dealer_id","owner_id","status");--> statement-breakpoint
CREATE INDEX "orders_customer_idx" ON "orders" USING btree ("dealer_id","customer_id");--> statement-breakpoint
CREATE INDEX "showroom_visits_arrived_idx" ON "showroom_visits" USING btree ("dealer_id","arrived_at");--> statement-breakpoint
CREATE INDEX "tasks_assignee_due_idx" ON "tasks" USING btree ("dealer_id","assignee_id","status","due_at");