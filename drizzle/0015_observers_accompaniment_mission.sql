CREATE TABLE "observers_agenda_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"mission_id" uuid NOT NULL,
	"group_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"day" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"place" text,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observers_agenda_times_ck" CHECK ("observers_agenda_item"."start_time" < "observers_agenda_item"."end_time")
);
--> statement-breakpoint
CREATE TABLE "observers_assignment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"mission_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"group_id" uuid,
	"user_id" text,
	"person_id" uuid,
	"role" text NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observers_assignment_target_ck" CHECK (num_nonnulls("observers_assignment"."agenda_item_id", "observers_assignment"."group_id") >= 1),
	CONSTRAINT "observers_assignment_staff_ck" CHECK (num_nonnulls("observers_assignment"."user_id", "observers_assignment"."person_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "observers_communication" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"mission_id" uuid NOT NULL,
	"group_id" uuid,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"sent_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observers_delivery" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"communication_id" uuid NOT NULL,
	"registrant_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"email" text,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "observers_group" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"mission_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observers_mission" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"process" text NOT NULL,
	"election_day" date NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"agreement_ref" text,
	"approved_on" date,
	"base_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observers_mission_days_ck" CHECK ("observers_mission"."starts_on" <= "observers_mission"."election_day" and "observers_mission"."election_day" <= "observers_mission"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "observers_registrant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"mission_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"nationality" text NOT NULL,
	"accreditation_status" text NOT NULL,
	"accreditation_number" text,
	"group_id" uuid,
	"notes" text,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observers_registrant_accredited_ck" CHECK ("observers_registrant"."accreditation_status" <> 'accredited' or "observers_registrant"."accreditation_number" is not null or "observers_registrant"."erased_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "observers_route_stop" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"section" integer NOT NULL,
	"casilla_type" text NOT NULL,
	"address" text NOT NULL,
	"arrival_time" text NOT NULL,
	"departure_time" text NOT NULL,
	"notes" text,
	CONSTRAINT "observers_route_stop_times_ck" CHECK ("observers_route_stop"."arrival_time" <= "observers_route_stop"."departure_time")
);
--> statement-breakpoint
ALTER TABLE "observers_agenda_item" ADD CONSTRAINT "observers_agenda_item_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_agenda_item" ADD CONSTRAINT "observers_agenda_item_mission_id_observers_mission_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."observers_mission"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_agenda_item" ADD CONSTRAINT "observers_agenda_item_group_id_observers_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."observers_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_assignment" ADD CONSTRAINT "observers_assignment_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_assignment" ADD CONSTRAINT "observers_assignment_mission_id_observers_mission_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."observers_mission"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_assignment" ADD CONSTRAINT "observers_assignment_agenda_item_id_observers_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."observers_agenda_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_assignment" ADD CONSTRAINT "observers_assignment_group_id_observers_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."observers_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_assignment" ADD CONSTRAINT "observers_assignment_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_assignment" ADD CONSTRAINT "observers_assignment_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_communication" ADD CONSTRAINT "observers_communication_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_communication" ADD CONSTRAINT "observers_communication_mission_id_observers_mission_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."observers_mission"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_communication" ADD CONSTRAINT "observers_communication_group_id_observers_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."observers_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_delivery" ADD CONSTRAINT "observers_delivery_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_delivery" ADD CONSTRAINT "observers_delivery_communication_id_observers_communication_id_fk" FOREIGN KEY ("communication_id") REFERENCES "public"."observers_communication"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_delivery" ADD CONSTRAINT "observers_delivery_registrant_id_observers_registrant_id_fk" FOREIGN KEY ("registrant_id") REFERENCES "public"."observers_registrant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_delivery" ADD CONSTRAINT "observers_delivery_contact_id_outreach_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."outreach_contact"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_group" ADD CONSTRAINT "observers_group_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_group" ADD CONSTRAINT "observers_group_mission_id_observers_mission_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."observers_mission"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_mission" ADD CONSTRAINT "observers_mission_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_mission" ADD CONSTRAINT "observers_mission_base_id_outreach_base_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."outreach_base"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_registrant" ADD CONSTRAINT "observers_registrant_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_registrant" ADD CONSTRAINT "observers_registrant_mission_id_observers_mission_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."observers_mission"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_registrant" ADD CONSTRAINT "observers_registrant_contact_id_outreach_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."outreach_contact"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_registrant" ADD CONSTRAINT "observers_registrant_group_id_observers_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."observers_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_route_stop" ADD CONSTRAINT "observers_route_stop_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers_route_stop" ADD CONSTRAINT "observers_route_stop_agenda_item_id_observers_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."observers_agenda_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "observers_agenda_mission_idx" ON "observers_agenda_item" USING btree ("mission_id","day","start_time");--> statement-breakpoint
CREATE INDEX "observers_assignment_mission_idx" ON "observers_assignment" USING btree ("mission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "observers_assignment_uq" ON "observers_assignment" USING btree ("mission_id",coalesce("agenda_item_id"::text, ''),coalesce("group_id"::text, ''),coalesce("user_id", "person_id"::text));--> statement-breakpoint
CREATE INDEX "observers_communication_mission_idx" ON "observers_communication" USING btree ("mission_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "observers_delivery_uq" ON "observers_delivery" USING btree ("communication_id","registrant_id");--> statement-breakpoint
CREATE INDEX "observers_delivery_contact_idx" ON "observers_delivery" USING btree ("contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "observers_group_name_uq" ON "observers_group" USING btree ("mission_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "observers_mission_name_uq" ON "observers_mission" USING btree ("organization_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "observers_registrant_contact_uq" ON "observers_registrant" USING btree ("mission_id","contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "observers_registrant_accreditation_uq" ON "observers_registrant" USING btree ("mission_id",upper("accreditation_number")) WHERE "observers_registrant"."accreditation_number" is not null;--> statement-breakpoint
CREATE INDEX "observers_registrant_group_idx" ON "observers_registrant" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "observers_registrant_contact_idx" ON "observers_registrant" USING btree ("contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "observers_route_stop_position_uq" ON "observers_route_stop" USING btree ("agenda_item_id","position");--> statement-breakpoint
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
