-- The Secretaría Ejecutiva's instruction of routings (ADR 0038). Keys deferrable for backup restore (see 0006).
CREATE TABLE "channel_routing_policy" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"instructing_area_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "channel_routing" ADD COLUMN "requires_instruction" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "channel_routing" ADD COLUMN "instructed_by" text;--> statement-breakpoint
ALTER TABLE "channel_routing" ADD COLUMN "instructed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channel_routing_policy" ADD CONSTRAINT "channel_routing_policy_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "channel_routing_policy" ADD CONSTRAINT "channel_routing_policy_instructing_area_id_area_id_fk" FOREIGN KEY ("instructing_area_id") REFERENCES "public"."area"("id") ON DELETE no action ON UPDATE no action DEFERRABLE INITIALLY IMMEDIATE;