CREATE TABLE "dcc_calls" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"direction" text NOT NULL,
	"agent_id" uuid NOT NULL,
	"customer_id" uuid,
	"lead_id" uuid,
	"phone_e164" text,
	"phone_raw" text,
	"list" text,
	"outcome" text NOT NULL,
	"note" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"next_call_at" timestamp with time zone,
	"invitation_id" uuid,
	CONSTRAINT "dcc_calls_dealer_id_id_pk" PRIMARY KEY("dealer_id","id")
);
--> statement-breakpoint
CREATE TABLE "demo_cars" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"configuration_id" uuid NOT NULL,
	"colour_id" uuid,
	"vin" text,
	"plate_no" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"note" text,
	CONSTRAINT "demo_cars_dealer_id_id_pk" PRIMARY KEY("dealer_id","id"),
	CONSTRAINT "demo_cars_plate_no_key" UNIQUE("dealer_id","plate_no")
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"customer_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"invited_by" uuid NOT NULL,
	"consultant_id" uuid,
	"scheduled_at" timestamp with time zone NOT NULL,
	"purpose" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"arrived_at" timestamp with time zone,
	"visit_id" uuid,
	"previous_id" uuid,
	"returned_at" timestamp with time zone,
	"note" text,
	CONSTRAINT "invitations_dealer_id_id_pk" PRIMARY KEY("dealer_id","id")
);
--> statement-breakpoint
CREATE TABLE "stock_vehicles" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"vin" text NOT NULL,
	"configuration_id" uuid NOT NULL,
	"colour_id" uuid,
	"status" text DEFAULT 'in_stock' NOT NULL,
	"arrived_on" date,
	"note" text,
	CONSTRAINT "stock_vehicles_dealer_id_id_pk" PRIMARY KEY("dealer_id","id"),
	CONSTRAINT "stock_vehicles_vin_key" UNIQUE("dealer_id","vin")
);
--> statement-breakpoint
CREATE TABLE "test_drives" (
	"dealer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"customer_id" uuid NOT NULL,
	"lead_id" uuid,
	"demo_car_id" uuid NOT NULL,
	"consultant_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"licence_no" text,
	"licence_checked_at" timestamp with time zone,
	"licence_checked_by" uuid,
	"route" text,
	"feedback" text,
	"rating" integer,
	"follow_up_id" uuid,
	"cancel_reason" text,
	"created_by" uuid,
	CONSTRAINT "test_drives_dealer_id_id_pk" PRIMARY KEY("dealer_id","id")
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "stock_vehicle_id" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "deposit_paid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "loan_status" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "loan_bank" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "trade_in" jsonb;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "plate_no" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "licensed_on" date;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "dcc_calls" ADD CONSTRAINT "dcc_calls_dealer_id_agent_id_users_dealer_id_id_fk" FOREIGN KEY ("dealer_id","agent_id") REFERENCES "public"."users"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dcc_calls" ADD CONSTRAINT "dcc_calls_dealer_id_customer_id_customers_dealer_id_id_fk" FOREIGN KEY ("dealer_id","customer_id") REFERENCES "public"."customers"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dcc_calls" ADD CONSTRAINT "dcc_calls_dealer_id_lead_id_leads_dealer_id_id_fk" FOREIGN KEY ("dealer_id","lead_id") REFERENCES "public"."leads"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demo_cars" ADD CONSTRAINT "demo_cars_dealer_id_dealers_id_fk" FOREIGN KEY ("dealer_id") REFERENCES "public"."dealers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demo_cars" ADD CONSTRAINT "demo_cars_dealer_id_configuration_id_catalog_configurations_dealer_id_id_fk" FOREIGN KEY ("dealer_id","configuration_id") REFERENCES "public"."catalog_configurations"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demo_cars" ADD CONSTRAINT "demo_cars_dealer_id_colour_id_catalog_colours_dealer_id_id_fk" FOREIGN KEY ("dealer_id","colour_id") REFERENCES "public"."catalog_colours"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_dealer_id_customer_id_customers_dealer_id_id_fk" FOREIGN KEY ("dealer_id","customer_id") REFERENCES "public"."customers"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_dealer_id_lead_id_leads_dealer_id_id_fk" FOREIGN KEY ("dealer_id","lead_id") REFERENCES "public"."leads"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_dealer_id_invited_by_users_dealer_id_id_fk" FOREIGN KEY ("dealer_id","invited_by") REFERENCES "public"."users"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_dealer_id_consultant_id_users_dealer_id_id_fk" FOREIGN KEY ("dealer_id","consultant_id") REFERENCES "public"."users"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_dealer_id_visit_id_showroom_visits_dealer_id_id_fk" FOREIGN KEY ("dealer_id","visit_id") REFERENCES "public"."showroom_visits"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_vehicles" ADD CONSTRAINT "stock_vehicles_dealer_id_dealers_id_fk" FOREIGN KEY ("dealer_id") REFERENCES "public"."dealers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_vehicles" ADD CONSTRAINT "stock_vehicles_dealer_id_configuration_id_catalog_configurations_dealer_id_id_fk" FOREIGN KEY ("dealer_id","configuration_id") REFERENCES "public"."catalog_configurations"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_vehicles" ADD CONSTRAINT "stock_vehicles_dealer_id_colour_id_catalog_colours_dealer_id_id_fk" FOREIGN KEY ("dealer_id","colour_id") REFERENCES "public"."catalog_colours"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_drives" ADD CONSTRAINT "test_drives_dealer_id_customer_id_customers_dealer_id_id_fk" FOREIGN KEY ("dealer_id","customer_id") REFERENCES "public"."customers"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_drives" ADD CONSTRAINT "test_drives_dealer_id_lead_id_leads_dealer_id_id_fk" FOREIGN KEY ("dealer_id","lead_id") REFERENCES "public"."leads"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_drives" ADD CONSTRAINT "test_drives_dealer_id_demo_car_id_demo_cars_dealer_id_id_fk" FOREIGN KEY ("dealer_id","demo_car_id") REFERENCES "public"."demo_cars"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_drives" ADD CONSTRAINT "test_drives_dealer_id_consultant_id_users_dealer_id_id_fk" FOREIGN KEY ("dealer_id","consultant_id") REFERENCES "public"."users"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dcc_calls_agent_idx" ON "dcc_calls" USING btree ("dealer_id","agent_id","occurred_at");--> statement-breakpoint
CREATE INDEX "dcc_calls_lead_idx" ON "dcc_calls" USING btree ("dealer_id","lead_id","occurred_at");--> statement-breakpoint
CREATE INDEX "invitations_customer_idx" ON "invitations" USING btree ("dealer_id","customer_id","status");--> statement-breakpoint
CREATE INDEX "invitations_scheduled_idx" ON "invitations" USING btree ("dealer_id","status","scheduled_at");--> statement-breakpoint
CREATE INDEX "invitations_inviter_idx" ON "invitations" USING btree ("dealer_id","invited_by","created_at");--> statement-breakpoint
CREATE INDEX "stock_vehicles_status_idx" ON "stock_vehicles" USING btree ("dealer_id","status");--> statement-breakpoint
CREATE INDEX "test_drives_car_idx" ON "test_drives" USING btree ("dealer_id","demo_car_id","starts_at");--> statement-breakpoint
CREATE INDEX "test_drives_customer_idx" ON "test_drives" USING btree ("dealer_id","customer_id");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_dealer_id_stock_vehicle_id_stock_vehicles_dealer_id_id_fk" FOREIGN KEY ("dealer_id","stock_vehicle_id") REFERENCES "public"."stock_vehicles"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_status_idx" ON "orders" USING btree ("dealer_id","status","ordered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_one_live_per_vehicle_key" ON "orders" USING btree ("dealer_id","stock_vehicle_id") WHERE "orders"."status" <> 'cancelled' and "orders"."stock_vehicle_id" is not null;