CREATE TABLE "delegation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"absent_user_id" text NOT NULL,
	"acting_user_id" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"reason" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" text,
	CONSTRAINT "delegation_period_ck" CHECK ("delegation"."starts_on" <= "delegation"."ends_on"),
	CONSTRAINT "delegation_not_self_ck" CHECK ("delegation"."absent_user_id" <> "delegation"."acting_user_id")
);
--> statement-breakpoint
ALTER TABLE "audit_entry" ADD COLUMN "on_behalf_of_user_id" text;--> statement-breakpoint
ALTER TABLE "audit_entry" ADD COLUMN "on_behalf_of_label" text;--> statement-breakpoint
ALTER TABLE "channel_routing" ADD COLUMN "closed_on_behalf_of" text;--> statement-breakpoint
ALTER TABLE "delegation" ADD CONSTRAINT "delegation_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation" ADD CONSTRAINT "delegation_absent_user_id_user_id_fk" FOREIGN KEY ("absent_user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation" ADD CONSTRAINT "delegation_acting_user_id_user_id_fk" FOREIGN KEY ("acting_user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delegation_acting_idx" ON "delegation" USING btree ("organization_id","acting_user_id","ends_on");--> statement-breakpoint
CREATE INDEX "delegation_absent_idx" ON "delegation" USING btree ("organization_id","absent_user_id","ends_on");--> statement-breakpoint
-- A backup restores rows in any order: every key deferrable (migration 0006).
ALTER TABLE "delegation" ALTER CONSTRAINT "delegation_organization_id_organization_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "delegation" ALTER CONSTRAINT "delegation_absent_user_id_user_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "delegation" ALTER CONSTRAINT "delegation_acting_user_id_user_id_fk" DEFERRABLE INITIALLY IMMEDIATE;
