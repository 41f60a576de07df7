-- Migration 0034 created these foreign keys without DEFERRABLE; a backup restores rows in any order
-- and needs every key deferrable (see migration 0006 and backup.db.test.ts).
ALTER TABLE "agreement_opinion" ALTER CONSTRAINT "agreement_opinion_organization_id_organization_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "agreement_opinion" ALTER CONSTRAINT "agreement_opinion_agreement_id_agreement_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "agreement_opinion" ALTER CONSTRAINT "agreement_opinion_membership_id_body_membership_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "agreement_opinion" ALTER CONSTRAINT "agreement_opinion_person_id_person_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "agreement_opinion" ALTER CONSTRAINT "agreement_opinion_file_sha256_stored_file_sha256_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "convocation_recipient" ALTER CONSTRAINT "convocation_recipient_organization_id_organization_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "convocation_recipient" ALTER CONSTRAINT "convocation_recipient_session_id_session_convocation_session_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "convocation_recipient" ALTER CONSTRAINT "convocation_recipient_membership_id_body_membership_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "governance_settings" ALTER CONSTRAINT "governance_settings_organization_id_organization_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "session_convocation" ALTER CONSTRAINT "session_convocation_session_id_body_session_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "session_convocation" ALTER CONSTRAINT "session_convocation_organization_id_organization_id_fk" DEFERRABLE INITIALLY IMMEDIATE;
