ALTER TABLE "body_session" ADD COLUMN "cancelled_on" date;--> statement-breakpoint
ALTER TABLE "body_session" ADD COLUMN "cancellation_reason" text;--> statement-breakpoint
ALTER TABLE "body_session" ADD CONSTRAINT "body_session_cancellation_ck" CHECK (("body_session"."cancelled_on" is null) = ("body_session"."cancellation_reason" is null));