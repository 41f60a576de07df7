-- Every foreign key becomes DEFERRABLE INITIALLY IMMEDIATE: checked at each statement as before,
-- but a restore can defer the checks to commit (SET CONSTRAINTS ALL DEFERRED) and load rows in any
-- order, including references that form cycles. Later migrations keep this (a test checks it).
DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT c.conname, t.relname
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE c.contype = 'f' AND n.nspname = 'public' AND NOT c.condeferrable
  LOOP
    EXECUTE format('ALTER TABLE %I ALTER CONSTRAINT %I DEFERRABLE INITIALLY IMMEDIATE', r.relname, r.conname);
  END LOOP;
END $$;
