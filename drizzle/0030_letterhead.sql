CREATE TABLE "document_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"logo_sha256" text,
	"logo_media_type" text,
	"logo_width" integer,
	"logo_height" integer,
	"logo_filename" text,
	"header_lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"footer_lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"report_legal_basis" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_settings" ADD CONSTRAINT "document_settings_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_settings" ADD CONSTRAINT "document_settings_logo_sha256_stored_file_sha256_fk" FOREIGN KEY ("logo_sha256") REFERENCES "public"."stored_file"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_settings" ALTER CONSTRAINT "document_settings_organization_id_organization_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "document_settings" ALTER CONSTRAINT "document_settings_logo_sha256_stored_file_sha256_fk" DEFERRABLE INITIALLY IMMEDIATE;
