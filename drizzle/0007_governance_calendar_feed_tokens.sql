CREATE TABLE "calendar_feed_token" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"body_id" uuid,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "calendar_feed_token" ADD CONSTRAINT "calendar_feed_token_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed_token" ADD CONSTRAINT "calendar_feed_token_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed_token" ADD CONSTRAINT "calendar_feed_token_body_id_governing_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governing_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feed_token_hash_uq" ON "calendar_feed_token" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "calendar_feed_token_user_idx" ON "calendar_feed_token" USING btree ("organization_id","user_id");--> statement-breakpoint
ALTER TABLE "calendar_feed_token" ALTER CONSTRAINT "calendar_feed_token_organization_id_organization_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "calendar_feed_token" ALTER CONSTRAINT "calendar_feed_token_user_id_user_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "calendar_feed_token" ALTER CONSTRAINT "calendar_feed_token_body_id_governing_body_id_fk" DEFERRABLE INITIALLY IMMEDIATE;
