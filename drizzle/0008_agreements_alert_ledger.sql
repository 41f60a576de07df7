CREATE TABLE "instrument_alert" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"instrument_id" uuid NOT NULL,
	"effective_end" date NOT NULL,
	"due_on" date NOT NULL,
	"sent_on" date NOT NULL,
	"recipients" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "instrument_alert" ADD CONSTRAINT "instrument_alert_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_alert" ADD CONSTRAINT "instrument_alert_instrument_id_instrument_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instrument"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "instrument_alert_step_uq" ON "instrument_alert" USING btree ("instrument_id","effective_end","due_on");--> statement-breakpoint
CREATE INDEX "instrument_alert_org_idx" ON "instrument_alert" USING btree ("organization_id","sent_on");--> statement-breakpoint
ALTER TABLE "instrument_alert" ALTER CONSTRAINT "instrument_alert_organization_id_organization_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "instrument_alert" ALTER CONSTRAINT "instrument_alert_instrument_id_instrument_id_fk" DEFERRABLE INITIALLY IMMEDIATE;
