-- Migration 0032 created this foreign key without DEFERRABLE; a backup restores rows in any order
-- and needs every key deferrable (see migration 0006 and backup.db.test.ts).
ALTER TABLE "organization_sso_policy" ALTER CONSTRAINT "organization_sso_policy_organization_id_organization_id_fk" DEFERRABLE INITIALLY IMMEDIATE;
