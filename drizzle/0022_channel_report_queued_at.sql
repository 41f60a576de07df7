ALTER TABLE "channel_report" ADD COLUMN "queued_at" timestamp with time zone;--> statement-breakpoint
-- Reports queued before this column existed get the hours of grace from now.
UPDATE "channel_report" SET "queued_at" = now() WHERE "state" = 'queued';
