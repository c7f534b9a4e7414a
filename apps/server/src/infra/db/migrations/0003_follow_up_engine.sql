CREATE TABLE "assignment_rules" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"match" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"pool_user_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"open_lead_cap" integer,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "assignment_rules_dealer_id_id_pk" PRIMARY KEY("dealer_id","id")
);
--> statement-breakpoint
CREATE TABLE "cadence_rule_sets" (
	"dealer_id" uuid NOT NULL,
	"preset" text NOT NULL,
	"rules" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "cadence_rule_sets_dealer_id_pk" PRIMARY KEY("dealer_id")
);
--> statement-breakpoint
CREATE TABLE "defeat_reasons" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"needs_competitor" boolean DEFAULT false NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "defeat_reasons_dealer_id_id_pk" PRIMARY KEY("dealer_id","id"),
	CONSTRAINT "defeat_reasons_code_key" UNIQUE("dealer_id","code")
);
--> statement-breakpoint
CREATE TABLE "defeat_requests" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"lead_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"reason_id" uuid NOT NULL,
	"competitor_brand" text,
	"competitor_model" text,
	"note" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"outcome" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"manager_note" text,
	CONSTRAINT "defeat_requests_dealer_id_id_pk" PRIMARY KEY("dealer_id","id")
);
--> statement-breakpoint
CREATE TABLE "follow_up_comments" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"follow_up_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	CONSTRAINT "follow_up_comments_dealer_id_id_pk" PRIMARY KEY("dealer_id","id")
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"dealer_id" uuid NOT NULL,
	"date" date NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	CONSTRAINT "holidays_dealer_id_date_pk" PRIMARY KEY("dealer_id","date")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_key" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_dealer_id_id_pk" PRIMARY KEY("dealer_id","id"),
	CONSTRAINT "notifications_subject_key" UNIQUE("dealer_id","user_id","kind","subject_key")
);
--> statement-breakpoint
ALTER TABLE "dealers" ADD COLUMN "opens_at" text DEFAULT '09:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "dealers" ADD COLUMN "closes_at" text DEFAULT '18:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "dealers" ADD COLUMN "unassigned_alert_minutes" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "on_duty" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "assignment_reason" jsonb;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "custom" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "assignment_rules" ADD CONSTRAINT "assignment_rules_dealer_id_dealers_id_fk" FOREIGN KEY ("dealer_id") REFERENCES "public"."dealers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadence_rule_sets" ADD CONSTRAINT "cadence_rule_sets_dealer_id_dealers_id_fk" FOREIGN KEY ("dealer_id") REFERENCES "public"."dealers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defeat_reasons" ADD CONSTRAINT "defeat_reasons_dealer_id_dealers_id_fk" FOREIGN KEY ("dealer_id") REFERENCES "public"."dealers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defeat_requests" ADD CONSTRAINT "defeat_requests_dealer_id_lead_id_leads_dealer_id_id_fk" FOREIGN KEY ("dealer_id","lead_id") REFERENCES "public"."leads"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defeat_requests" ADD CONSTRAINT "defeat_requests_dealer_id_requested_by_users_dealer_id_id_fk" FOREIGN KEY ("dealer_id","requested_by") REFERENCES "public"."users"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defeat_requests" ADD CONSTRAINT "defeat_requests_dealer_id_reason_id_defeat_reasons_dealer_id_id_fk" FOREIGN KEY ("dealer_id","reason_id") REFERENCES "public"."defeat_reasons"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_comments" ADD CONSTRAINT "follow_up_comments_dealer_id_follow_up_id_follow_ups_dealer_id_id_fk" FOREIGN KEY ("dealer_id","follow_up_id") REFERENCES "public"."follow_ups"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_comments" ADD CONSTRAINT "follow_up_comments_dealer_id_author_id_users_dealer_id_id_fk" FOREIGN KEY ("dealer_id","author_id") REFERENCES "public"."users"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holidays" ADD CONSTRAINT "holidays_dealer_id_dealers_id_fk" FOREIGN KEY ("dealer_id") REFERENCES "public"."dealers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_dealer_id_user_id_users_dealer_id_id_fk" FOREIGN KEY ("dealer_id","user_id") REFERENCES "public"."users"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "defeat_requests_status_idx" ON "defeat_requests" USING btree ("dealer_id","status","created_at");--> statement-breakpoint
CREATE INDEX "follow_up_comments_follow_up_idx" ON "follow_up_comments" USING btree ("dealer_id","follow_up_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("dealer_id","user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_one_open_rule_task_key" ON "tasks" USING btree ("dealer_id","lead_id") WHERE "tasks"."status" = 'open' and "tasks"."custom" = false;