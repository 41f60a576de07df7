-- Full-text search of the channel in Spanish, insensitive to accents: Spanish stemming after
-- removing accents, over subject and body of each communication.
CREATE TEXT SEARCH CONFIGURATION vincula_es (COPY = pg_catalog.spanish);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION vincula_es
  ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.spanish_stem;
--> statement-breakpoint
CREATE INDEX channel_communication_fts ON channel_communication
  USING gin (to_tsvector('vincula_es'::regconfig, subject || ' ' || body));
--> statement-breakpoint
CREATE INDEX channel_communication_subject_trgm ON channel_communication USING gin (vincula_fold(subject) gin_trgm_ops);
--> statement-breakpoint
-- The history of a folio is append-only, like the audit trail.
CREATE TRIGGER channel_folio_event_no_update BEFORE UPDATE OR DELETE ON channel_folio_event
  FOR EACH ROW EXECUTE FUNCTION vincula_audit_append_only();
