CREATE TABLE "accompaniment_activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"area_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"instrument_id" uuid,
	"description" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"opinion_prefix" text NOT NULL,
	"alert_lead_days" integer DEFAULT 60 NOT NULL,
	"alert_repeat_days" integer DEFAULT 7 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"instrument_id" uuid NOT NULL,
	"owed_by_area_id" uuid,
	"owed_by_institution_id" uuid,
	"description" text NOT NULL,
	"due_on" date,
	"fulfilled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitment_owed_by_ck" CHECK (("commitment"."owed_by_area_id" is null) <> ("commitment"."owed_by_institution_id" is null))
);
--> statement-breakpoint
CREATE TABLE "commitment_update" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"commitment_id" uuid NOT NULL,
	"updated_on" date NOT NULL,
	"note" text NOT NULL,
	"fulfilled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instrument" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"parent_id" uuid,
	"ordinal" integer,
	"designation" text,
	"subject" text,
	"link_preposition" text DEFAULT 'a' NOT NULL,
	"organization_is_party" boolean DEFAULT true NOT NULL,
	"object" text,
	"signed_on" date,
	"validity_kind" text DEFAULT 'dated' NOT NULL,
	"valid_from" date,
	"valid_until" date,
	"renewal_terms" text,
	"status" text NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instrument_validity_ck" CHECK ("instrument"."valid_until" is null or "instrument"."valid_from" is null or "instrument"."valid_until" >= "instrument"."valid_from"),
	CONSTRAINT "instrument_not_own_parent_ck" CHECK ("instrument"."parent_id" is null or "instrument"."parent_id" <> "instrument"."id")
);
--> statement-breakpoint
CREATE TABLE "instrument_area" (
	"instrument_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	CONSTRAINT "instrument_area_instrument_id_area_id_pk" PRIMARY KEY("instrument_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "instrument_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"instrument_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sha256" text NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instrument_party" (
	"instrument_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "instrument_party_instrument_id_institution_id_pk" PRIMARY KEY("instrument_id","institution_id")
);
--> statement-breakpoint
CREATE TABLE "instrument_renewal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"instrument_id" uuid NOT NULL,
	"renewed_on" date NOT NULL,
	"previous_end" date,
	"new_end" date NOT NULL,
	"amending_instrument_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instrument_status_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"instrument_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"changed_on" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instrument_type" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"gender" text DEFAULT 'm' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"instrument_id" uuid NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_on" date NOT NULL,
	"issued_on" date,
	"year" integer,
	"sequence" integer,
	"number" text,
	"content" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opinion_issued_ck" CHECK (("opinion"."status" = 'issued') = ("opinion"."number" is not null and "opinion"."issued_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "opinion_area" (
	"opinion_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "opinion_area_opinion_id_area_id_pk" PRIMARY KEY("opinion_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "review" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"period" text NOT NULL,
	"title" text NOT NULL,
	"opened_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_decision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"instrument_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"decided_on" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accompaniment_activity" ADD CONSTRAINT "accompaniment_activity_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniment_activity" ADD CONSTRAINT "accompaniment_activity_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniment_activity" ADD CONSTRAINT "accompaniment_activity_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniment_activity" ADD CONSTRAINT "accompaniment_activity_instrument_id_instrument_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instrument"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_settings" ADD CONSTRAINT "agreement_settings_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_instrument_id_instrument_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instrument"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_owed_by_area_id_area_id_fk" FOREIGN KEY ("owed_by_area_id") REFERENCES "public"."area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_owed_by_institution_id_institution_id_fk" FOREIGN KEY ("owed_by_institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_update" ADD CONSTRAINT "commitment_update_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_update" ADD CONSTRAINT "commitment_update_commitment_id_commitment_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument" ADD CONSTRAINT "instrument_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument" ADD CONSTRAINT "instrument_type_id_instrument_type_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."instrument_type"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument" ADD CONSTRAINT "instrument_parent_id_instrument_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."instrument"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_area" ADD CONSTRAINT "instrument_area_instrument_id_instrument_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instrument"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_area" ADD CONSTRAINT "instrument_area_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_area" ADD CONSTRAINT "instrument_area_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_file" ADD CONSTRAINT "instrument_file_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_file" ADD CONSTRAINT "instrument_file_instrument_id_instrument_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instrument"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_file" ADD CONSTRAINT "instrument_file_sha256_stored_file_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."stored_file"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_party" ADD CONSTRAINT "instrument_party_instrument_id_instrument_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instrument"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_party" ADD CONSTRAINT "instrument_party_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_party" ADD CONSTRAINT "instrument_party_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_renewal" ADD CONSTRAINT "instrument_renewal_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_renewal" ADD CONSTRAINT "instrument_renewal_instrument_id_instrument_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instrument"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_renewal" ADD CONSTRAINT "instrument_renewal_amending_instrument_id_instrument_id_fk" FOREIGN KEY ("amending_instrument_id") REFERENCES "public"."instrument"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_status_change" ADD CONSTRAINT "instrument_status_change_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_status_change" ADD CONSTRAINT "instrument_status_change_instrument_id_instrument_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instrument"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_type" ADD CONSTRAINT "instrument_type_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion" ADD CONSTRAINT "opinion_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion" ADD CONSTRAINT "opinion_instrument_id_instrument_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instrument"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_area" ADD CONSTRAINT "opinion_area_opinion_id_opinion_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinion"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_area" ADD CONSTRAINT "opinion_area_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_area" ADD CONSTRAINT "opinion_area_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review" ADD CONSTRAINT "review_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decision" ADD CONSTRAINT "review_decision_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decision" ADD CONSTRAINT "review_decision_review_id_review_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."review"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decision" ADD CONSTRAINT "review_decision_instrument_id_instrument_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instrument"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accompaniment_org_idx" ON "accompaniment_activity" USING btree ("organization_id","occurred_on");--> statement-breakpoint
CREATE INDEX "commitment_instrument_idx" ON "commitment" USING btree ("instrument_id");--> statement-breakpoint
CREATE INDEX "commitment_update_idx" ON "commitment_update" USING btree ("commitment_id","updated_on");--> statement-breakpoint
CREATE INDEX "instrument_org_idx" ON "instrument" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "instrument_parent_idx" ON "instrument" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "instrument_area_area_idx" ON "instrument_area" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "instrument_file_idx" ON "instrument_file" USING btree ("instrument_id");--> statement-breakpoint
CREATE INDEX "instrument_party_institution_idx" ON "instrument_party" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "instrument_renewal_idx" ON "instrument_renewal" USING btree ("instrument_id","renewed_on");--> statement-breakpoint
CREATE INDEX "instrument_status_change_idx" ON "instrument_status_change" USING btree ("instrument_id","changed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "instrument_type_org_name_uq" ON "instrument_type" USING btree ("organization_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_org_number_uq" ON "opinion" USING btree ("organization_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_org_year_seq_uq" ON "opinion" USING btree ("organization_id","year","sequence");--> statement-breakpoint
CREATE INDEX "opinion_instrument_idx" ON "opinion" USING btree ("instrument_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_org_period_uq" ON "review" USING btree ("organization_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "review_decision_uq" ON "review_decision" USING btree ("review_id","instrument_id");--> statement-breakpoint
CREATE INDEX "review_decision_instrument_idx" ON "review_decision" USING btree ("instrument_id");