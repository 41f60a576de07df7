CREATE TABLE "outreach_arco_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"contact_id" uuid,
	"kind" text NOT NULL,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"extended_on" date,
	"extension_reason" text,
	"status" text NOT NULL,
	"description" text,
	"resolved_on" date,
	"resolution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_campaign" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"channels" text[] NOT NULL,
	"month" text NOT NULL,
	"sent_on" date,
	"objective_id" uuid,
	"segment_tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"subject" text,
	"text_template" text,
	"html_template" text,
	"from_label" text,
	"scheduled_at" timestamp with time zone,
	"rate_per_second" integer DEFAULT 20 NOT NULL,
	"track_opens" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_campaign_base" (
	"organization_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"base_id" uuid NOT NULL,
	CONSTRAINT "outreach_campaign_base_campaign_id_base_id_pk" PRIMARY KEY("campaign_id","base_id")
);
--> statement-breakpoint
CREATE TABLE "outreach_consent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"base_id" uuid,
	"purpose" text NOT NULL,
	"given_on" date NOT NULL,
	"source" text NOT NULL,
	"privacy_notice_version" text NOT NULL,
	"evidence" text,
	"withdrawn_on" date,
	"withdrawal_source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_contact" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"full_name" text,
	"name_key" text,
	"email" text,
	"email_key" text,
	"phone" text,
	"phone_key" text,
	"country" text,
	"city" text,
	"affiliation" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text,
	"audit_salt" text,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_base" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_membership" (
	"organization_id" uuid NOT NULL,
	"base_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outreach_membership_base_id_contact_id_pk" PRIMARY KEY("base_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "outreach_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"email" text,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "outreach_manual_contact" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"outcome" text NOT NULL,
	"contacted_on" date NOT NULL,
	"notes" text,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_opt_out" (
	"organization_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"source" text NOT NULL,
	"opted_out_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outreach_opt_out_contact_id_channel_pk" PRIMARY KEY("contact_id","channel")
);
--> statement-breakpoint
ALTER TABLE "outreach_arco_request" ADD CONSTRAINT "outreach_arco_request_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_arco_request" ADD CONSTRAINT "outreach_arco_request_contact_id_outreach_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."outreach_contact"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_campaign" ADD CONSTRAINT "outreach_campaign_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_campaign" ADD CONSTRAINT "outreach_campaign_objective_id_program_objective_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."program_objective"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_campaign_base" ADD CONSTRAINT "outreach_campaign_base_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_campaign_base" ADD CONSTRAINT "outreach_campaign_base_campaign_id_outreach_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."outreach_campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_campaign_base" ADD CONSTRAINT "outreach_campaign_base_base_id_outreach_base_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."outreach_base"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_consent" ADD CONSTRAINT "outreach_consent_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_consent" ADD CONSTRAINT "outreach_consent_contact_id_outreach_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."outreach_contact"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_consent" ADD CONSTRAINT "outreach_consent_base_id_outreach_base_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."outreach_base"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_contact" ADD CONSTRAINT "outreach_contact_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_base" ADD CONSTRAINT "outreach_base_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_membership" ADD CONSTRAINT "outreach_membership_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_membership" ADD CONSTRAINT "outreach_membership_base_id_outreach_base_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."outreach_base"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_membership" ADD CONSTRAINT "outreach_membership_contact_id_outreach_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."outreach_contact"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_ledger" ADD CONSTRAINT "outreach_ledger_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_ledger" ADD CONSTRAINT "outreach_ledger_campaign_id_outreach_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."outreach_campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_ledger" ADD CONSTRAINT "outreach_ledger_contact_id_outreach_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."outreach_contact"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_manual_contact" ADD CONSTRAINT "outreach_manual_contact_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_manual_contact" ADD CONSTRAINT "outreach_manual_contact_campaign_id_outreach_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."outreach_campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_manual_contact" ADD CONSTRAINT "outreach_manual_contact_contact_id_outreach_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."outreach_contact"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_opt_out" ADD CONSTRAINT "outreach_opt_out_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_opt_out" ADD CONSTRAINT "outreach_opt_out_contact_id_outreach_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."outreach_contact"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_arco_number_uq" ON "outreach_arco_request" USING btree ("organization_id","year","number");--> statement-breakpoint
CREATE INDEX "outreach_arco_contact_idx" ON "outreach_arco_request" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "outreach_campaign_org_month_idx" ON "outreach_campaign" USING btree ("organization_id","month");--> statement-breakpoint
CREATE INDEX "outreach_consent_contact_idx" ON "outreach_consent" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "outreach_contact_org_idx" ON "outreach_contact" USING btree ("organization_id","name_key");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_contact_email_uq" ON "outreach_contact" USING btree ("organization_id","email_key") WHERE "outreach_contact"."email_key" is not null;--> statement-breakpoint
CREATE INDEX "outreach_contact_phone_idx" ON "outreach_contact" USING btree ("organization_id","phone_key");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_base_name_uq" ON "outreach_base" USING btree ("organization_id",lower("name"));--> statement-breakpoint
CREATE INDEX "outreach_membership_contact_idx" ON "outreach_membership" USING btree ("contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_ledger_campaign_contact_uq" ON "outreach_ledger" USING btree ("campaign_id","contact_id");--> statement-breakpoint
CREATE INDEX "outreach_ledger_claim_idx" ON "outreach_ledger" USING btree ("campaign_id","status","id");--> statement-breakpoint
CREATE INDEX "outreach_manual_campaign_idx" ON "outreach_manual_contact" USING btree ("campaign_id","contact_id");--> statement-breakpoint
-- Foreign keys deferrable, as every other (see 0006).
DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT c.conname, t.relname
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE c.contype = 'f' AND n.nspname = 'public' AND NOT c.condeferrable
  LOOP
    EXECUTE format('ALTER TABLE %I ALTER CONSTRAINT %I DEFERRABLE INITIALLY IMMEDIATE', r.relname, r.conname);
  END LOOP;
END $$;
