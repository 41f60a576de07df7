-- Migration 0026 created these three foreign keys without DEFERRABLE; a backup restores rows in any
-- order and needs every key deferrable (see migration 0006 and backup.db.test.ts).
ALTER TABLE "channel_attachment" ALTER CONSTRAINT "channel_attachment_occurrence_id_channel_occurrence_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "channel_obligation" ALTER CONSTRAINT "channel_obligation_area_id_area_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "channel_reminder" ALTER CONSTRAINT "channel_reminder_occurrence_id_channel_occurrence_id_fk" DEFERRABLE INITIALLY IMMEDIATE;
