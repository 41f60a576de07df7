ALTER TABLE "publication_series" ADD COLUMN "dates_by_month" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "publication_series" ADD COLUMN "sent_weekly" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "report" ADD COLUMN "presentation" jsonb DEFAULT '{}'::jsonb NOT NULL;