-- A folio restored from a backup brings its own search keys, and may arrive before its
-- communication (foreign keys are deferred during a restore): keep them, as the nature is kept.
CREATE OR REPLACE FUNCTION vincula_channel_folio_search_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.search_vector IS NULL AND NEW.subject_folded IS NULL THEN
    SELECT c.search_vector, c.subject_folded INTO NEW.search_vector, NEW.subject_folded
      FROM channel_communication c WHERE c.id = NEW.communication_id;
  END IF;
  RETURN NEW;
END $$;
