CREATE TABLE "channel_attachment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"communication_id" uuid,
	"message_id" uuid,
	"routing_id" uuid,
	"sha256" text NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channel_attachment_owner_ck" CHECK (num_nonnulls("channel_attachment"."communication_id", "channel_attachment"."message_id", "channel_attachment"."routing_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "channel_communication" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"module" text NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"numbering_org_id" uuid,
	"origin_org_id" uuid,
	"origin_label" text NOT NULL,
	"document_type" text NOT NULL,
	"nature" text NOT NULL,
	"subject" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"sent_on" date NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_folio" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"communication_id" uuid NOT NULL,
	"local_org_id" uuid NOT NULL,
	"national_org_id" uuid,
	"module" text NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"received_on" date NOT NULL,
	"due_rule" jsonb,
	"due_on" date,
	"closed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_folio_event" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "channel_folio_event_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"folio_id" uuid NOT NULL,
	"organization_id" uuid,
	"user_id" text,
	"actor_label" text NOT NULL,
	"event" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"occurred_on" date NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"folio_id" uuid NOT NULL,
	"from_side" text NOT NULL,
	"organization_id" uuid,
	"text" text NOT NULL,
	"sent_on" date NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_obligation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"folio_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"description" text NOT NULL,
	"frequency" text NOT NULL,
	"due_rule" jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_occurrence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"obligation_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"period" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"answered_on" date,
	"answer_text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_routing" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"folio_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"role" text NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"internal_due_on" date,
	"state" text NOT NULL,
	"assigned_by" text,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer_text" text,
	"return_reason" text,
	"closed_by" text,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "every_day_counts_period" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "every_day_counts_dates_ck" CHECK ("every_day_counts_period"."ends_on" >= "every_day_counts_period"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "non_working_day" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "non_working_day_organization_id_day_pk" PRIMARY KEY("organization_id","day")
);
--> statement-breakpoint
ALTER TABLE "channel_attachment" ADD CONSTRAINT "channel_attachment_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_attachment" ADD CONSTRAINT "channel_attachment_communication_id_channel_communication_id_fk" FOREIGN KEY ("communication_id") REFERENCES "public"."channel_communication"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_attachment" ADD CONSTRAINT "channel_attachment_message_id_channel_message_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."channel_message"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_communication" ADD CONSTRAINT "channel_communication_numbering_org_id_organization_id_fk" FOREIGN KEY ("numbering_org_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_communication" ADD CONSTRAINT "channel_communication_origin_org_id_organization_id_fk" FOREIGN KEY ("origin_org_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_folio" ADD CONSTRAINT "channel_folio_communication_id_channel_communication_id_fk" FOREIGN KEY ("communication_id") REFERENCES "public"."channel_communication"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_folio" ADD CONSTRAINT "channel_folio_local_org_id_organization_id_fk" FOREIGN KEY ("local_org_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_folio" ADD CONSTRAINT "channel_folio_national_org_id_organization_id_fk" FOREIGN KEY ("national_org_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_folio_event" ADD CONSTRAINT "channel_folio_event_folio_id_channel_folio_id_fk" FOREIGN KEY ("folio_id") REFERENCES "public"."channel_folio"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_folio_event" ADD CONSTRAINT "channel_folio_event_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_message" ADD CONSTRAINT "channel_message_folio_id_channel_folio_id_fk" FOREIGN KEY ("folio_id") REFERENCES "public"."channel_folio"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_message" ADD CONSTRAINT "channel_message_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_obligation" ADD CONSTRAINT "channel_obligation_folio_id_channel_folio_id_fk" FOREIGN KEY ("folio_id") REFERENCES "public"."channel_folio"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_obligation" ADD CONSTRAINT "channel_obligation_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_occurrence" ADD CONSTRAINT "channel_occurrence_obligation_id_channel_obligation_id_fk" FOREIGN KEY ("obligation_id") REFERENCES "public"."channel_obligation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_occurrence" ADD CONSTRAINT "channel_occurrence_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_routing" ADD CONSTRAINT "channel_routing_folio_id_channel_folio_id_fk" FOREIGN KEY ("folio_id") REFERENCES "public"."channel_folio"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_routing" ADD CONSTRAINT "channel_routing_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_routing" ADD CONSTRAINT "channel_routing_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "every_day_counts_period" ADD CONSTRAINT "every_day_counts_period_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "non_working_day" ADD CONSTRAINT "non_working_day_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_communication_number_uq" ON "channel_communication" USING btree ("numbering_org_id","module","year","number") WHERE "channel_communication"."numbering_org_id" is not null;--> statement-breakpoint
CREATE INDEX "channel_communication_origin_idx" ON "channel_communication" USING btree ("origin_org_id","sent_on");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_folio_recipient_uq" ON "channel_folio" USING btree ("communication_id","local_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_folio_number_uq" ON "channel_folio" USING btree ("local_org_id","module","year","number");--> statement-breakpoint
CREATE INDEX "channel_folio_local_list_idx" ON "channel_folio" USING btree ("local_org_id","module","received_on");--> statement-breakpoint
CREATE INDEX "channel_folio_national_list_idx" ON "channel_folio" USING btree ("national_org_id","module","received_on");--> statement-breakpoint
CREATE INDEX "channel_folio_due_idx" ON "channel_folio" USING btree ("local_org_id","status","due_on");--> statement-breakpoint
CREATE INDEX "channel_folio_event_folio_idx" ON "channel_folio_event" USING btree ("folio_id","id");--> statement-breakpoint
CREATE INDEX "channel_message_folio_idx" ON "channel_message" USING btree ("folio_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_occurrence_period_uq" ON "channel_occurrence" USING btree ("obligation_id","period");--> statement-breakpoint
CREATE INDEX "channel_occurrence_due_idx" ON "channel_occurrence" USING btree ("organization_id","status","due_on");--> statement-breakpoint
CREATE INDEX "channel_routing_folio_idx" ON "channel_routing" USING btree ("folio_id");--> statement-breakpoint
CREATE INDEX "channel_routing_area_queue_idx" ON "channel_routing" USING btree ("organization_id","area_id","state");