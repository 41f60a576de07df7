ALTER TABLE "channel_communication" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('vincula_es'::regconfig, subject || ' ' || body)) STORED;--> statement-breakpoint
ALTER TABLE "channel_communication" ADD COLUMN "subject_folded" text GENERATED ALWAYS AS (vincula_fold(subject)) STORED;--> statement-breakpoint
CREATE INDEX "channel_communication_search_idx" ON "channel_communication" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "channel_communication_subject_folded_trgm" ON "channel_communication" USING gin ("subject_folded" gin_trgm_ops);--> statement-breakpoint
-- The expression indexes of migration 0005 are replaced by the two above, over the stored columns.
DROP INDEX IF EXISTS "channel_communication_fts";--> statement-breakpoint
DROP INDEX IF EXISTS "channel_communication_subject_trgm";
