-- Lists search the folio row itself: each folio carries its communication's search keys (computed
-- once per communication by the generated columns of migration 0018), copied on insert like the
-- nature (migration 0014). Communications never change once sent.
DROP INDEX "channel_communication_search_idx";--> statement-breakpoint
DROP INDEX "channel_communication_subject_folded_trgm";--> statement-breakpoint
ALTER TABLE "channel_folio" ADD COLUMN "search_vector" "tsvector";--> statement-breakpoint
ALTER TABLE "channel_folio" ADD COLUMN "subject_folded" text;--> statement-breakpoint
UPDATE "channel_folio" f SET "search_vector" = c."search_vector", "subject_folded" = c."subject_folded"
  FROM "channel_communication" c WHERE c."id" = f."communication_id";--> statement-breakpoint
CREATE OR REPLACE FUNCTION vincula_channel_folio_search_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.search_vector, c.subject_folded INTO NEW.search_vector, NEW.subject_folded
    FROM channel_communication c WHERE c.id = NEW.communication_id;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER channel_folio_search_keys BEFORE INSERT ON "channel_folio"
  FOR EACH ROW EXECUTE FUNCTION vincula_channel_folio_search_keys();--> statement-breakpoint
CREATE INDEX "channel_folio_search_idx" ON "channel_folio" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "channel_folio_subject_folded_trgm" ON "channel_folio" USING gin ("subject_folded" gin_trgm_ops);
