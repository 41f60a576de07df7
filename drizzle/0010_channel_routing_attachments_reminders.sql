CREATE TABLE "channel_reminder" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"routing_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"recipients" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "channel_attachment" ADD COLUMN "uploaded_by" text;--> statement-breakpoint
ALTER TABLE "channel_routing" ADD COLUMN "previous_id" uuid;--> statement-breakpoint
ALTER TABLE "channel_reminder" ADD CONSTRAINT "channel_reminder_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_reminder" ADD CONSTRAINT "channel_reminder_routing_id_channel_routing_id_fk" FOREIGN KEY ("routing_id") REFERENCES "public"."channel_routing"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_reminder_once_uq" ON "channel_reminder" USING btree ("routing_id","kind","due_on");--> statement-breakpoint
ALTER TABLE "channel_attachment" ADD CONSTRAINT "channel_attachment_routing_id_channel_routing_id_fk" FOREIGN KEY ("routing_id") REFERENCES "public"."channel_routing"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_routing" ADD CONSTRAINT "channel_routing_previous_id_channel_routing_id_fk" FOREIGN KEY ("previous_id") REFERENCES "public"."channel_routing"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "channel_attachment_communication_idx" ON "channel_attachment" USING btree ("communication_id");--> statement-breakpoint
CREATE INDEX "channel_attachment_message_idx" ON "channel_attachment" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "channel_attachment_routing_idx" ON "channel_attachment" USING btree ("routing_id");--> statement-breakpoint
ALTER TABLE "channel_reminder" ALTER CONSTRAINT "channel_reminder_organization_id_organization_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "channel_reminder" ALTER CONSTRAINT "channel_reminder_routing_id_channel_routing_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "channel_attachment" ALTER CONSTRAINT "channel_attachment_routing_id_channel_routing_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "channel_routing" ALTER CONSTRAINT "channel_routing_previous_id_channel_routing_id_fk" DEFERRABLE INITIALLY IMMEDIATE;
