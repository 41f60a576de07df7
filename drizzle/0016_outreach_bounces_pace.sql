CREATE TABLE "outreach_send_pace" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"next_slot_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outreach_contact" ADD COLUMN "email_invalid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outreach_send_pace" ADD CONSTRAINT "outreach_send_pace_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
CREATE INDEX "outreach_ledger_contact_idx" ON "outreach_ledger" USING btree ("contact_id");