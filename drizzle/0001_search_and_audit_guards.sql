-- Accent-insensitive Spanish search: unaccent is only STABLE, so an IMMUTABLE wrapper lets
-- expression indexes use it. The dictionary is named explicitly to keep the wrapper's result fixed.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vincula_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vincula_join(value text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_to_string(value, ' '), '') $$;
--> statement-breakpoint
CREATE INDEX institution_search_trgm ON institution USING gin (vincula_fold(name || ' ' || coalesce(acronym, '')) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX area_search_trgm ON area USING gin (vincula_fold(name || ' ' || coalesce(acronym, '') || ' ' || vincula_join(aliases)) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX person_search_trgm ON person USING gin (vincula_fold(full_name || ' ' || vincula_join(aliases)) gin_trgm_ops);
--> statement-breakpoint
ALTER TABLE user_area ADD CONSTRAINT user_area_area_id_area_id_fk FOREIGN KEY (area_id) REFERENCES area(id);
--> statement-breakpoint
-- The audit trail is append-only: no role that uses the application can change or remove an entry.
CREATE OR REPLACE FUNCTION vincula_audit_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION vincula_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION vincula_audit_append_only();
