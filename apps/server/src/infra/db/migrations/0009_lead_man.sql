CREATE TABLE "lead_man" (
	"dealer_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"money" boolean NOT NULL,
	"authority" boolean NOT NULL,
	"need" boolean NOT NULL,
	"judged_by" uuid,
	"judged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lead_man_dealer_id_lead_id_pk" PRIMARY KEY("dealer_id","lead_id")
);
--> statement-breakpoint
ALTER TABLE "lead_man" ADD CONSTRAINT "lead_man_dealer_id_lead_id_leads_dealer_id_id_fk" FOREIGN KEY ("dealer_id","lead_id") REFERENCES "public"."leads"("dealer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_man" ADD CONSTRAINT "lead_man_dealer_id_judged_by_users_dealer_id_id_fk" FOREIGN KEY ("dealer_id","judged_by") REFERENCES "public"."users"("dealer_id","id") ON DELETE no action ON UPDATE no action;