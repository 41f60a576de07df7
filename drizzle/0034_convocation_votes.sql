CREATE TABLE "agreement_opinion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_sha256" text NOT NULL,
	"filename" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "convocation_recipient" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role_label" text NOT NULL,
	"voting" boolean NOT NULL,
	"email" text,
	"received_at" timestamp with time zone,
	"response" text,
	"responded_at" timestamp with time zone,
	"responded_by" text,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"ordinary_notice_hours" integer DEFAULT 72 NOT NULL,
	"extraordinary_notice_hours" integer DEFAULT 24 NOT NULL,
	"urgent_notice_hours" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_settings_hours_ck" CHECK ("governance_settings"."ordinary_notice_hours" between 0 and 720 and "governance_settings"."extraordinary_notice_hours" between 0 and 720 and "governance_settings"."urgent_notice_hours" between 0 and 720)
);
--> statement-breakpoint
CREATE TABLE "session_convocation" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"last_sent_at" timestamp with time zone NOT NULL,
	"required_hours" integer NOT NULL,
	"given_hours" integer NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"message" text
);
--> statement-breakpoint
ALTER TABLE "agreement_opinion" ADD CONSTRAINT "agreement_opinion_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_opinion" ADD CONSTRAINT "agreement_opinion_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_opinion" ADD CONSTRAINT "agreement_opinion_membership_id_body_membership_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."body_membership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_opinion" ADD CONSTRAINT "agreement_opinion_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_opinion" ADD CONSTRAINT "agreement_opinion_file_sha256_stored_file_sha256_fk" FOREIGN KEY ("file_sha256") REFERENCES "public"."stored_file"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "convocation_recipient" ADD CONSTRAINT "convocation_recipient_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "convocation_recipient" ADD CONSTRAINT "convocation_recipient_session_id_session_convocation_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."session_convocation"("session_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "convocation_recipient" ADD CONSTRAINT "convocation_recipient_membership_id_body_membership_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."body_membership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_settings" ADD CONSTRAINT "governance_settings_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_convocation" ADD CONSTRAINT "session_convocation_session_id_body_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."body_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_convocation" ADD CONSTRAINT "session_convocation_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_opinion_agreement_idx" ON "agreement_opinion" USING btree ("agreement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "convocation_recipient_uq" ON "convocation_recipient" USING btree ("session_id","membership_id");