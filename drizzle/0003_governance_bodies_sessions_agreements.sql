CREATE TABLE "agenda_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"file_sha256" text NOT NULL,
	"filename" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"session_id" uuid,
	"agenda_item_id" uuid,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"adopted_on" date NOT NULL,
	"vote_kind" text NOT NULL,
	"historical" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_number_ck" CHECK ("agreement"."number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "agreement_vote" (
	"organization_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"vote" text NOT NULL,
	CONSTRAINT "agreement_vote_agreement_id_membership_id_pk" PRIMARY KEY("agreement_id","membership_id")
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"organization_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"role" text NOT NULL,
	"person_id" uuid,
	"institution_id" uuid,
	"head_kind" text,
	"present" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_session_id_membership_id_pk" PRIMARY KEY("session_id","membership_id")
);
--> statement-breakpoint
CREATE TABLE "body_membership" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"role" text NOT NULL,
	"person_id" uuid,
	"institution_id" uuid,
	"area_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"agreement_id" uuid,
	"agreement_reference" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "body_membership_dates_ck" CHECK ("body_membership"."ends_on" is null or "body_membership"."ends_on" >= "body_membership"."starts_on"),
	CONSTRAINT "body_membership_holder_ck" CHECK (("body_membership"."role" = 'party_representation' and "body_membership"."institution_id" is not null and "body_membership"."area_id" is null)
        or ("body_membership"."role" = 'area_invitee' and "body_membership"."area_id" is not null and "body_membership"."institution_id" is null and "body_membership"."person_id" is null)
        or ("body_membership"."role" in ('president', 'member', 'technical_secretary', 'invitee') and "body_membership"."person_id" is not null and "body_membership"."institution_id" is null and "body_membership"."area_id" is null))
);
--> statement-breakpoint
CREATE TABLE "body_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"start_time" text,
	"end_time" text,
	"modality" text NOT NULL,
	"convoked_on" date,
	"place" text,
	"minutes_text" text,
	"minutes_approved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "body_session_convoked_ck" CHECK ("body_session"."convoked_on" is null or "body_session"."convoked_on" <= "body_session"."held_on")
);
--> statement-breakpoint
CREATE TABLE "governing_body" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"acronym" text NOT NULL,
	"kind" text NOT NULL,
	"agreement_prefix" text NOT NULL,
	"created_by_agreement" text,
	"created_on" date NOT NULL,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governing_body_dates_ck" CHECK ("governing_body"."ended_on" is null or "governing_body"."ended_on" >= "governing_body"."created_on")
);
--> statement-breakpoint
CREATE TABLE "mandate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"description" text NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mandate_area" (
	"organization_id" uuid NOT NULL,
	"mandate_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	CONSTRAINT "mandate_area_mandate_id_area_id_pk" PRIMARY KEY("mandate_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "mandate_update" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"mandate_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"note" text NOT NULL,
	"entry" integer GENERATED ALWAYS AS IDENTITY (sequence name "mandate_update_entry_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agenda_document" ADD CONSTRAINT "agenda_document_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_document" ADD CONSTRAINT "agenda_document_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_document" ADD CONSTRAINT "agenda_document_file_sha256_stored_file_sha256_fk" FOREIGN KEY ("file_sha256") REFERENCES "public"."stored_file"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_session_id_body_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."body_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_body_id_governing_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governing_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_session_id_body_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."body_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_vote" ADD CONSTRAINT "agreement_vote_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_vote" ADD CONSTRAINT "agreement_vote_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_vote" ADD CONSTRAINT "agreement_vote_membership_id_body_membership_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."body_membership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_vote" ADD CONSTRAINT "agreement_vote_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_session_id_body_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."body_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_membership_id_body_membership_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."body_membership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_membership" ADD CONSTRAINT "body_membership_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_membership" ADD CONSTRAINT "body_membership_body_id_governing_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governing_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_membership" ADD CONSTRAINT "body_membership_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_membership" ADD CONSTRAINT "body_membership_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_membership" ADD CONSTRAINT "body_membership_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_membership" ADD CONSTRAINT "body_membership_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_session" ADD CONSTRAINT "body_session_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_session" ADD CONSTRAINT "body_session_body_id_governing_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governing_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_session" ADD CONSTRAINT "body_session_minutes_approved_by_agreement_id_fk" FOREIGN KEY ("minutes_approved_by") REFERENCES "public"."agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governing_body" ADD CONSTRAINT "governing_body_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandate" ADD CONSTRAINT "mandate_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandate" ADD CONSTRAINT "mandate_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandate_area" ADD CONSTRAINT "mandate_area_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandate_area" ADD CONSTRAINT "mandate_area_mandate_id_mandate_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."mandate"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandate_area" ADD CONSTRAINT "mandate_area_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandate_update" ADD CONSTRAINT "mandate_update_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandate_update" ADD CONSTRAINT "mandate_update_mandate_id_mandate_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."mandate"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_document_item_idx" ON "agenda_document" USING btree ("agenda_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_item_position_uq" ON "agenda_item" USING btree ("session_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_number_uq" ON "agreement" USING btree ("organization_id","body_id","year","number");--> statement-breakpoint
CREATE INDEX "agreement_session_idx" ON "agreement" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "body_membership_body_idx" ON "body_membership" USING btree ("organization_id","body_id");--> statement-breakpoint
CREATE INDEX "body_session_body_idx" ON "body_session" USING btree ("organization_id","body_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "governing_body_acronym_uq" ON "governing_body" USING btree ("organization_id","acronym");--> statement-breakpoint
CREATE INDEX "mandate_org_idx" ON "mandate" USING btree ("organization_id","due_on");--> statement-breakpoint
CREATE INDEX "mandate_update_mandate_idx" ON "mandate_update" USING btree ("mandate_id","occurred_on","entry");