CREATE TABLE "activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"objective_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"purpose" text,
	"date_mode" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"modality" text,
	"tool" text,
	"place" text,
	"notes" text,
	"route" text[] DEFAULT '{}'::text[] NOT NULL,
	"partners" text[] DEFAULT '{}'::text[] NOT NULL,
	"inviting_institution_id" uuid,
	"country" text,
	"election" text,
	"agreement_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_dates_ck" CHECK ("activity"."ends_on" >= "activity"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "activity_agenda_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"day" date NOT NULL,
	"start_time" text,
	"title" text NOT NULL,
	"place" text,
	"city" text,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_day" (
	"organization_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"day" date NOT NULL,
	CONSTRAINT "activity_day_activity_id_day_pk" PRIMARY KEY("activity_id","day")
);
--> statement-breakpoint
CREATE TABLE "activity_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_institution" (
	"organization_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "activity_institution_activity_id_institution_id_pk" PRIMARY KEY("activity_id","institution_id")
);
--> statement-breakpoint
CREATE TABLE "activity_kind" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_kind_code_ck" CHECK ("activity_kind"."code" ~ '^[a-z][a-z0-9_]{1,39}$')
);
--> statement-breakpoint
CREATE TABLE "activity_participant" (
	"organization_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "activity_participant_activity_id_person_id_pk" PRIMARY KEY("activity_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "objective_reason" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"objective_id" uuid,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objective_reason_period_ck" CHECK ("objective_reason"."period_end" >= "objective_reason"."period_start")
);
--> statement-breakpoint
CREATE TABLE "plan_review" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"objective_id" uuid,
	"system" text NOT NULL,
	"reviewed_on" date NOT NULL,
	"changes" text NOT NULL,
	"informed_to" text,
	"entry" integer GENERATED ALWAYS AS IDENTITY (sequence name "plan_review_entry_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"record_sources" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_line_number_ck" CHECK ("program_line"."number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "program_objective" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"record_sources" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_objective_key_ck" CHECK ("program_objective"."key" ~ '^[A-Z]{1,2}$')
);
--> statement-breakpoint
CREATE TABLE "program_target" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"objective_id" uuid,
	"description" text NOT NULL,
	"minimum_count" integer NOT NULL,
	"unit" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"source" text NOT NULL,
	"activity_kind" text,
	"series_id" uuid,
	"external_source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_target_min_ck" CHECK ("program_target"."minimum_count" >= 1),
	CONSTRAINT "program_target_period_ck" CHECK ("program_target"."period_end" >= "program_target"."period_start")
);
--> statement-breakpoint
CREATE TABLE "publication_issue" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"published_on" date NOT NULL,
	"title" text NOT NULL,
	"number" integer,
	"distribution" text,
	"file_sha256" text,
	"filename" text,
	"media_type" text,
	"size" integer,
	"entry" integer GENERATED ALWAYS AS IDENTITY (sequence name "publication_issue_entry_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publication_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"objective_id" uuid,
	"name" text NOT NULL,
	"cadence" text NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"audience" text,
	"distribution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publication_series_dates_ck" CHECK ("publication_series"."ends_on" is null or "publication_series"."starts_on" is null or "publication_series"."ends_on" >= "publication_series"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "work_program" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"approved_by_agreement_id" uuid,
	"approved_by_text" text,
	"approved_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_program_year_ck" CHECK ("work_program"."year" between 2000 and 2100)
);
--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_line_id_program_line_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."program_line"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_objective_id_program_objective_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."program_objective"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_inviting_institution_id_institution_id_fk" FOREIGN KEY ("inviting_institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_agenda_item" ADD CONSTRAINT "activity_agenda_item_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_agenda_item" ADD CONSTRAINT "activity_agenda_item_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_day" ADD CONSTRAINT "activity_day_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_day" ADD CONSTRAINT "activity_day_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_file" ADD CONSTRAINT "activity_file_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_file" ADD CONSTRAINT "activity_file_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_file" ADD CONSTRAINT "activity_file_sha256_stored_file_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."stored_file"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_institution" ADD CONSTRAINT "activity_institution_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_institution" ADD CONSTRAINT "activity_institution_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_institution" ADD CONSTRAINT "activity_institution_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_kind" ADD CONSTRAINT "activity_kind_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_participant" ADD CONSTRAINT "activity_participant_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_participant" ADD CONSTRAINT "activity_participant_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_participant" ADD CONSTRAINT "activity_participant_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_reason" ADD CONSTRAINT "objective_reason_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_reason" ADD CONSTRAINT "objective_reason_line_id_program_line_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."program_line"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_reason" ADD CONSTRAINT "objective_reason_objective_id_program_objective_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."program_objective"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_review" ADD CONSTRAINT "plan_review_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_review" ADD CONSTRAINT "plan_review_line_id_program_line_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."program_line"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_review" ADD CONSTRAINT "plan_review_objective_id_program_objective_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."program_objective"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_line" ADD CONSTRAINT "program_line_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_line" ADD CONSTRAINT "program_line_program_id_work_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."work_program"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_objective" ADD CONSTRAINT "program_objective_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_objective" ADD CONSTRAINT "program_objective_line_id_program_line_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."program_line"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_target" ADD CONSTRAINT "program_target_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_target" ADD CONSTRAINT "program_target_line_id_program_line_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."program_line"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_target" ADD CONSTRAINT "program_target_objective_id_program_objective_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."program_objective"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_target" ADD CONSTRAINT "program_target_series_id_publication_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."publication_series"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_issue" ADD CONSTRAINT "publication_issue_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_issue" ADD CONSTRAINT "publication_issue_series_id_publication_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."publication_series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_issue" ADD CONSTRAINT "publication_issue_file_sha256_stored_file_sha256_fk" FOREIGN KEY ("file_sha256") REFERENCES "public"."stored_file"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_series" ADD CONSTRAINT "publication_series_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_series" ADD CONSTRAINT "publication_series_line_id_program_line_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."program_line"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_series" ADD CONSTRAINT "publication_series_objective_id_program_objective_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."program_objective"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_program" ADD CONSTRAINT "work_program_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_program" ADD CONSTRAINT "work_program_approved_by_agreement_id_agreement_id_fk" FOREIGN KEY ("approved_by_agreement_id") REFERENCES "public"."agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_org_dates_idx" ON "activity" USING btree ("organization_id","starts_on");--> statement-breakpoint
CREATE INDEX "activity_objective_idx" ON "activity" USING btree ("objective_id");--> statement-breakpoint
CREATE INDEX "activity_line_idx" ON "activity" USING btree ("line_id");--> statement-breakpoint
CREATE INDEX "activity_agenda_idx" ON "activity_agenda_item" USING btree ("activity_id","day");--> statement-breakpoint
CREATE INDEX "activity_day_idx" ON "activity_day" USING btree ("organization_id","day");--> statement-breakpoint
CREATE INDEX "activity_file_idx" ON "activity_file" USING btree ("activity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_kind_code_uq" ON "activity_kind" USING btree ("organization_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "objective_reason_uq" ON "objective_reason" USING btree ("line_id","objective_id","period_start","period_end") WHERE "objective_reason"."objective_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "objective_reason_line_uq" ON "objective_reason" USING btree ("line_id","period_start","period_end") WHERE "objective_reason"."objective_id" is null;--> statement-breakpoint
CREATE INDEX "plan_review_org_idx" ON "plan_review" USING btree ("organization_id","reviewed_on","entry");--> statement-breakpoint
CREATE UNIQUE INDEX "program_line_number_uq" ON "program_line" USING btree ("program_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "program_objective_key_uq" ON "program_objective" USING btree ("line_id","key");--> statement-breakpoint
CREATE INDEX "program_target_line_idx" ON "program_target" USING btree ("line_id");--> statement-breakpoint
CREATE INDEX "publication_issue_series_idx" ON "publication_issue" USING btree ("series_id","published_on","entry");--> statement-breakpoint
CREATE INDEX "publication_issue_org_idx" ON "publication_issue" USING btree ("organization_id","published_on");--> statement-breakpoint
CREATE UNIQUE INDEX "publication_series_name_uq" ON "publication_series" USING btree ("organization_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "work_program_year_uq" ON "work_program" USING btree ("organization_id","year");--> statement-breakpoint
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
