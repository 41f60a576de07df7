ALTER TABLE "channel_attachment" DROP CONSTRAINT "channel_attachment_owner_ck";--> statement-breakpoint
ALTER TABLE "channel_reminder" ALTER COLUMN "routing_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "channel_attachment" ADD COLUMN "occurrence_id" uuid;--> statement-breakpoint
ALTER TABLE "channel_obligation" ADD COLUMN "area_id" uuid;--> statement-breakpoint
ALTER TABLE "channel_occurrence" ADD COLUMN "answered_by" text;--> statement-breakpoint
ALTER TABLE "channel_occurrence" ADD COLUMN "reviewed_on" date;--> statement-breakpoint
ALTER TABLE "channel_occurrence" ADD COLUMN "reviewed_by" text;--> statement-breakpoint
ALTER TABLE "channel_occurrence" ADD COLUMN "return_reason" text;--> statement-breakpoint
ALTER TABLE "channel_reminder" ADD COLUMN "occurrence_id" uuid;--> statement-breakpoint
ALTER TABLE "channel_attachment" ADD CONSTRAINT "channel_attachment_occurrence_id_channel_occurrence_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."channel_occurrence"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_obligation" ADD CONSTRAINT "channel_obligation_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_reminder" ADD CONSTRAINT "channel_reminder_occurrence_id_channel_occurrence_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."channel_occurrence"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "channel_attachment_occurrence_idx" ON "channel_attachment" USING btree ("occurrence_id");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_reminder_occurrence_once_uq" ON "channel_reminder" USING btree ("occurrence_id","kind","due_on");--> statement-breakpoint
ALTER TABLE "channel_attachment" ADD CONSTRAINT "channel_attachment_owner_ck" CHECK (num_nonnulls("channel_attachment"."communication_id", "channel_attachment"."message_id", "channel_attachment"."routing_id", "channel_attachment"."occurrence_id") = 1);--> statement-breakpoint
ALTER TABLE "channel_reminder" ADD CONSTRAINT "channel_reminder_owner_ck" CHECK (num_nonnulls("channel_reminder"."routing_id", "channel_reminder"."occurrence_id") = 1);