CREATE TABLE "channel_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"as_of" date NOT NULL,
	"docx_sha256" text NOT NULL,
	"pdf_sha256" text NOT NULL,
	"generated_by" text,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state" text NOT NULL,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sent_on" date,
	"sent_at" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "channel_report_period_ck" CHECK ("channel_report"."period_to" >= "channel_report"."period_from")
);
--> statement-breakpoint
CREATE TABLE "channel_report_recipient" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "channel_report" ADD CONSTRAINT "channel_report_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_report_recipient" ADD CONSTRAINT "channel_report_recipient_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_report_period_uq" ON "channel_report" USING btree ("organization_id","period_from");--> statement-breakpoint
CREATE INDEX "channel_report_sent_idx" ON "channel_report" USING btree ("organization_id","sent_on");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_report_recipient_email_uq" ON "channel_report_recipient" USING btree ("organization_id",lower("email"));--> statement-breakpoint
ALTER TABLE "channel_report" ALTER CONSTRAINT "channel_report_organization_id_organization_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "channel_report_recipient" ALTER CONSTRAINT "channel_report_recipient_organization_id_organization_id_fk" DEFERRABLE INITIALLY IMMEDIATE;
